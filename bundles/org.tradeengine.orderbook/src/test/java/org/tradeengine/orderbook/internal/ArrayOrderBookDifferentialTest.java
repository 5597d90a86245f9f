// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.orderbook.internal.TestDeltas.BTC_PERP;
import static org.tradeengine.orderbook.internal.TestDeltas.SPEC;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookIntegrity;
import org.tradeengine.api.book.BookState;

/**
 * Random operations (fixed seed) applied to an {@link ArrayOrderBook} and to a model of the contract written
 * here on plain {@code TreeMap<Long, Long>}s; after every operation the results, states, ids and every level
 * of both sides must agree. Most entries land near the top, as venue traffic does; some are far away, so the
 * book grows to thousands of levels; sweeps move the market up and down; snapshots come unsorted at times;
 * stale, gapped and crossing updates and resets are mixed in. Run with the smallest window (the market keeps
 * leaving it) and with the production one.
 */
class ArrayOrderBookDifferentialTest {

    private static final int OPERATIONS = 20_000;
    private static final long MID = 1_000_000;
    private static final int RANGE = 7_000;

    private final Random rng = new Random(20240808);
    private final Model model = new Model();
    private final Map<BookIntegrity, Integer> results = new EnumMap<>(BookIntegrity.class);
    private ArrayOrderBook book;
    private long mid = MID;
    private long lowestMid = MID;
    private long highestMid = MID;
    private int maxDepth;

    @ParameterizedTest
    @ValueSource(ints = {64, ArrayOrderBook.DEFAULT_WINDOW})
    void randomOperationsAgreeWithTheTreeMapModelAfterEveryStep(int window) {
        book = new ArrayOrderBook(SPEC, window, 16);
        for (int op = 0; op < OPERATIONS; op++) {
            int dice = rng.nextInt(1000);
            if (dice < 3) {
                book.reset();
                model.reset();
            } else {
                BookDelta delta = nextDelta(dice);
                BookIntegrity expected = model.apply(delta);
                assertEquals(expected, book.apply(delta), "result of op " + op + ": " + delta);
                results.merge(expected, 1, Integer::sum);
            }
            assertSameBook("after op " + op);
            maxDepth = Math.max(maxDepth, Math.max(book.bidDepth(), book.askDepth()));
            if (!model.bids.isEmpty() && !model.asks.isEmpty() && model.state == BookState.LIVE) {
                mid = (model.bids.firstKey() + model.asks.firstKey()) / 2;
                lowestMid = Math.min(lowestMid, mid);
                highestMid = Math.max(highestMid, mid);
            }
        }
        // every kind of outcome must really have been exercised, and deep books reached
        for (BookIntegrity r : BookIntegrity.values()) {
            assertTrue(results.getOrDefault(r, 0) > 0, "no " + r + " in " + results);
        }
        assertTrue(maxDepth > 2_500, "deepest side only " + maxDepth);
        assertTrue(highestMid - lowestMid > 4 * window || highestMid - lowestMid > 2_000,
                "the market must move: mid only in [" + lowestMid + ", " + highestMid + "]");
    }

    private BookDelta nextDelta(int dice) {
        long last = model.lastUpdateId;
        boolean needSnapshot = model.state != BookState.LIVE && rng.nextInt(5) == 0;
        if (dice < 13 || needSnapshot) {
            long id = last + 1 + rng.nextInt(3);
            return levels(BookDelta.Kind.SNAPSHOT, id, id, 0, rng.nextInt(3_000), rng.nextInt(4) == 0);
        }
        if (dice < 33) {
            long u = last - rng.nextInt(3);
            return levels(BookDelta.Kind.UPDATE, u, u, u - 1, 1 + rng.nextInt(5), false);
        }
        if (dice < 43) {
            return levels(BookDelta.Kind.UPDATE, last + 2, last + 3, last + 1 + rng.nextInt(2) * -3, 3, false);
        }
        if (dice < 93 && model.state == BookState.LIVE && model.bids.size() > 300 && model.asks.size() > 300) {
            return sweep(last, rng.nextBoolean());
        }
        long u = last + 1 + rng.nextInt(4);
        return levels(BookDelta.Kind.UPDATE, last + 1, u, last, 1 + rng.nextInt(40), dice >= 93 && dice < 98);
    }

    /**
     * Deletes the top levels of one side and lets the other side step into the gap, as a market move does:
     * the best levels travel, and both windows must follow.
     */
    private BookDelta sweep(long last, boolean up) {
        NavigableMap<Long, Long> swept = up ? model.asks : model.bids;
        int k = 1 + rng.nextInt(Math.min(swept.size() - 1, 120));
        long[] gone = new long[k];
        long[] zeros = new long[k];
        Iterator<Long> it = swept.keySet().iterator();
        for (int i = 0; i < k; i++) {
            gone[i] = it.next();
        }
        long newBest = gone[k - 1];
        long[] stepIn = {newBest, newBest + (up ? -3 : 3)};
        long[] qtys = {1 + rng.nextInt(100), 1 + rng.nextInt(100)};
        long u = last + 1;
        return up ? new BookDelta(BTC_PERP, BookDelta.Kind.UPDATE, u, u, last, 0, 0, stepIn, qtys, 2, gone, zeros, k)
                : new BookDelta(BTC_PERP, BookDelta.Kind.UPDATE, u, u, last, 0, 0, gone, zeros, k, stepIn, qtys, 2);
    }

