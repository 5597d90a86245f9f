// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.orderbook.internal.TestDeltas.SPEC;
import static org.tradeengine.orderbook.internal.TestDeltas.assertLevels;
import static org.tradeengine.orderbook.internal.TestDeltas.levels;
import static org.tradeengine.orderbook.internal.TestDeltas.snapshot;
import static org.tradeengine.orderbook.internal.TestDeltas.update;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.book.BookIntegrity;
import org.tradeengine.api.book.BookSnapshot;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;

/**
 * The {@link OrderBook} contract (see its Javadoc), run against every implementation by a subclass.
 * Prices and quantities are raw values of BTCUSDT-PERP (price scale 1, quantity scale 3).
 */
abstract class OrderBookContractTest {

    private static final long[] NONE = levels();
    private static final int DEEP = 6000;

    private OrderBook book;

    /** @return a new, empty book for {@code spec} */
    protected abstract OrderBook newBook(InstrumentSpec spec);

    @BeforeEach
    void createBook() {
        book = newBook(SPEC);
    }

    /** A book at update id 10 with three levels per side around a 100/101 spread. */
    private void liveBook() {
        assertEquals(BookIntegrity.OK, book.apply(snapshot(10, levels(100, 5, 99, 6, 98, 7), levels(101, 8, 102, 9, 103, 1))));
    }

    /** Applies an update continuing from the book's id with the next id. */
    private BookIntegrity next(long[] bids, long[] asks) {
        return book.apply(update(book.lastUpdateId(), book.lastUpdateId() + 1, bids, asks));
    }

    @Test
    void newBookIsEmptyAndSyncing() {
        assertSame(SPEC, book.spec());
        assertEquals(SPEC.id(), book.instrument());
        assertEquals(BookState.SYNCING, book.state());
        assertEquals(0, book.lastUpdateId());
        assertLevels(book, NONE, NONE);
    }

    @Test
    void updateBeforeAnySnapshotIsNotSynced() {
        assertEquals(BookIntegrity.NOT_SYNCED, book.apply(update(0, 5, levels(100, 1), NONE)));
        assertEquals(BookState.SYNCING, book.state());
        assertEquals(0, book.lastUpdateId());
        assertLevels(book, NONE, NONE);
    }

    @Test
    void snapshotMakesBookLiveWithBestLevelsFirst() {
        liveBook();
        assertEquals(BookState.LIVE, book.state());
        assertEquals(10, book.lastUpdateId());
        assertLevels(book, levels(100, 5, 99, 6, 98, 7), levels(101, 8, 102, 9, 103, 1));
    }

    @Test
    void snapshotInAnyOrderIsSortedSkipsZerosAndKeepsTheLaterDuplicate() {
        BookDelta s = snapshot(7, levels(98, 1, 100, 2, 97, 0, 99, 3, 100, 4), levels(103, 1, 101, 0, 102, 2, 104, 5, 102, 6));
        assertEquals(BookIntegrity.OK, book.apply(s));
        assertLevels(book, levels(100, 4, 99, 3, 98, 1), levels(102, 6, 103, 1, 104, 5));
    }

    @Test
    void snapshotReplacesABiggerBook() {
        assertEquals(BookIntegrity.OK, book.apply(deepSnapshot(50, 20_000)));
        assertEquals(DEEP, book.bidDepth());
        assertEquals(BookIntegrity.OK, book.apply(snapshot(60, levels(500, 1), levels(700, 2, 800, 3))));
        assertEquals(60, book.lastUpdateId());
        assertLevels(book, levels(500, 1), levels(700, 2, 800, 3));
    }

    @Test
    void snapshotReplacesTheBookEvenWithAnOlderId() {
        liveBook();
        assertEquals(BookIntegrity.OK, book.apply(snapshot(4, levels(90, 1), levels(95, 1))));
        assertEquals(4, book.lastUpdateId());
        assertEquals(BookState.LIVE, book.state());
        assertLevels(book, levels(90, 1), levels(95, 1));
    }

    @Test
    void emptySnapshotMakesAnEmptyLiveBook() {
        liveBook();
        assertEquals(BookIntegrity.OK, book.apply(snapshot(11, NONE, NONE)));
        assertEquals(BookState.LIVE, book.state());
        assertLevels(book, NONE, NONE);
        assertEquals(BookIntegrity.OK, next(levels(100, 1), NONE));
        assertLevels(book, levels(100, 1), NONE);
    }

    @Test
    void updateSetsAbsoluteQuantities() {
        liveBook();
        assertEquals(BookIntegrity.OK, book.apply(update(10, 15, levels(99, 2), levels(101, 3))));
        assertEquals(15, book.lastUpdateId());
        assertLevels(book, levels(100, 5, 99, 2, 98, 7), levels(101, 3, 102, 9, 103, 1));
    }

