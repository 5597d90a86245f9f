// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.tradeengine.orderbook.internal.TestDeltas.SPEC;
import static org.tradeengine.orderbook.internal.TestDeltas.levels;
import static org.tradeengine.orderbook.internal.TestDeltas.snapshot;
import static org.tradeengine.orderbook.internal.TestDeltas.update;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookIntegrity;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.model.InstrumentSpec;

/** The contract for {@link ArrayOrderBook}, plus what is particular to it: growth and how it is found. */
class ArrayOrderBookTest extends OrderBookContractTest {

    @Override
    protected OrderBook newBook(InstrumentSpec spec) {
        return new ArrayOrderBook(spec);
    }

    @Test
    void bookWithTheSmallestWindowAndRoomForOneLevelGrowsToThousands() {
        ArrayOrderBook book = new ArrayOrderBook(SPEC, 64, 1);
        assertEquals(BookIntegrity.OK, book.apply(snapshot(1, levels(5000, 1), levels(5001, 1))));
        long u = 1;
        for (int i = 1; i < 3000; i++) {
            assertEquals(BookIntegrity.OK, book.apply(update(u, u + 1, levels(5000 - i, i), levels(5001 + i, i))));
            u++;
        }
        assertEquals(3000, book.bidDepth());
        assertEquals(3000, book.askDepth());
        for (int i = 0; i < 3000; i++) {
            assertEquals(5000 - i, book.bidPrice(i));
            assertEquals(5001 + i, book.askPrice(i));
            assertEquals(Math.max(i, 1), book.askQty(i));
        }
    }

    @Test
    void unsortedSnapshotLargerThanTheArraysIsLoaded() {
        ArrayOrderBook book = new ArrayOrderBook(SPEC, 64, 2);
        BookDelta unsorted = snapshot(1, levels(500, 1, 9000, 2, 700, 3, 8000, 4, 8990, 5, 8000, 6),
                levels(20_000, 1, 12_000, 2, 15_000, 3, 12_010, 4));
        assertEquals(BookIntegrity.OK, book.apply(unsorted));
        TestDeltas.assertLevels(book, levels(9000, 2, 8990, 5, 8000, 6, 700, 3, 500, 1),
                levels(12_000, 2, 12_010, 4, 15_000, 3, 20_000, 1));
    }

    @Test
    void smallWindowFollowsTheMarketUpAndDownLikeTheBaseline() {
        OrderBook fast = new ArrayOrderBook(SPEC, 64, 4);
        OrderBook baseline = new TreeMapOrderBook(SPEC);
        long[] bids = new long[800];
        long[] asks = new long[800];
        for (int i = 0; i < 400; i++) {
            bids[2 * i] = 10_000 - 3L * i;
            bids[2 * i + 1] = i + 1;
            asks[2 * i] = 10_001 + 3L * i;
            asks[2 * i + 1] = i + 1;
        }
        long u = 1;
        both(fast, baseline, snapshot(u, bids, asks));
        for (int step = 0; step < 60; step++) {
            // sweep the asks' top 5 levels and let bids step into the gap: the market moves up
            long[] sweep = new long[10];
            for (int i = 0; i < 5; i++) {
                sweep[2 * i] = baseline.askPrice(i);
            }
            long newBid = baseline.askPrice(4);
            both(fast, baseline, update(u, ++u, levels(newBid, 7, newBid - 200, 1), sweep));
        }
        for (int step = 0; step < 100; step++) {
            // now the bids' top 4 levels go and asks step down: the market falls through both windows
            long[] sweep = new long[8];
            for (int i = 0; i < 4; i++) {
                sweep[2 * i] = baseline.bidPrice(i);
            }
            both(fast, baseline, update(u, ++u, sweep, levels(baseline.bidPrice(3), 9)));
        }
        assertEquals(BookState.LIVE, fast.state());
    }

    /** Applies to both books and asserts the same result and the same levels, all of them. */
    private static void both(OrderBook fast, OrderBook baseline, BookDelta delta) {
        assertEquals(baseline.apply(delta), fast.apply(delta), delta.toString());
        assertEquals(baseline.bidDepth(), fast.bidDepth());
        assertEquals(baseline.askDepth(), fast.askDepth());
        for (int i = 0; i < baseline.bidDepth(); i++) {
            assertEquals(baseline.bidPrice(i), fast.bidPrice(i), "bid " + i + " after " + delta);
            assertEquals(baseline.bidQty(i), fast.bidQty(i));
        }
        for (int i = 0; i < baseline.askDepth(); i++) {
            assertEquals(baseline.askPrice(i), fast.askPrice(i), "ask " + i + " after " + delta);
            assertEquals(baseline.askQty(i), fast.askQty(i));
        }
    }

    @Test
    void factoryIsFoundByServiceLoaderAndMakesSyncingArrayBooks() {
        OrderBookFactory factory = ServiceLoader.load(OrderBookFactory.class).findFirst().orElseThrow();
        OrderBook book = factory.create(SPEC);
        assertInstanceOf(ArrayOrderBook.class, book);
        assertEquals(BookState.SYNCING, book.state());
        assertEquals(SPEC, book.spec());
    }
}
