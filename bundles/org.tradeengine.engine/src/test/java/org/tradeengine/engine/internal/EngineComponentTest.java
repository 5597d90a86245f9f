// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.book.BookSnapshot;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.engine.InstrumentStatus;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.strategy.Signal;
import org.tradeengine.api.strategy.SignalSink;
import org.tradeengine.api.strategy.Strategy;

class EngineComponentTest {

    private static final InstrumentId PERP = TestFeed.PERP;

    private final EngineComponent engine = new EngineComponent(config(5),
            ServiceLoader.load(OrderBookFactory.class).findFirst().orElseThrow());
    private final TestFeed feed = new TestFeed("test-feed");
    private final RecordingStrategy strategy = new RecordingStrategy("recorder");

    @AfterEach
    void stop() throws InterruptedException {
        engine.deactivate();
    }

    /** 61800.0 x 1.000 on the bid, 61800.1 x 1.000 on the ask, and deeper levels. Prices scale 1, qty scale 3. */
    private void snapshot() {
        feed.snapshot(100, new long[] {618000, 1000, 617990, 2000, 617980, 3000, 617970, 4000, 617960, 5000, 617950, 6000},
                new long[] {618001, 1000, 618002, 1000, 618003, 1000, 618004, 1000, 618005, 1000, 618006, 9000});
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "timed out waiting for: " + what);
    }

    private InstrumentStatus perp() {
        // before the first delta reached the business thread there is no book yet: report it as empty
        return engine.status().instruments().stream().filter(s -> s.instrument().equals(PERP)).findFirst()
                .orElse(new InstrumentStatus(PERP, BookState.SYNCING, 0, 0, 0, 0, 0, 0, 0, null));
    }

    @Test
    void deltasBuildTheBookAndStrategiesSeeOnlyChangedFeatures() throws InterruptedException {
        engine.bindFeed(feed);
        engine.bindStrategy(strategy);
        snapshot();
        await("features after snapshot", () -> strategy.features.size() == 1);
        BookFeatures f = strategy.features.get(0);
        assertEquals(0, new BigDecimal("3").compareTo(f.getImbalance()), "bid 15 / ask 5 over top 5");
        feed.update(100, 101, new long[] {617950, 7000}, new long[0]); // level 6 changes: top-5 untouched
        feed.update(101, 102, new long[] {618000, 2000}, new long[0]); // best bid qty changes
        await("second evaluation", () -> strategy.features.size() == 2);
        await("all events applied", () -> perp().events() == 3);
        assertEquals(2, strategy.features.size(), "a change below the top 5 must not fire the rules");
        assertEquals(2, engine.status().featureUpdates());
        BookSnapshot book = engine.book(PERP, 2).orElseThrow();
        assertEquals(102, book.lastUpdateId());
        assertEquals(new BigDecimal("61800.0"), book.bids().get(0).price());
        assertEquals(new BigDecimal("2.000"), book.bids().get(0).qty());
        assertEquals(2, book.asks().size());
    }

    @Test
    void signalsAreNumberedCountedAndKeptNewestFirst() throws InterruptedException {
        engine.bindFeed(feed);
        strategy.emit = true;
        engine.bindStrategy(strategy);
        snapshot();
        feed.update(100, 101, new long[] {618000, 5000}, new long[0]);
        await("two signals", () -> engine.status().signals() == 2);
        List<Signal> latest = engine.recentSignals(10);
        assertEquals(2, latest.get(0).sequence());
        assertEquals(1, latest.get(1).sequence());
        assertEquals(101, latest.get(0).bookUpdateId());
        assertEquals(2, perp().signals());
    }

    @Test
    void observersSeeEveryBookAfterTheEventSimulatedBrokersFirstAndListenersEverySignal() throws InterruptedException {
        List<String> calls = new CopyOnWriteArrayList<>();
        org.tradeengine.api.broker.BookObserver desk = (book, t) -> calls.add("desk " + book.lastUpdateId() + " "
                + book.state() + " @" + t);
        engine.bindBookObserver(desk);
        engine.bindBookObserver(new SimulatedBroker(calls));
        engine.bindSignalListener((signal, book, t) -> calls.add("signal #" + signal.sequence() + " at book "
                + book.lastUpdateId() + " @" + t));
        engine.bindFeed(feed);
        strategy.emit = true;
        engine.bindStrategy(strategy);
        snapshot();
        feed.update(100, 101, new long[] {618000, 5000}, new long[0]);
        await("both events observed", () -> calls.size() == 6);
        assertEquals(List.of("signal #1 at book 100 @100", "broker 100", "desk 100 LIVE @100",
                "signal #2 at book 101 @101", "broker 101", "desk 101 LIVE @101"), calls);
    }

    /** A broker that is also a book observer, as the paper broker is. */
    static final class SimulatedBroker implements org.tradeengine.api.broker.Broker, org.tradeengine.api.broker.BookObserver {
        private final List<String> calls;

        SimulatedBroker(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public void onBook(org.tradeengine.api.book.BookView book, long localTimeNanos) {
            calls.add("broker " + book.lastUpdateId());
        }

        @Override
        public org.tradeengine.api.model.Venue venue() {
            return org.tradeengine.api.model.Venue.PAPER;
        }

        @Override
        public boolean isLive() {
            return false;
        }

        @Override
        public java.util.concurrent.CompletionStage<org.tradeengine.api.broker.OrderEvent> submit(
                org.tradeengine.api.model.OrderIntent intent) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public java.util.concurrent.CompletionStage<org.tradeengine.api.broker.OrderEvent> cancel(String clientOrderId) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public List<org.tradeengine.api.broker.OpenOrder> openOrders() {
            return List.of();
        }

        @Override
        public java.util.Map<InstrumentId, BigDecimal> positions() {
            return java.util.Map.of();
        }

        @Override
        public void addListener(java.util.function.Consumer<org.tradeengine.api.broker.OrderEvent> listener) {
        }

        @Override
        public void removeListener(java.util.function.Consumer<org.tradeengine.api.broker.OrderEvent> listener) {
        }
    }

    @Test
    void anInstrumentBelongsToOneFeedAndASecondFeedTakesOverWhenTheFirstGoesAway() throws InterruptedException {
        TestFeed second = new TestFeed("second-feed");
        engine.bindFeed(feed);
        engine.bindFeed(second);
        snapshot();
        await("the first feed's book", () -> perp().lastUpdateId() == 100);
        second.snapshot(500, new long[] {618000, 7000}, new long[] {618001, 7000});
        second.update(500, 501, new long[] {618000, 8000}, new long[0]);
        feed.update(100, 101, new long[] {618000, 5000}, new long[0]);
        await("the first feed's update", () -> perp().lastUpdateId() == 101);
        assertEquals(0, perp().gaps(), "the second feed's events never reached the book");
        engine.unbindFeed(feed);
        await("the second feed listened again to send its book", () -> second.listenerCount() == 1);
        second.snapshot(600, new long[] {618000, 7000}, new long[] {618001, 7000});
        await("the second feed's book", () -> perp().lastUpdateId() == 600);
    }

    @Test
    void aSequenceGapInvalidatesTheBookUntilTheNextSnapshot() throws InterruptedException {
        engine.bindFeed(feed);
        engine.bindStrategy(strategy);
        snapshot();
        feed.update(99, 105, new long[] {618000, 9000}, new long[0]); // continues from 99, book is at 100
        await("gap counted", () -> perp().gaps() == 1);
        assertEquals(BookState.INVALID, perp().bookState());
        await("strategies told", () -> strategy.resets.equals(List.of(PERP)));
        feed.update(105, 106, new long[] {618000, 8000}, new long[0]);
        snapshot();
        await("live again", () -> perp().bookState() == BookState.LIVE);
        await("evaluated after the new snapshot", () -> strategy.features.size() == 2);
        assertEquals(2, perp().snapshots());
    }

    @Test
    void aFailingStrategyNeverStopsTheEngineOrOtherStrategies() throws InterruptedException {
        RecordingStrategy broken = new RecordingStrategy("broken");
        broken.fail = true;
        engine.bindFeed(feed);
        engine.bindStrategy(broken);
        engine.bindStrategy(strategy);
        snapshot();
        feed.update(100, 101, new long[] {618000, 5000}, new long[0]);
        await("the healthy strategy saw both", () -> strategy.features.size() == 2);
        assertEquals(101, perp().lastUpdateId());
    }

    @Test
    void strategiesComeAndGoWhileTheBookKeepsRunning() throws InterruptedException {
        engine.bindFeed(feed);
        engine.bindStrategy(strategy);
        snapshot();
        await("first evaluation", () -> strategy.features.size() == 1);
        engine.unbindStrategy(strategy);
        feed.update(100, 101, new long[] {618000, 5000}, new long[0]);
        await("applied without a strategy", () -> perp().lastUpdateId() == 101);
        assertEquals(1, strategy.features.size());
        engine.bindStrategy(strategy);
        feed.update(101, 102, new long[] {618000, 6000}, new long[0]);
        await("evaluated again", () -> strategy.features.size() == 2);
        assertEquals(1, perp().snapshots(), "no new snapshot was needed");
        assertEquals(List.of("recorder"), engine.status().strategies());
    }

    @Test
    void aFeedThatGoesAwayLeavesItsBooksWaitingForASnapshot() throws InterruptedException {
        engine.bindFeed(feed);
        snapshot();
        await("live", () -> !engine.instruments().isEmpty() && perp().bookState() == BookState.LIVE);
        assertEquals(1, engine.feeds().size());
        engine.unbindFeed(feed);
        await("reset", () -> perp().bookState() == BookState.SYNCING);
        assertEquals(0, feed.listenerCount());
        assertTrue(engine.feeds().isEmpty());
    }

    @Test
    void aFeedResetDropsTheBook() throws InterruptedException {
        engine.bindFeed(feed);
        engine.bindStrategy(strategy);
        snapshot();
        await("live", () -> !engine.instruments().isEmpty() && perp().bookState() == BookState.LIVE);
        feed.reset("reconnect");
        await("reset", () -> perp().bookState() == BookState.SYNCING);
        await("strategies told", () -> strategy.resets.equals(List.of(PERP)));
        assertFalse(engine.book(PERP, 5).orElseThrow().bids().size() > 0, "a reset book is empty");
    }

    static EngineComponent.Config config(int depth) {
        return new EngineComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EngineComponent.Config.class;
            }

            @Override
            public int feature_depth() {
                return depth;
            }

            @Override
            public int queue_capacity() {
                return 1024;
            }

            @Override
            public int signal_history() {
                return 100;
            }

            @Override
            public int summary_interval_seconds() {
                return 0;
            }
        };
    }

    /** Records what the engine gives it; optionally signals BUY on every evaluation, or throws. */
    static final class RecordingStrategy implements Strategy {
        final String id;
        final List<BookFeatures> features = new CopyOnWriteArrayList<>();
        final List<InstrumentId> resets = new CopyOnWriteArrayList<>();
        volatile boolean emit;
        volatile boolean fail;

        RecordingStrategy(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void onFeatures(BookFeatures f, SignalSink sink) {
            if (fail) {
                throw new IllegalStateException("strategy bug");
            }
            features.add(f);
            if (emit) {
                sink.accept(new Signal(0, f.getInstrument(), Side.BUY, id, "test", 1, f.getImbalance(), f.getBestBid(),
                        f.getBestAsk(), f.getLastUpdateId(), f.getExchangeTimeMillis(), Instant.now()));
            }
        }

        @Override
        public void onBookReset(InstrumentId instrument) {
            resets.add(instrument);
        }
    }
}
