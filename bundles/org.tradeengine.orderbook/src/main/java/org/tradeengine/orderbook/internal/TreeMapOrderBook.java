// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.orderbook.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookIntegrity;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;

/**
 * BASELINE ONLY, NOT FOR PRODUCTION: the textbook book, a {@code TreeMap<BigDecimal, BigDecimal>} per side,
 * converting every raw value with {@link BigDecimal#valueOf(long, int)} on the way in and back on the way out.
 *
 * <p>It exists as the naive reference the benchmark compares {@link ArrayOrderBook} against, and as a second,
 * independently written implementation for the order-book contract test. It allocates on every level update
 * and reading level {@code i} walks the map (cached until the next change). It follows the same contract and
 * the same bad-input rule as {@link ArrayOrderBook}. Not thread-safe.
 */
public final class TreeMapOrderBook implements OrderBook {

    private final InstrumentSpec spec;
    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private BookState state = BookState.SYNCING;
    private long lastUpdateId;
    private List<Map.Entry<BigDecimal, BigDecimal>> bidLevels;
    private List<Map.Entry<BigDecimal, BigDecimal>> askLevels;

    /**
     * Creates an empty book in {@link BookState#SYNCING}.
     *
     * @param spec the instrument and its scales
     */
    public TreeMapOrderBook(InstrumentSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public BookIntegrity apply(BookDelta delta) {
        if (!delta.instrument().equals(spec.id())) {
            throw new IllegalArgumentException("delta for " + delta.instrument() + " applied to the book of " + spec.id());
        }
        if (delta.isSnapshot()) {
            DeltaChecks.requireValidLevels(delta);
            clearLevels();
            applyLevels(delta);
            state = BookState.LIVE;
            return afterApply(delta);
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
        return afterApply(delta);
    }

    private void applyLevels(BookDelta delta) {
        for (int i = 0; i < delta.bidCount(); i++) {
            put(bids, delta.bidPrice(i), delta.bidQty(i));
        }
        for (int i = 0; i < delta.askCount(); i++) {
            put(asks, delta.askPrice(i), delta.askQty(i));
        }
        bidLevels = null;
        askLevels = null;
    }

    private void put(NavigableMap<BigDecimal, BigDecimal> side, long price, long qty) {
        BigDecimal p = BigDecimal.valueOf(price, spec.priceScale());
        if (qty == 0) {
            side.remove(p);
        } else {
            side.put(p, BigDecimal.valueOf(qty, spec.qtyScale()));
        }
    }

    private BookIntegrity afterApply(BookDelta delta) {
        lastUpdateId = delta.lastUpdateId();
        if (!bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) >= 0) {
            state = BookState.INVALID;
            return BookIntegrity.CROSSED;
        }
        return BookIntegrity.OK;
    }

    private void clearLevels() {
        bids.clear();
        asks.clear();
        bidLevels = null;
        askLevels = null;
    }

    @Override
    public void reset() {
        clearLevels();
        lastUpdateId = 0;
        state = BookState.SYNCING;
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
        return FixedPoint.fromBigDecimal(bidLevel(level).getKey(), spec.priceScale());
    }

    @Override
    public long bidQty(int level) {
        return FixedPoint.fromBigDecimal(bidLevel(level).getValue(), spec.qtyScale());
    }

    @Override
    public long askPrice(int level) {
        return FixedPoint.fromBigDecimal(askLevel(level).getKey(), spec.priceScale());
    }

    @Override
    public long askQty(int level) {
        return FixedPoint.fromBigDecimal(askLevel(level).getValue(), spec.qtyScale());
    }

    private Map.Entry<BigDecimal, BigDecimal> bidLevel(int level) {
        if (bidLevels == null) {
            bidLevels = new ArrayList<>(bids.entrySet());
        }
        return bidLevels.get(level);
    }

    private Map.Entry<BigDecimal, BigDecimal> askLevel(int level) {
        if (askLevels == null) {
            askLevels = new ArrayList<>(asks.entrySet());
        }
        return askLevels.get(level);
    }
}
