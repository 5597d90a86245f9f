// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.engine.internal;

import java.math.BigDecimal;

import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.engine.InstrumentStatus;

/**
 * One instrument as the business thread sees it: its book, the last feature values and counters. Written only
 * by the business thread; counters are volatile so the shell can read them without stopping the engine.
 */
final class InstrumentState {

    final OrderBook book;
    private BookFeatures lastFeatures;
    private long lastBidVol = -1;
    private long lastAskVol = -1;
    private long lastBestBid = -1;
    private long lastBestAsk = -1;
    volatile long events;
    volatile long levelUpdates;
    volatile long gaps;
    volatile long crossed;
    volatile long snapshots;
    volatile long signals;
    private volatile BigDecimal imbalance;

    InstrumentState(OrderBook book) {
        this.book = book;
    }

    /**
     * Recomputes the top-N features and tells whether any value a rule reads changed. Cheap when nothing
     * changed: sums N levels per side and compares longs, no allocation.
     */
    BookFeatures updateFeatures(int depth, long exchangeTimeMillis, long localTimeNanos) {
        long bidVol = BookFeatures.bidVolume(book, depth);
        long askVol = BookFeatures.askVolume(book, depth);
        long bestBid = book.bidDepth() > 0 ? book.bidPrice(0) : 0;
        long bestAsk = book.askDepth() > 0 ? book.askPrice(0) : 0;
        if (lastFeatures != null && bidVol == lastBidVol && askVol == lastAskVol && bestBid == lastBestBid
                && bestAsk == lastBestAsk && lastFeatures.getState() == book.state()) {
            return null;
        }
        lastBidVol = bidVol;
        lastAskVol = askVol;
        lastBestBid = bestBid;
        lastBestAsk = bestAsk;
        lastFeatures = new BookFeatures(book.instrument(), book.state(), depth, book.spec().priceScale(),
                book.spec().qtyScale(), bidVol, askVol, bestBid, bestAsk, book.lastUpdateId(), exchangeTimeMillis,
                localTimeNanos);
        imbalance = lastFeatures.getImbalance();
        return lastFeatures;
    }

    /** Forgets the feature values, so the next LIVE update is evaluated afresh. */
    void forgetFeatures() {
        lastFeatures = null;
        imbalance = null;
    }

    InstrumentStatus status() {
        return new InstrumentStatus(book.instrument(), book.state(), book.lastUpdateId(), events, levelUpdates, gaps, crossed,
                snapshots, signals, imbalance);
    }
}
