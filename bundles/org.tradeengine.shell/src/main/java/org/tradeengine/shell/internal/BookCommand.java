// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.book.BookSnapshot;
import org.tradeengine.api.engine.TradingEngine;
import org.tradeengine.api.model.InstrumentId;

/** {@code te:book}: the top of one instrument's book, as the engine holds it now. */
@Command(scope = "te", name = "book", description = "Shows the top N levels of an instrument's book")
@Service
public class BookCommand implements Action {

    @Reference
    TradingEngine engine;

    @Argument(index = 0, name = "instrument", required = true, description = "Instrument id, e.g. BTCUSDT-PERP.BINANCE_FUTURES")
    @Completion(InstrumentCompleter.class)
    String instrument;

    @Option(name = "-n", aliases = "--depth", description = "Levels per side (default 10)")
    int depth = 10;

    @Option(name = "--json", description = "Print one JSON line instead of a table")
    boolean json;

    @Override
    public Object execute() {
        InstrumentId id;
        try {
            id = InstrumentId.parse(instrument);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return null;
        }
        Optional<BookSnapshot> book = engine.book(id, Math.max(1, depth));
        if (book.isEmpty()) {
            System.err.println("No book for " + id + "; known: " + engine.instruments());
            return null;
        }
        BookSnapshot b = book.get();
        if (json) {
            System.out.println(b.toJson());
            return null;
        }
        System.out.println(b.instrument() + "  " + b.state() + "  last update id " + b.lastUpdateId());
        ShellTable t = new ShellTable();
        t.column("Bid qty").alignRight();
        t.column("Bid").alignRight();
        t.column("Ask").alignRight();
        t.column("Ask qty").alignRight();
        for (int i = 0; i < Math.max(b.bids().size(), b.asks().size()); i++) {
            BookSnapshot.Level bid = i < b.bids().size() ? b.bids().get(i) : null;
            BookSnapshot.Level ask = i < b.asks().size() ? b.asks().get(i) : null;
            t.addRow().addContent(bid == null ? "" : bid.qty().toPlainString(), bid == null ? "" : bid.price().toPlainString(),
                    ask == null ? "" : ask.price().toPlainString(), ask == null ? "" : ask.qty().toPlainString());
        }
        t.print(System.out);
        return null;
    }
}
