// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.kraken.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.feed.FeedState;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.feed.InstrumentFeedStatus;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;
import org.tradeengine.emulator.EmulatorOptions;
import org.tradeengine.emulator.Fault;
import org.tradeengine.emulator.VenueEmulator;

/**
 * The Kraken Futures feed component against the Kraken emulator on loopback, which replays the real 2021 session and
 * injects venue faults. Each test gets a fresh emulator (one 31 s pass, no loop) and a fresh feed on four active
 * products; a {@link TruthListener} checks every delivered book against the emulator's true book.
 */
class KrakenFuturesFeedTest {

    private static final OrderBookFactory BOOKS = ServiceLoader.load(OrderBookFactory.class).findFirst().orElseThrow();
    private static final Function<InstrumentId, InstrumentSpec> SPECS = InstrumentSpecs::lookup;
    private static final long TIMEOUT_MS = 25_000;
    /** PI_LTCUSD's wrong-symbol copies go to FI_BCHUSD_210730, which the feed does not subscribe. */
    private static final List<String> PRODUCTS = List.of("PI_ETHUSD", "PI_XRPUSD", "PI_LTCUSD", "FI_XBTUSD_210924");
    private static final Map<String, Long> RECOVERY = new ConcurrentHashMap<>();

    private VenueEmulator emulator;
    private KrakenFuturesFeed feed;
    private TruthListener listener;
    private final Map<String, AtomicInteger> framesPerSeq = new ConcurrentHashMap<>();

    private static InstrumentId id(String product) {
        return InstrumentId.ofVenueSymbol(Venue.KRAKEN_FUTURES, product);
    }

    private void start(List<String> products) {
        emulator = VenueEmulator.krakenFutures(EmulatorOptions.defaults().withLoop(false)
                .withHeartbeatInterval(Duration.ofMillis(400)).withSlowSnapshotDelay(Duration.ofMillis(800))).start();
        Map<String, Object> props = new HashMap<>();
        props.put("feed.id", "kraken-test");
        props.put("instruments", String.join(",", products).toLowerCase(java.util.Locale.ROOT));
        props.put("ws.url", emulator.wsBase() + "/ws/v1");
        props.put("rest.url", emulator.restBase().toString());
        props.put("backoff.initial.ms", "50");
        props.put("backoff.max.ms", "1000");
        props.put("stale.ms", "1500");
        feed = new KrakenFuturesFeed(BOOKS, props);
        feed.bindSink((feedId, venue, instrument, localNanos, message, length) -> {
            String text = new String(message, 0, length, StandardCharsets.UTF_8);
            int seq = text.indexOf("\"seq\":");
            if (text.startsWith("{\"feed\":\"book\"") && seq > 0) {
                int end = text.indexOf(',', seq);
                framesPerSeq.computeIfAbsent(instrument + "/" + text.substring(seq + 6, end > 0 ? end : text.length() - 1),
                        k -> new AtomicInteger()).incrementAndGet();
            }
        });
        listener = new TruthListener(emulator, SPECS, i -> bookState(i) == BookState.LIVE);
        feed.addListener(listener);
    }

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.deactivate();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @AfterAll
    static void printRecoveryTimes() {
        System.out.println("Kraken feed recovery times (fault injected -> product LIVE again): " + new java.util.TreeMap<>(RECOVERY));
    }

    private BookState bookState(InstrumentId id) {
        for (InstrumentFeedStatus s : feed.status().instruments()) {
            if (s.instrument().equals(id)) {
                return s.bookState();
            }
        }
        return null;
    }

    private InstrumentFeedStatus status(String product) {
        return feed.status().instruments().stream().filter(s -> s.instrument().equals(id(product))).findFirst().orElseThrow();
    }

