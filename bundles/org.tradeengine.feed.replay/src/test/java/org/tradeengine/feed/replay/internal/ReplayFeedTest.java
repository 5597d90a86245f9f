// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookIntegrity;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.feed.FeedListener;
import org.tradeengine.api.feed.FeedState;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.feed.InstrumentFeedStatus;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.core.kraken.KrakenSession;
import org.tradeengine.feed.core.kraken.ReferenceBooks;
import org.tradeengine.recordings.Recordings;

class ReplayFeedTest {

    private static final OrderBookFactory BOOKS = ServiceLoader.load(OrderBookFactory.class).findFirst().orElseThrow();
    private static final InstrumentId BTC_PERP = InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES");

    @TempDir
    Path dir;

    private ReplayFeed feed;

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.deactivate();
        }
    }

    /** The configuration as DS would build it from a .cfg file. */
    private record TestConfig(String feed_id, String venue, String[] files, String speed, boolean loop,
            boolean waitForListener, long startDelayMillis) implements ReplayFeed.Config {
        @Override
        public Class<? extends Annotation> annotationType() {
            return ReplayFeed.Config.class;
        }
    }

    private ReplayFeed start(boolean loop, boolean waitForListener) {
        Path file = Recordings.copyTo(Recordings.USDM_BTCUSDT_20240808, dir);
        feed = new ReplayFeed(new TestConfig("btc", "binance-futures", new String[] {file.toString()}, "0", loop,
                waitForListener, 0), BOOKS);
        return feed;
    }

    /** Records deltas and applies them to its own book, as the engine would. */
    private static class BookListener implements FeedListener {
        final List<BookDelta> deltas = new CopyOnWriteArrayList<>();
        final List<String> resets = new CopyOnWriteArrayList<>();
        final List<BookIntegrity> problems = new CopyOnWriteArrayList<>();
        final OrderBook book = BOOKS.create(InstrumentSpecs.lookup(BTC_PERP));
        volatile long chainBreaks;

        @Override
        public void onDelta(BookDelta delta) {
            if (!delta.isSnapshot() && !deltas.isEmpty()
                    && delta.previousUpdateId() != deltas.get(deltas.size() - 1).lastUpdateId()) {
                chainBreaks++;
            }
            deltas.add(delta);
            BookIntegrity r = book.apply(delta);
            if (r != BookIntegrity.OK) {
                problems.add(r);
            }
        }

        @Override
        public void onReset(InstrumentId instrument, String reason) {
            resets.add(instrument + ": " + reason);
            book.reset();
        }

        long snapshots() {
            return deltas.stream().filter(BookDelta::isSnapshot).count();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void deliversSnapshotFirstThenAnUnbrokenChainAndFinishes() throws InterruptedException {
        ReplayFeed f = start(false, true);
        BookListener l = new BookListener();
        f.addListener(l);
        await(() -> f.status().state() == FeedState.FINISHED, "finished");

        assertTrue(l.deltas.get(0).isSnapshot());
        assertEquals(5123107852948L, l.deltas.get(0).lastUpdateId());
        assertEquals(5123107852948L, l.deltas.get(1).previousUpdateId(), "the bridging event continues from the snapshot");
        assertEquals(0, l.chainBreaks);
        assertEquals(List.of(), l.problems);
        assertEquals(BookState.LIVE, l.book.state());
        FeedStatus s = f.status();
        assertEquals("btc", s.feedId());
        assertEquals(0, s.malformed());
        assertTrue(s.detail().endsWith("btcusdt_20240808.gz:93954"), s.detail());
        InstrumentFeedStatus i = s.instruments().get(0);
        assertEquals(BTC_PERP, i.instrument());
        assertEquals(BookState.LIVE, i.bookState());
        assertEquals(l.deltas.size() - 1, i.events());
        assertEquals(l.deltas.stream().mapToLong(BookDelta::levelCount).sum() - l.deltas.get(0).levelCount(), i.levelUpdates());
        assertEquals(0, i.gaps());
        assertEquals(l.book.lastUpdateId(), i.lastUpdateId());
        assertTrue(i.lagMillis() < 0, "the recorder's clock runs behind the venue's: " + i.lagMillis());
    }

    @Test
    void waitsForAListenerBeforeDelivering() throws InterruptedException {
        ReplayFeed f = start(false, true);
        Thread.sleep(50);
        FeedStatus s = f.status();
        assertEquals(FeedState.CONNECTING, s.state());
        assertEquals("waiting for a listener", s.detail());
        assertEquals(List.of(), s.instruments());
    }

    @Test
    void loopRestartsWithAResetAndAFreshSnapshotAndStopsCleanly() throws InterruptedException {
        ReplayFeed f = start(true, true);
        BookListener l = new BookListener();
        f.addListener(l);
        await(() -> l.snapshots() >= 2 && l.deltas.size() > l.deltas.indexOf(lastSnapshot(l)) + 1, "second pass");

        assertEquals(List.of(BTC_PERP + ": replay restarts from the first file"), l.resets.subList(0, 1));
        assertEquals(0, l.chainBreaks);
        assertEquals(List.of(), l.problems);
        FeedStatus s = f.status();
        assertEquals(FeedState.LIVE, s.state());
        assertTrue(s.reconnects() >= 1);
        f.deactivate();
        assertEquals(FeedState.STOPPED, f.status().state());
        int delivered = l.deltas.size();
        Thread.sleep(20);
        assertEquals(delivered, l.deltas.size(), "nothing is delivered after deactivation");
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("replay-btc")));
    }

    private static BookDelta lastSnapshot(BookListener l) {
        BookDelta last = null;
        for (BookDelta d : l.deltas) {
            if (d.isSnapshot()) {
                last = d;
            }
        }
        return last;
    }

    @Test
    void lateListenerGetsASnapshotOfTheCurrentBookBeforeItsFirstUpdate() throws InterruptedException {
        ReplayFeed f = start(false, true);
        BookListener late = new BookListener();
        BookListener first = new BookListener() {
            @Override
            public void onDelta(BookDelta delta) {
                super.onDelta(delta);
                if (deltas.size() == 100) {
                    f.addListener(late);
                }
            }
        };
        f.addListener(first);
        await(() -> f.status().state() == FeedState.FINISHED, "finished");

        BookDelta snapshot = late.deltas.get(0);
        assertTrue(snapshot.isSnapshot());
        assertEquals(first.deltas.get(99).lastUpdateId(), snapshot.lastUpdateId());
        assertEquals(first.deltas.get(100), late.deltas.get(1), "then the same updates as everyone");
        assertEquals(0, late.chainBreaks);
        assertEquals(List.of(), late.problems);
        assertEquals(first.book.snapshot(1000), late.book.snapshot(1000));
    }

    @Test
    void listenerAddedAfterTheEndGetsTheFinalBook() throws InterruptedException {
        ReplayFeed f = start(false, false);
        await(() -> f.status().state() == FeedState.FINISHED, "finished");
        BookListener l = new BookListener();
        CountDownLatch got = new CountDownLatch(1);
        f.addListener(new FeedListener() {
            @Override
            public void onDelta(BookDelta delta) {
                l.onDelta(delta);
                got.countDown();
            }
        });
        assertTrue(got.await(60, TimeUnit.SECONDS));
        assertEquals(1, l.deltas.size());
        assertTrue(l.deltas.get(0).isSnapshot());
        assertEquals(f.status().instruments().get(0).lastUpdateId(), l.book.lastUpdateId());
        assertEquals(BookState.LIVE, l.book.state());
    }

    @Test
    void wrongConfigurationNamesTheKey() {
        String[] files = {"x.gz"};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReplayFeed(
                new TestConfig("a", "bitmex", files, "1", false, true, 0), BOOKS));
        assertEquals("feed a: venue: unknown venue 'bitmex' (valid: binance-futures, binance-spot, kraken-futures)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReplayFeed(
                new TestConfig("a", "binance-spot", files, "fast", false, true, 0), BOOKS));
        assertEquals("feed a: speed must be a decimal number such as 1, 10 or 0.5, not 'fast'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReplayFeed(
                new TestConfig("a", "binance-spot", new String[0], "1", false, true, 0), BOOKS));
        assertEquals("feed a: files: no recording configured", e.getMessage());
    }

    @Test
    void replaysAKrakenFuturesRecordingIntoEveryProductsBook() throws InterruptedException {
        Path file = KrakenSession.writeRecording(dir.resolve("kraken.gz"), true);
        feed = new ReplayFeed(new TestConfig("kraken", "kraken-futures", new String[] {file.toString()}, "0", false, true, 0),
                BOOKS);
        Map<InstrumentId, OrderBook> books = new ConcurrentHashMap<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        feed.addListener(new FeedListener() {
            @Override
            public void onDelta(BookDelta delta) {
                BookIntegrity r = books.computeIfAbsent(delta.instrument(), id -> BOOKS.create(InstrumentSpecs.lookup(id)))
                        .apply(delta);
                if (r != BookIntegrity.OK) {
                    problems.add(delta + ": " + r);
                }
            }

            @Override
            public void onReset(InstrumentId instrument, String reason) {
                problems.add(instrument + ": " + reason);
            }
        });
        await(() -> feed.status().state() == FeedState.FINISHED, "finished");

        assertEquals(List.of(), problems);
        assertEquals(Venue.KRAKEN_FUTURES, feed.venue());
        ReferenceBooks reference = new ReferenceBooks();
        KrakenSession.frames().forEach(f -> reference.apply(f.text()));
        assertEquals(10, books.size());
        assertEquals(10, feed.status().instruments().size());
        assertEquals(0, feed.status().malformed());
        reference.books().forEach((product, expected) -> {
            OrderBook book = books.get(InstrumentId.ofVenueSymbol(Venue.KRAKEN_FUTURES, product));
            assertEquals(BookState.LIVE, book.state(), product);
            assertEquals(expected.seq, book.lastUpdateId(), product);
            assertEquals(expected.bids.size(), book.bidDepth(), product);
            assertEquals(expected.asks.size(), book.askDepth(), product);
            int i = 0;
            for (Map.Entry<BigDecimal, BigDecimal> e : expected.bids.entrySet()) {
                assertEquals(0, e.getKey().compareTo(BigDecimal.valueOf(book.bidPrice(i), book.spec().priceScale())));
                assertEquals(0, e.getValue().compareTo(BigDecimal.valueOf(book.bidQty(i++), book.spec().qtyScale())));
            }
            i = 0;
            for (Map.Entry<BigDecimal, BigDecimal> e : expected.asks.entrySet()) {
                assertEquals(0, e.getKey().compareTo(BigDecimal.valueOf(book.askPrice(i), book.spec().priceScale())));
                assertEquals(0, e.getValue().compareTo(BigDecimal.valueOf(book.askQty(i++), book.spec().qtyScale())));
            }
        });
    }
}
