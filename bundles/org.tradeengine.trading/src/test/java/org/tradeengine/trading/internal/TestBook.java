// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.BookView;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;

/** A one-level book the test sets by hand. */
final class TestBook implements BookView {

    private final InstrumentId instrument;
    private final InstrumentSpec spec;
    BookState state = BookState.LIVE;
    private long bid;
    private long ask;

    TestBook(String instrument) {
        this.instrument = InstrumentId.parse(instrument);
        this.spec = InstrumentSpecs.lookup(this.instrument);
    }

    /** Sets best bid and ask from decimal text; returns this. */
    TestBook quote(String bidPrice, String askPrice) {
        bid = spec.parsePrice(bidPrice);
        ask = spec.parsePrice(askPrice);
        return this;
    }

    TestBook state(BookState s) {
        state = s;
        return this;
    }

    @Override
    public InstrumentId instrument() {
        return instrument;
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
        return 1;
    }

    @Override
    public int bidDepth() {
        return bid > 0 ? 1 : 0;
    }

    @Override
    public int askDepth() {
        return ask > 0 ? 1 : 0;
    }

    @Override
    public long bidPrice(int level) {
        check(level, bidDepth());
        return bid;
    }

    @Override
    public long bidQty(int level) {
        check(level, bidDepth());
        return spec.parseQty("10");
    }

    @Override
    public long askPrice(int level) {
        check(level, askDepth());
        return ask;
    }

    @Override
    public long askQty(int level) {
        check(level, askDepth());
        return spec.parseQty("10");
    }

    private static void check(int level, int depth) {
        if (level >= depth) {
            throw new IndexOutOfBoundsException(level);
        }
    }
}