    @Test
    void zeroQuantityDeletesTheLevel() {
        liveBook();
        assertEquals(BookIntegrity.OK, next(levels(99, 0), levels(103, 0)));
        assertLevels(book, levels(100, 5, 98, 7), levels(101, 8, 102, 9));
    }

    @Test
    void deletingAMissingLevelIsANoOp() {
        liveBook();
        assertEquals(BookIntegrity.OK, next(levels(50, 0, 99, 0), levels(150, 0)));
        assertEquals(11, book.lastUpdateId());
        assertLevels(book, levels(100, 5, 98, 7), levels(101, 8, 102, 9, 103, 1));
        assertEquals(BookIntegrity.OK, next(levels(99, 0), NONE));
        assertLevels(book, levels(100, 5, 98, 7), levels(101, 8, 102, 9, 103, 1));
    }

    @Test
    void insertsAtTopMiddleAndBottomKeepBothSidesSorted() {
        assertEquals(BookIntegrity.OK, book.apply(snapshot(1, levels(100, 1, 96, 1, 92, 1), levels(110, 1, 114, 1, 118, 1))));
        assertEquals(BookIntegrity.OK, next(levels(101, 2, 94, 3, 90, 4), levels(109, 2, 116, 3, 120, 4)));
        assertLevels(book, levels(101, 2, 100, 1, 96, 1, 94, 3, 92, 1, 90, 4),
                levels(109, 2, 110, 1, 114, 1, 116, 3, 118, 1, 120, 4));
    }

    @Test
    void deletesAtTopMiddleAndBottomKeepBothSidesSorted() {
        assertEquals(BookIntegrity.OK, book.apply(snapshot(1, levels(100, 1, 98, 2, 96, 3, 94, 4, 92, 5),
                levels(110, 1, 112, 2, 114, 3, 116, 4, 118, 5))));
        assertEquals(BookIntegrity.OK, next(levels(100, 0, 96, 0, 92, 0), levels(110, 0, 114, 0, 118, 0)));
        assertLevels(book, levels(98, 2, 94, 4), levels(112, 2, 116, 4));
    }

    @Test
    void laterEntryForTheSamePriceWinsWithinOneUpdate() {
        liveBook();
        assertEquals(BookIntegrity.OK, next(levels(97, 1, 97, 0, 99, 0, 99, 4), levels(104, 3, 104, 2)));
        assertLevels(book, levels(100, 5, 99, 4, 98, 7), levels(101, 8, 102, 9, 103, 1, 104, 2));
    }

    @Test
    void updateNotAfterTheBookIsStaleAndIgnored() {
        liveBook();
        assertEquals(BookIntegrity.STALE, book.apply(update(9, 10, levels(100, 0), NONE)));
        assertEquals(BookIntegrity.STALE, book.apply(update(3, 8, levels(100, 0), NONE)));
        assertEquals(BookIntegrity.STALE, book.apply(update(77, 9, levels(100, 0), NONE)), "stale is checked before gaps");
        assertEquals(BookState.LIVE, book.state());
        assertEquals(10, book.lastUpdateId());
        assertLevels(book, levels(100, 5, 99, 6, 98, 7), levels(101, 8, 102, 9, 103, 1));
    }

    @Test
    void sequenceGapRejectsTheUpdateAndInvalidatesTheBookUntilTheNextSnapshot() {
        liveBook();
        assertEquals(BookIntegrity.SEQUENCE_GAP, book.apply(update(11, 12, levels(100, 0), NONE)));
        assertEquals(BookState.INVALID, book.state());
        assertEquals(10, book.lastUpdateId());
        assertLevels(book, levels(100, 5, 99, 6, 98, 7), levels(101, 8, 102, 9, 103, 1));
        assertEquals(BookIntegrity.NOT_SYNCED, book.apply(update(10, 11, levels(100, 0), NONE)));
        assertEquals(BookIntegrity.OK, book.apply(snapshot(20, levels(100, 1), levels(101, 1))));
        assertEquals(BookState.LIVE, book.state());
        assertEquals(BookIntegrity.OK, book.apply(update(20, 21, levels(100, 0), NONE)));
    }

    @Test
    void previousIdBeforeTheBookIsAGapToo() {
        liveBook();
        assertEquals(BookIntegrity.SEQUENCE_GAP, book.apply(update(9, 11, levels(100, 0), NONE)));
        assertEquals(BookState.INVALID, book.state());
    }

    @Test
    void updateThatLocksTheBookIsAppliedAndReportedCrossed() {
        liveBook();
        assertEquals(BookIntegrity.CROSSED, book.apply(update(10, 12, levels(101, 1), NONE)));
        assertEquals(BookState.INVALID, book.state());
        assertEquals(12, book.lastUpdateId());
        assertEquals(101, book.bidPrice(0));
        assertEquals(BookIntegrity.NOT_SYNCED, next(levels(101, 0), NONE));
    }

