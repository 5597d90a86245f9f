// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.orderbook.internal;

import java.util.Objects;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookIntegrity;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;

/**
 * The production L2 book: exact fixed-point levels in primitive arrays, per side a direct-addressed window of
 * ticks around the top backed by a chunked sorted array for deeper levels (see {@link BookSide}). The best level
 * is O(1), top-N reads are O(N), and nothing is allocated per update once the arrays have grown to the book.
 *
 * <p>Besides the {@link OrderBook} contract, a delta carrying a price outside {@code (0, 2^62)} or a negative quantity is
 * refused with {@link IllegalArgumentException} before any level is touched: such a number is a broken feed,
 * not a book integrity problem, and the book stays as it was (the next update then shows a sequence gap, so
 * the feed re-synchronises). Not thread-safe: one thread owns it.
 */
public final class ArrayOrderBook implements OrderBook {

    /**
     * Raw price steps addressed directly per side (128 KiB of quantities each): 95 % of the level updates of the
     * bundled BTCUSDT futures recording land within it. Wider windows gained little there.
     */
    static final int DEFAULT_WINDOW = 16_384;
    /** Starting room for levels below the window, per side; grows as needed. */
    static final int DEFAULT_CAPACITY = 2048;

    private final InstrumentSpec spec;
    private final InstrumentId id;
    private final BookSide bids;
    private final BookSide asks;
    private BookState state = BookState.SYNCING;
    private long lastUpdateId;

    /**
     * Creates an empty book in {@link BookState#SYNCING}.
     *
     * @param spec the instrument and its scales
     */
    public ArrayOrderBook(InstrumentSpec spec) {
        this(spec, DEFAULT_WINDOW, DEFAULT_CAPACITY);
    }

    /**
     * Creates an empty book with a given window and starting overflow capacity per side (tests use tiny ones).
     *
     * @param spec the instrument and its scales
     * @param window raw price steps addressed directly per side, a power of two of at least 64
     * @param overflowCapacity levels per side below the window before the first growth
     */
    ArrayOrderBook(InstrumentSpec spec, int window, int overflowCapacity) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.id = spec.id();
        this.bids = new BookSide(window, overflowCapacity);
        this.asks = new BookSide(window, overflowCapacity);
    }

    @Override
    public BookIntegrity apply(BookDelta delta) {
        checkInstrument(delta);
        if (delta.isSnapshot()) {
            return applySnapshot(delta);
        }
        if (state != BookState.LIVE) {
            return BookIntegrity.NOT_SYNCED;
        }
        if (delta.lastUpdateId() <= lastUpdateId) {
            return BookIntegrity.STALE;
        }
        if (delta.previousUpdateId() != lastUpdateId) {
            state = BookState.INVALID;
            return BookIntegrity.SEQUENCE_GAP;
        }
        DeltaChecks.requireValidLevels(delta);
        applyLevels(delta);
        lastUpdateId = delta.lastUpdateId();
        return checkCrossed();
    }

    /** Entries in order, so a later entry for the same price wins; asks are keyed by negated price. */
    private void applyLevels(BookDelta delta) {
        for (int i = 0, n = delta.bidCount(); i < n; i++) {
            bids.set(delta.bidPrice(i), delta.bidQty(i));
        }
        for (int i = 0, n = delta.askCount(); i < n; i++) {
            asks.set(-delta.askPrice(i), delta.askQty(i));
        }
    }

    private BookIntegrity applySnapshot(BookDelta delta) {
        DeltaChecks.requireValidLevels(delta);
        bids.clear();
        asks.clear();
        applyLevels(delta);
        lastUpdateId = delta.lastUpdateId();
        state = BookState.LIVE;
        return checkCrossed();
    }

    private BookIntegrity checkCrossed() {
        if (bids.size() > 0 && asks.size() > 0 && bids.bestKey() >= -asks.bestKey()) {
            state = BookState.INVALID;
            return BookIntegrity.CROSSED;
        }
        return BookIntegrity.OK;
    }

    private void checkInstrument(BookDelta delta) {
        InstrumentId other = delta.instrument();
        if (other != id && !other.equals(id)) {
            throw new IllegalArgumentException("delta for " + other + " applied to the book of " + id);
        }
    }

    @Override
    public void reset() {
        bids.clear();
        asks.clear();
        lastUpdateId = 0;
        state = BookState.SYNCING;
    }

    @Override
    public InstrumentId instrument() {
        return id;
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
        return lastUpdateId;
    }

    @Override
    public int bidDepth() {
        return bids.size();
    }

    @Override
    public int askDepth() {
        return asks.size();
    }

    @Override
    public long bidPrice(int level) {
        return bids.keyAt(level);
    }

    @Override
    public long bidQty(int level) {
        return bids.qtyAt(level);
    }

    @Override
    public long askPrice(int level) {
        return -asks.keyAt(level);
    }

    @Override
    public long askQty(int level) {
        return asks.qtyAt(level);
    }

    @Override
    public String toString() {
        return id + " " + state + " u=" + lastUpdateId + " bids=" + bids.size() + " asks=" + asks.size();
    }
}
