// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.engine.TradingEngine;
import org.tradeengine.api.strategy.Signal;

/** {@code te:signals}: the latest signals, newest first. */
@Command(scope = "te", name = "signals", description = "Shows the latest signals, newest first")
@Service
public class SignalsCommand implements Action {

    @Reference
    TradingEngine engine;

    @Option(name = "-n", aliases = "--count", description = "How many (default 20)")
    int count = 20;

    @Option(name = "-i", aliases = "--instrument", description = "Only this instrument")
    @Completion(InstrumentCompleter.class)
    String instrument;

    @Override
    public Object execute() {
        System.out.println(engine.status().signals() + " signals since start");
        ShellTable t = new ShellTable();
        t.column("#").alignRight();
        t.column("Time (venue)");
        t.column("Instrument");
        t.column("Side");
        t.column("Rule");
        t.column("Gen").alignRight();
        t.column("Imbalance").alignRight();
        t.column("Bid").alignRight();
        t.column("Ask").alignRight();
        t.column("Book id").alignRight();
        int shown = 0;
        for (Signal s : engine.recentSignals(instrument == null ? count : Integer.MAX_VALUE)) {
            if (instrument != null && !s.instrument().toString().equals(instrument)) {
                continue;
            }
            t.addRow().addContent(s.sequence(), Format.millis(s.exchangeTimeMillis()), s.instrument(), s.side(), s.rule(),
                    s.ruleGeneration(), Format.decimal(s.imbalance()), Format.decimal(s.bestBid()), Format.decimal(s.bestAsk()),
                    s.bookUpdateId());
            if (++shown >= count) {
                break;
            }
        }
        t.print(System.out);
        return null;
    }
}