    @Test
    void askBelowBestBidIsCrossed() {
        liveBook();
        assertEquals(BookIntegrity.CROSSED, next(NONE, levels(99, 1)));
        assertEquals(BookState.INVALID, book.state());
        assertEquals(99, book.askPrice(0));
    }

    @Test
    void crossedSnapshotIsAppliedAndInvalid() {
        assertEquals(BookIntegrity.CROSSED, book.apply(snapshot(30, levels(105, 1, 100, 1), levels(101, 1, 106, 1))));
        assertEquals(BookState.INVALID, book.state());
        assertEquals(30, book.lastUpdateId());
        assertLevels(book, levels(105, 1, 100, 1), levels(101, 1, 106, 1));
        assertEquals(BookIntegrity.NOT_SYNCED, book.apply(update(30, 31, levels(105, 0), NONE)));
    }

    @Test
    void oneSidedAndEmptyBooksAreNotCrossed() {
        assertEquals(BookIntegrity.OK, book.apply(snapshot(1, levels(100, 1, 99, 2), NONE)));
        assertLevels(book, levels(100, 1, 99, 2), NONE);
        assertEquals(BookIntegrity.OK, book.apply(snapshot(2, NONE, levels(50, 1))));
        assertLevels(book, NONE, levels(50, 1));
        assertEquals(BookIntegrity.OK, next(NONE, levels(50, 0)));
        assertEquals(BookIntegrity.OK, next(levels(200, 1), NONE), "an empty ask side cannot be crossed");
        assertEquals(BookState.LIVE, book.state());
    }

    @Test
    void sideEmptiedByUpdatesStaysUsable() {
        liveBook();
        assertEquals(BookIntegrity.OK, next(NONE, levels(101, 0, 102, 0, 103, 0)));
        assertLevels(book, levels(100, 5, 99, 6, 98, 7), NONE);
        assertEquals(BookIntegrity.OK, next(levels(100, 0, 99, 0, 98, 0), NONE));
        assertLevels(book, NONE, NONE);
        assertEquals(BookIntegrity.OK, next(levels(90, 1), levels(91, 1)));
        assertLevels(book, levels(90, 1), levels(91, 1));
    }

    @Test
    void resetEmptiesTheBookAndWaitsForASnapshot() {
        liveBook();
        book.reset();
        assertEquals(BookState.SYNCING, book.state());
        assertEquals(0, book.lastUpdateId());
        assertLevels(book, NONE, NONE);
        assertEquals(BookIntegrity.NOT_SYNCED, book.apply(update(0, 1, levels(100, 1), NONE)));
        assertEquals(BookIntegrity.OK, book.apply(snapshot(3, levels(100, 1), NONE)));
        assertLevels(book, levels(100, 1), NONE);
    }

    @Test
    void readingBeyondEitherSideThrows() {
        liveBook();
        assertEquals(BookIntegrity.OK, next(levels(98, 0), levels(103, 0)));
        for (int level : new int[] {-1, 2, 3, 1000}) {
            assertThrows(IndexOutOfBoundsException.class, () -> book.bidPrice(level));
            assertThrows(IndexOutOfBoundsException.class, () -> book.bidQty(level));
            assertThrows(IndexOutOfBoundsException.class, () -> book.askPrice(level));
            assertThrows(IndexOutOfBoundsException.class, () -> book.askQty(level));
        }
    }

    @Test
    void deltaForAnotherInstrumentIsRefusedAndNothingChanges() {
        liveBook();
        BookDelta other = update(10, 11, levels(100, 0), NONE).withInstrument(InstrumentId.parse("ETHUSDT-PERP.BINANCE_FUTURES"));
        assertThrows(IllegalArgumentException.class, () -> book.apply(other));
        assertEquals(10, book.lastUpdateId());
        assertLevels(book, levels(100, 5, 99, 6, 98, 7), levels(101, 8, 102, 9, 103, 1));
    }

