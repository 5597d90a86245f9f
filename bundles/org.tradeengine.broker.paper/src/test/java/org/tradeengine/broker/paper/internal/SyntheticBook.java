// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.util.Arrays;

import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.BookView;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;

/**
 * A hand-made book for the matching tests: levels given as {@code "price:qty"} decimal strings, best first.
 * Mutable on purpose, like the engine's book: each test step sets the levels and calls {@code onBook}.
 */
class SyntheticBook implements BookView {

    private final InstrumentSpec spec;
    private BookState state = BookState.LIVE;
    private long updateId;
    private long[] bidPrices = new long[0];
    private long[] bidQtys = new long[0];
    private long[] askPrices = new long[0];
    private long[] askQtys = new long[0];

    SyntheticBook(InstrumentSpec spec) {
        this.spec = spec;
    }

    /** Replaces the bids, best (highest) first. */
    SyntheticBook bids(String... levels) {
        bidPrices = prices(levels);
        bidQtys = qtys(levels);
        updateId++;
        return this;
    }

    /** Replaces the asks, best (lowest) first. */
    SyntheticBook asks(String... levels) {
        askPrices = prices(levels);
        askQtys = qtys(levels);
        updateId++;
        return this;
    }

    SyntheticBook state(BookState s) {
        this.state = s;
        return this;
    }

    private long[] prices(String[] levels) {
        return Arrays.stream(levels).mapToLong(l -> spec.parsePrice(l.substring(0, l.indexOf(':')))).toArray();
    }

    private long[] qtys(String[] levels) {
        return Arrays.stream(levels).mapToLong(l -> spec.parseQty(l.substring(l.indexOf(':') + 1))).toArray();
    }

    @Override
    public InstrumentId instrument() {
        return spec.id();
    }

    @Override
    public InstrumentSpec spec() {
        return spec;
    }

    @Override
    public BookState state() {
        return state;
    }

    @Override
    public long lastUpdateId() {
        return updateId;
    }

    @Override
    public int bidDepth() {
        return bidPrices.length;
    }

    @Override
    public int askDepth() {
        return askPrices.length;
    }

    @Override
    public long bidPrice(int level) {
        return bidPrices[level];
    }

    @Override
    public long bidQty(int level) {
        return bidQtys[level];
    }

    @Override
    public long askPrice(int level) {
        return askPrices[level];
    }

    @Override
    public long askQty(int level) {
        return askQtys[level];
    }
}
