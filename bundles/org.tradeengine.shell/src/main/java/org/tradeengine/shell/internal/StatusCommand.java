// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.engine.EngineStatus;
import org.tradeengine.api.engine.InstrumentStatus;
import org.tradeengine.api.engine.TradingEngine;

/** {@code te:status}: engine counters and the state of every book. */
@Command(scope = "te", name = "status", description = "Shows the engine's counters and the state of every book")
@Service
public class StatusCommand implements Action {

    @Reference
    TradingEngine engine;

    @Override
    public Object execute() {
        EngineStatus s = engine.status();
        System.out.printf("engine %s: %d events, %d level updates, %d feature updates, %d signals, queue %d, strategies %s%n",
                s.running() ? "RUNNING" : "STOPPED", s.events(), s.levelUpdates(), s.featureUpdates(), s.signals(),
                s.queueDepth(), s.strategies().isEmpty() ? "(none)" : String.join(", ", s.strategies()));
        ShellTable t = new ShellTable();
        t.column("Instrument");
        t.column("Book");
        t.column("Last update id").alignRight();
        t.column("Events").alignRight();
        t.column("Snapshots").alignRight();
        t.column("Gaps").alignRight();
        t.column("Crossed").alignRight();
        t.column("Signals").alignRight();
        t.column("Imbalance").alignRight();
        for (InstrumentStatus i : s.instruments()) {
            t.addRow().addContent(i.instrument(), i.bookState(), i.lastUpdateId(), i.events(), i.snapshots(), i.gaps(),
                    i.crossed(), i.signals(), Format.decimal(i.imbalance()));
        }
        t.print(System.out);
        return null;
    }
}