    @Test
    void negativeQuantityOrNonPositivePriceIsRefusedBeforeAnythingIsApplied() {
        liveBook();
        assertThrows(IllegalArgumentException.class, () -> next(levels(100, 0, 97, -1), NONE));
        assertThrows(IllegalArgumentException.class, () -> next(levels(100, 0), levels(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> book.apply(snapshot(40, levels(100, 1), levels(101, -2))));
        assertEquals(BookState.LIVE, book.state());
        assertEquals(10, book.lastUpdateId());
        assertLevels(book, levels(100, 5, 99, 6, 98, 7), levels(101, 8, 102, 9, 103, 1));
    }

    @Test
    void deepSnapshotKeepsEveryLevelAndTakesUpdatesAtTopMiddleAndBottom() {
        assertEquals(BookIntegrity.OK, book.apply(deepSnapshot(100, 100_000)));
        assertEquals(DEEP, book.bidDepth());
        assertEquals(DEEP, book.askDepth());
        for (int i = 0; i < DEEP; i++) {
            assertEquals(99_999 - 2L * i, book.bidPrice(i));
            assertEquals(100_001 + 2L * i, book.askPrice(i));
            assertEquals(i + 1, book.bidQty(i));
        }
        long bottomBid = book.bidPrice(DEEP - 1);
        long middleBid = book.bidPrice(DEEP / 2);
        assertEquals(BookIntegrity.OK, next(levels(100_000, 7, middleBid - 1, 8, bottomBid - 1, 9, middleBid, 0), NONE));
        assertEquals(DEEP + 2, book.bidDepth());
        assertEquals(100_000, book.bidPrice(0));
        assertEquals(7, book.bidQty(0));
        assertEquals(middleBid - 1, book.bidPrice(DEEP / 2 + 1));
        assertEquals(8, book.bidQty(DEEP / 2 + 1));
        assertEquals(bottomBid - 1, book.bidPrice(DEEP + 1));
        assertEquals(BookIntegrity.OK, next(NONE, levels(book.askPrice(0), 0, book.askPrice(DEEP - 1), 0)));
        assertEquals(DEEP - 2, book.askDepth());
        assertEquals(100_003, book.askPrice(0));
    }

    @Test
    void deepBookBuiltByShuffledUpdatesIsSortedAndDeletesLeaveTheRest() {
        assertEquals(BookIntegrity.OK, book.apply(snapshot(1, NONE, NONE)));
        List<Long> ticks = new ArrayList<>();
        for (long t = 1; t <= DEEP; t++) {
            ticks.add(t);
        }
        Collections.shuffle(ticks, new Random(42));
        for (int i = 0; i < DEEP; i += 50) {
            long[] bids = new long[100];
            long[] asks = new long[100];
            for (int j = 0; j < 50; j++) {
                long t = ticks.get(i + j);
                bids[2 * j] = 50_000 - t;
                bids[2 * j + 1] = t;
                asks[2 * j] = 50_000 + t;
                asks[2 * j + 1] = t;
            }
            assertEquals(BookIntegrity.OK, next(bids, asks));
        }
        for (int i = 0; i < DEEP; i++) {
            assertEquals(50_000 - (i + 1), book.bidPrice(i));
            assertEquals(i + 1, book.bidQty(i));
            assertEquals(50_000 + (i + 1), book.askPrice(i));
        }
        for (int i = 0; i < DEEP; i += 3) {
            assertEquals(BookIntegrity.OK, next(levels(50_000 - ticks.get(i), 0), levels(50_000 + ticks.get(i), 0)));
        }
        assertEquals(DEEP - DEEP / 3, book.bidDepth());
        for (int i = 1; i < book.bidDepth(); i++) {
            assertTrue(book.bidPrice(i) < book.bidPrice(i - 1), "bids descending at " + i);
            assertTrue(book.askPrice(i) > book.askPrice(i - 1), "asks ascending at " + i);
        }
    }

    @Test
    void topLevelsFeedFeaturesAndSnapshots() {
        liveBook();
        BookFeatures f = BookFeatures.of(book, 2, 0, 0);
        assertEquals(11, f.bidVolumeRaw());
        assertEquals(17, f.askVolumeRaw());
        assertEquals(new BigDecimal("10.0"), f.getBestBid());
        BookSnapshot s = book.snapshot(2);
        assertEquals(List.of(new BookSnapshot.Level(new BigDecimal("10.0"), new BigDecimal("0.005")),
                new BookSnapshot.Level(new BigDecimal("9.9"), new BigDecimal("0.006"))), s.bids());
        assertEquals(3, book.snapshot(50).asks().size());
        assertEquals(BookState.LIVE, s.state());
    }

    @Test
    void booksOfOtherScalesKeepTheirSpec() {
        InstrumentSpec spot = InstrumentSpecs.lookup(InstrumentId.parse("BTCUSDT.BINANCE_SPOT"));
        OrderBook other = newBook(spot);
        assertEquals(spot, other.spec());
        assertEquals(BookState.SYNCING, other.state());
    }

    /** A snapshot of {@value #DEEP} levels per side around {@code mid}, best first, quantities 1, 2, 3, … */
    private static BookDelta deepSnapshot(long id, long mid) {
        long[] bids = new long[2 * DEEP];
        long[] asks = new long[2 * DEEP];
        for (int i = 0; i < DEEP; i++) {
            bids[2 * i] = mid - 1 - 2L * i;
            bids[2 * i + 1] = i + 1;
            asks[2 * i] = mid + 1 + 2L * i;
            asks[2 * i + 1] = i + 1;
        }
        return snapshot(id, bids, asks);
    }
}