    private static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TIMEOUT_MS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + TIMEOUT_MS + " ms waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private boolean allLive() {
        FeedStatus s = feed.status();
        return s.state() == FeedState.LIVE && s.instruments().stream().allMatch(i -> i.bookState() == BookState.LIVE);
    }

    private void awaitAllLiveWithDeltas() {
        await("every product LIVE with deltas delivered", () -> allLive()
                && PRODUCTS.stream().allMatch(p -> listener.deltasSinceReset(id(p)) > 0));
    }

    private void assertBooksNeverWrong() {
        assertEquals(List.of(), listener.mismatches(), "a book was wrong while in sync");
        assertTrue(listener.checkedWhileLive() > 0, "deltas were checked against the truth: " + listener.checked());
    }

    @Test
    void goesLiveOnEveryProductAndEveryBookMatchesTheVenuesTruth() {
        start(PRODUCTS);
        awaitAllLiveWithDeltas();
        int before = listener.deltas(id("PI_ETHUSD"));
        await("200 more PI_ETHUSD deltas", () -> listener.deltas(id("PI_ETHUSD")) >= before + 200);

        assertBooksNeverWrong();
        FeedStatus s = feed.status();
        assertEquals(Venue.KRAKEN_FUTURES, feed.venue());
        assertEquals("kraken-test", feed.id());
        assertEquals(0, s.malformed(), s.detail());
        assertEquals(0, s.reconnects());
        for (String p : PRODUCTS) {
            InstrumentFeedStatus i = status(p);
            assertEquals(0, i.gaps(), p);
            assertEquals(0, i.resyncs(), p);
            assertTrue(emulator.truthDigest(p, i.lastUpdateId()).isPresent(), p);
            assertEquals(0, listener.resets(id(p)), p);
        }
        assertTrue(framesPerSeq.values().stream().allMatch(n -> n.get() == 1), "no delta arrived twice");
    }

    /** Faults on one product's events: that product resyncs (or ignores the bad frame), the others never notice. */
    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"GAP", "DUPLICATE", "OUT_OF_ORDER", "MALFORMED_JSON", "UNKNOWN_MESSAGE",
        "WRONG_SYMBOL", "NEGATIVE_QTY", "NON_NUMERIC_QTY", "CROSSED", "SLOW_SNAPSHOT"})
    void recoversFromAProductFaultWithoutDisturbingTheOthers(Fault fault) {
        String target = fault == Fault.WRONG_SYMBOL ? "PI_LTCUSD" : "PI_ETHUSD";
        InstrumentId targetId = id(target);
        start(PRODUCTS);
        awaitAllLiveWithDeltas();
        Map<String, Long> resyncsBefore = new LinkedHashMap<>();
        PRODUCTS.forEach(p -> resyncsBefore.put(p, status(p).resyncs()));
        long malformedBefore = feed.status().malformed();
        long sentBefore = emulator.lastSentUpdateId(target);

        long t0 = System.nanoTime();
        if (fault == Fault.SLOW_SNAPSHOT) {
            emulator.inject(Fault.SLOW_SNAPSHOT, target, 1);
            emulator.inject(Fault.GAP, target, 1);   // the resubscription's snapshot is the slow one
        } else {
            emulator.inject(fault, target, 1);
        }
        boolean resyncs = fault != Fault.DUPLICATE && fault != Fault.MALFORMED_JSON && fault != Fault.UNKNOWN_MESSAGE;
        if (resyncs) {
            await(target + " reset after " + fault, () -> listener.resets(targetId) > 0);
            await(target + " LIVE again after " + fault, () -> bookState(targetId) == BookState.LIVE
                    && listener.deltasSinceReset(targetId) > 0);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            RECOVERY.put(fault + " " + target, ms);
            System.out.println("Kraken feed: " + fault + " on " + target + ": LIVE again after " + ms + " ms ("
                    + listener.resetReasons() + ")");
            assertEquals(resyncsBefore.get(target) + 1, status(target).resyncs(), "one resubscription");
        } else if (fault == Fault.DUPLICATE) {
            await("the duplicate sent and 20 more " + target + " deltas", () -> emulator.lastSentUpdateId(target) > sentBefore + 20
                    && framesPerSeq.entrySet().stream().anyMatch(e -> e.getKey().startsWith(targetId + "/") && e.getValue().get() == 2));
            RECOVERY.put(fault + " " + target, 0L);
        } else {
            await("the bad frame counted", () -> feed.status().malformed() > malformedBefore);
            await("20 more " + target + " deltas", () -> emulator.lastSentUpdateId(target) > sentBefore + 20);
            RECOVERY.put(fault + " " + target, 0L);
            assertEquals(0, listener.resets(targetId), "an extra bad frame does not break the book: "
                    + listener.resetReasons());
        }
        int after = listener.deltas(targetId);
        await("20 more " + target + " deltas after recovery", () -> listener.deltas(targetId) >= after + 20);

        assertBooksNeverWrong();
        assertTrue(allLive(), feed.status().toString());
        for (String p : PRODUCTS) {
            if (!p.equals(target)) {
                assertEquals(0, listener.resets(id(p)), p + " was reset by " + fault + " on " + target + ": "
                        + listener.resetReasons());
                assertEquals(resyncsBefore.get(p), status(p).resyncs(), p);
            }
        }
        if (fault != Fault.DUPLICATE && fault != Fault.GAP && fault != Fault.OUT_OF_ORDER && fault != Fault.CROSSED
                && fault != Fault.SLOW_SNAPSHOT) {
            assertTrue(feed.status().malformed() > malformedBefore, fault + " is counted as malformed");
        }
    }

    /** Faults of the whole connection: every product resyncs on a new connection, no book is ever wrong. */
    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SILENT", "DROP_CONNECTION", "SERVER_SHUTDOWN"})
    void reconnectsAfterAConnectionFaultAndResyncsEveryProduct(Fault fault) {
        start(PRODUCTS);
        awaitAllLiveWithDeltas();
        long reconnects = feed.status().reconnects();

        long t0 = System.nanoTime();
        emulator.inject(fault, null, 1);
        await("every product reset after " + fault, () -> PRODUCTS.stream().allMatch(p -> listener.resets(id(p)) > 0));
        awaitAllLiveWithDeltas();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        RECOVERY.put(fault + " (all products)", ms);
        System.out.println("Kraken feed: " + fault + ": every product LIVE again after " + ms + " ms");
        int after = listener.deltas(id("PI_ETHUSD"));
        await("20 more PI_ETHUSD deltas", () -> listener.deltas(id("PI_ETHUSD")) >= after + 20);

        assertBooksNeverWrong();
        assertEquals(reconnects + 1, feed.status().reconnects(), "one new connection");
    }

    /**
     * The emulator relabels a PI_ETHUSD delta as the next recorded product, FI_XBTUSD_210924, which the feed also
     * subscribes. Nothing in the frame tells it apart from a real FI_XBTUSD_210924 delta, and its seq (26.6 M) is far
     * past that product's (13.5 M): FI_XBTUSD_210924 sees a gap and resyncs too. Neither book is ever wrong.
     *
     * <p>Disabled until feed.core's BookSync drops, on an in-stream snapshot, the buffered updates that neither are
     * stale nor bridge it: today the relabelled delta stays first in FI_XBTUSD_210924's buffer and fails the bridge of
     * every new snapshot (the product keeps resubscribing until 10,000 buffered deltas push it out). Its book is never
     * wrong meanwhile. Passes with that change.
     */
    @Test
    void aDeltaRelabelledAsAnotherSubscribedProductNeverCorruptsItsBook() {
        start(PRODUCTS);
        awaitAllLiveWithDeltas();
        InstrumentId eth = id("PI_ETHUSD");
        InstrumentId xbt = id("FI_XBTUSD_210924");

        emulator.inject(Fault.WRONG_SYMBOL, "PI_ETHUSD", 1);
        await("both products reset", () -> listener.resets(eth) > 0 && listener.resets(xbt) > 0);
        await("both LIVE again", () -> allLive() && listener.deltasSinceReset(eth) > 0 && listener.deltasSinceReset(xbt) > 0);

        assertBooksNeverWrong();
        assertTrue(listener.resetReasons().stream().anyMatch(r -> r.startsWith(xbt + ": sequence gap")),
                listener.resetReasons().toString());
        assertEquals(0, listener.resets(id("PI_XRPUSD")) + listener.resets(id("PI_LTCUSD")));
    }

    /**
     * Book deltas pause (the emulator's timeline stops) for three times stale.ms: the heartbeat feed keeps the
     * connection talking, so nothing is reconnected or resynced, and the books go on from where they were.
     */
    @Test
    void aPauseInBookDeltasIsNotAStaleConnectionThanksToTheHeartbeat() throws InterruptedException {
        start(PRODUCTS);
        awaitAllLiveWithDeltas();
        long reconnects = feed.status().reconnects();
        int deltasBefore = listener.deltas(id("PI_ETHUSD"));

        emulator.pause();
        Thread.sleep(4_500);   // the pause itself, not an assertion on time
        int duringPause = listener.deltas(id("PI_ETHUSD")) - deltasBefore;
        emulator.resume();
        await("100 more PI_ETHUSD deltas", () -> listener.deltas(id("PI_ETHUSD")) >= deltasBefore + duringPause + 100);

        assertTrue(duringPause < 100, "the timeline was paused: " + duringPause + " deltas");
        assertEquals(reconnects, feed.status().reconnects(), "no reconnect: heartbeats kept the connection fresh");
        PRODUCTS.forEach(p -> assertEquals(0, listener.resets(id(p)), p + ": " + listener.resetReasons()));
        assertTrue(allLive());
        assertBooksNeverWrong();
    }

    @Test
    void namesAProductTheVenueRefusesAndKeepsTheOthersLive() {
        start(List.of("PI_ETHUSD", "PF_NOTREAL", "PI_XRPUSD"));
        await("PI_ETHUSD and PI_XRPUSD LIVE", () -> bookState(id("PI_ETHUSD")) == BookState.LIVE
                && bookState(id("PI_XRPUSD")) == BookState.LIVE && status("PF_NOTREAL").malformed() > 0
                && listener.deltasSinceReset(id("PI_ETHUSD")) > 0);

        FeedStatus s = feed.status();
        assertEquals(FeedState.DEGRADED, s.state(), "one product cannot sync");
        assertTrue(s.detail().contains("PF_NOTREAL") && s.detail().contains("Invalid product id"), s.detail());
        assertEquals(BookState.SYNCING, status("PF_NOTREAL").bookState());
        assertEquals(1, status("PF_NOTREAL").malformed());
        assertBooksNeverWrong();
    }

    @Test
    void aDeadConfigurationNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KrakenFuturesFeed(BOOKS, Map.of("feed.id", "k", "instruments", "PI ETHUSD")));
        assertTrue(e.getMessage().contains("instruments: 'PI ETHUSD' is not a venue symbol"), e.getMessage());
    }
}
