// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookView;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;

/** Builds deltas from flat {@code price, qty, price, qty, …} arrays of raw values, and checks whole books. */
final class TestDeltas {

    static final InstrumentId BTC_PERP = InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES");
    static final InstrumentSpec SPEC = InstrumentSpecs.lookup(BTC_PERP);

    private TestDeltas() {
    }

    /** @return its arguments, for readable {@code levels(price, qty, price, qty)} calls */
    static long[] levels(long... priceQtyPairs) {
        if (priceQtyPairs.length % 2 != 0) {
            throw new IllegalArgumentException("levels need price, qty pairs");
        }
        return priceQtyPairs;
    }

    static BookDelta snapshot(long lastUpdateId, long[] bids, long[] asks) {
        return delta(BookDelta.Kind.SNAPSHOT, lastUpdateId, lastUpdateId, 0, bids, asks);
    }

    static BookDelta update(long previousUpdateId, long lastUpdateId, long[] bids, long[] asks) {
        return delta(BookDelta.Kind.UPDATE, previousUpdateId + 1, lastUpdateId, previousUpdateId, bids, asks);
    }

    private static BookDelta delta(BookDelta.Kind kind, long first, long last, long prev, long[] bids, long[] asks) {
        long[][] b = split(bids);
        long[][] a = split(asks);
        return new BookDelta(BTC_PERP, kind, first, last, prev, 0, 0, b[0], b[1], b[0].length, a[0], a[1], a[0].length);
    }

    private static long[][] split(long[] pairs) {
        long[][] out = new long[2][pairs.length / 2];
        for (int i = 0; i < pairs.length / 2; i++) {
            out[0][i] = pairs[2 * i];
            out[1][i] = pairs[2 * i + 1];
        }
        return out;
    }

    /** Asserts every level of both sides, best first, as flat {@code price, qty} pairs. */
    static void assertLevels(BookView book, long[] bidsBestFirst, long[] asksBestFirst) {
        assertEquals(bidsBestFirst.length / 2, book.bidDepth(), "bid depth");
        assertEquals(asksBestFirst.length / 2, book.askDepth(), "ask depth");
        for (int i = 0; i < book.bidDepth(); i++) {
            assertEquals(bidsBestFirst[2 * i], book.bidPrice(i), "bid price at level " + i);
            assertEquals(bidsBestFirst[2 * i + 1], book.bidQty(i), "bid qty at level " + i);
        }
        for (int i = 0; i < book.askDepth(); i++) {
            assertEquals(asksBestFirst[2 * i], book.askPrice(i), "ask price at level " + i);
            assertEquals(asksBestFirst[2 * i + 1], book.askQty(i), "ask qty at level " + i);
        }
    }
}