    /** Draws {@code n} entries per side; {@code twist} shuffles a snapshot or lets an update cross the book. */
    private BookDelta levels(BookDelta.Kind kind, long first, long last, long prev, int n, boolean twist) {
        boolean snapshot = kind == BookDelta.Kind.SNAPSHOT;
        long[][] bids = side(n, -1, snapshot, twist);
        long[][] asks = side(n, 1, snapshot, twist);
        return new BookDelta(BTC_PERP, kind, first, last, prev, 0, 0, bids[0], bids[1], n, asks[0], asks[1], n);
    }

    private long[][] side(int n, int direction, boolean snapshot, boolean twist) {
        long[][] out = new long[2][n];
        for (int i = 0; i < n; i++) {
            long distance = snapshot ? 1 + 2L * i : nearTopMostly();
            out[0][i] = mid + direction * distance;
            out[1][i] = rng.nextInt(100) < (snapshot ? (twist ? 3 : 0) : 35) ? 0 : 1 + rng.nextInt(5_000);
        }
        if (twist && snapshot) {
            shuffle(out);
            if (n > 1) {
                out[0][n - 1] = out[0][0]; // the same price twice: the later entry wins
            }
        } else if (twist && n > 0) {
            NavigableMap<Long, Long> other = direction < 0 ? model.asks : model.bids;
            long opposite = other.isEmpty() ? mid : other.firstKey();
            out[0][0] = opposite - direction * rng.nextInt(2); // a bid at or above the best ask, or the reverse
            out[1][0] = 1;
        }
        return out;
    }

    private long nearTopMostly() {
        return rng.nextInt(10) < 7 ? 1 + rng.nextInt(1 + rng.nextInt(120)) : 1 + rng.nextInt(RANGE);
    }

    private void shuffle(long[][] side) {
        for (int i = side[0].length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            for (long[] column : side) {
                long t = column[i];
                column[i] = column[j];
                column[j] = t;
            }
        }
    }

    private void assertSameBook(String where) {
        assertEquals(model.state, book.state(), "state " + where);
        assertEquals(model.lastUpdateId, book.lastUpdateId(), "lastUpdateId " + where);
        assertSide(model.bids, book.bidDepth(), true, where);
        assertSide(model.asks, book.askDepth(), false, where);
    }

    private void assertSide(NavigableMap<Long, Long> expected, int depth, boolean bids, String where) {
        assertEquals(expected.size(), depth, (bids ? "bid" : "ask") + " depth " + where);
        Iterator<Map.Entry<Long, Long>> it = expected.entrySet().iterator();
        for (int i = 0; i < depth; i++) {
            Map.Entry<Long, Long> e = it.next();
            long price = bids ? book.bidPrice(i) : book.askPrice(i);
            long qty = bids ? book.bidQty(i) : book.askQty(i);
            if (price != e.getKey() || qty != e.getValue()) {
                assertEquals(e.getKey() + "@" + e.getValue(), price + "@" + qty, (bids ? "bid" : "ask") + " level " + i + " " + where);
            }
        }
    }

    /** The contract of {@code OrderBook}, restated as simply as possible. */
    private static final class Model {
        final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<Long, Long> asks = new TreeMap<>();
        BookState state = BookState.SYNCING;
        long lastUpdateId;

        void reset() {
            bids.clear();
            asks.clear();
            state = BookState.SYNCING;
            lastUpdateId = 0;
        }

        BookIntegrity apply(BookDelta d) {
            if (d.isSnapshot()) {
                bids.clear();
                asks.clear();
                state = BookState.LIVE;
            } else if (state != BookState.LIVE) {
                return BookIntegrity.NOT_SYNCED;
            } else if (d.lastUpdateId() <= lastUpdateId) {
                return BookIntegrity.STALE;
            } else if (d.previousUpdateId() != lastUpdateId) {
                state = BookState.INVALID;
                return BookIntegrity.SEQUENCE_GAP;
            }
            for (int i = 0; i < d.bidCount(); i++) {
                put(bids, d.bidPrice(i), d.bidQty(i));
            }
            for (int i = 0; i < d.askCount(); i++) {
                put(asks, d.askPrice(i), d.askQty(i));
            }
            lastUpdateId = d.lastUpdateId();
            if (!bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey()) {
                state = BookState.INVALID;
                return BookIntegrity.CROSSED;
            }
            return BookIntegrity.OK;
        }

        private static void put(NavigableMap<Long, Long> side, long price, long qty) {
            if (qty == 0) {
                side.remove(price);
            } else {
                side.put(price, qty);
            }
        }
    }
}
