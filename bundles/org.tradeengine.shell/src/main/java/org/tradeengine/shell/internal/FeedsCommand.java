// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.engine.TradingEngine;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.feed.InstrumentFeedStatus;

/** {@code te:feeds}: every feed the engine is bound to, and each of its instruments. */
@Command(scope = "te", name = "feeds", description = "Shows each feed's state, reconnects and clock offset and, per instrument,"
        + " book state, events, gaps, resyncs, malformed messages, last sequence id and lag")
@Service
public class FeedsCommand implements Action {

    @Reference
    TradingEngine engine;

    @Override
    public Object execute() {
        ShellTable t = new ShellTable();
        t.column("Feed");
        t.column("Venue");
        t.column("State");
        t.column("Reconnects").alignRight();
        t.column("Instrument");
        t.column("Book");
        t.column("Events").alignRight();
        t.column("Gaps").alignRight();
        t.column("Resyncs").alignRight();
        t.column("Malformed").alignRight();
        t.column("Last seq id").alignRight();
        t.column("Lag ms").alignRight();
        t.column("Connected since");
        for (FeedStatus f : engine.feeds()) {
            if (f.instruments().isEmpty()) {
                t.addRow().addContent(f.feedId(), f.venue(), f.state(), f.reconnects(), "-", "-", 0, 0, 0, f.malformed(), "-", "-",
                        Format.since(f.connectedSince()));
            }
            for (InstrumentFeedStatus i : f.instruments()) {
                t.addRow().addContent(f.feedId(), f.venue(), f.state(), f.reconnects(), i.instrument(), i.bookState(), i.events(), i.gaps(),
                        i.resyncs(), i.malformed(), i.lastUpdateId(), i.lagMillis(), Format.since(f.connectedSince()));
            }
        }
        t.print(System.out);
        for (FeedStatus f : engine.feeds()) {
            if (f.clockOffsetMillis() != 0) {
                System.out.println(f.feedId() + ": local clock - venue clock ~ " + f.clockOffsetMillis()
                        + " ms (estimate; lag is net of it)");
            }
            if (!f.detail().isEmpty()) {
                System.out.println(f.feedId() + ": " + f.detail());
            }
        }
        return null;
    }
}
