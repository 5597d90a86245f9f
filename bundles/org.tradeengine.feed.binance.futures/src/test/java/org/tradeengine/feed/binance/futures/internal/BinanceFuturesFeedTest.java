// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.binance.futures.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.feed.core.live.FeedAwait.await;
import static org.tradeengine.feed.core.live.FeedAwait.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.feed.FeedState;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.feed.InstrumentFeedStatus;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Venue;
import org.tradeengine.emulator.EmulatorOptions;
import org.tradeengine.emulator.Fault;
import org.tradeengine.emulator.VenueEmulator;
import org.tradeengine.feed.core.live.ReferenceListener;

/**
 * The Binance USD-M futures feed against the loopback emulator replaying the real 2024-08-08 BTCUSDT session: it syncs
 * exactly as Binance prescribes, every delta it delivers leaves a book equal to the venue's true book at that update
 * id, and it recovers from every fault the venue produces. Recovery times are printed, not asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BinanceFuturesFeedTest {

    private static final InstrumentId BTC = InstrumentId.ofVenueSymbol(Venue.BINANCE_FUTURES, "BTCUSDT");

    private final OrderBookFactory books = ServiceLoader.load(OrderBookFactory.class).findFirst().orElseThrow();
    private VenueEmulator emulator;
    private BinanceFuturesFeed feed;
    private ReferenceListener reference;

    @BeforeAll
    void start() {
        emulator = VenueEmulator.binanceFutures(EmulatorOptions.defaults().withSpeed(2)
                .withRetryAfter(Duration.ofSeconds(1)).withSlowSnapshotDelay(Duration.ofMillis(800)));
        emulator.start();
        feed = new BinanceFuturesFeed(books, config(emulator, "btc", Map.of("stale.ms", "1500")));
        reference = new ReferenceListener(emulator, feed::spec);
        feed.addListener(reference);
        await("first LIVE book", () -> live(feed) && reference.deltas(BTC) > 0);
    }

    @AfterAll
    void stop() {
        if (feed != null) {
            feed.deactivate();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    static Map<String, Object> config(VenueEmulator emulator, String id, Map<String, String> extra) {
        Map<String, Object> p = new HashMap<>();
        p.put("feed.id", id);
        p.put("instruments", "BTCUSDT");
        p.put("ws.url", emulator.wsBase().toString() + "/public");
        p.put("rest.url", emulator.restBase().toString());
        p.put("backoff.initial.ms", "50");
        p.put("backoff.max.ms", "2000");
        p.putAll(extra);
        return p;
    }

    @Test
    @Order(1)
    void syncsFromTheRestSnapshotAndEveryLiveDeltaMatchesTheTrueBook() {
        int before = reference.deltas(BTC);
        await("200 more deltas", () -> reference.deltas(BTC) >= before + 200);
        assertEquals(java.util.List.of(), reference.mismatches());
        assertTrue(reference.checked() >= 200, "deltas compared with the truth: " + reference.checked());
        FeedStatus s = feed.status();
        InstrumentFeedStatus i = s.instruments().get(0);
        assertEquals(FeedState.LIVE, s.state());
        assertEquals(BookState.LIVE, i.bookState());
        assertEquals(0, i.gaps());
        assertEquals(0, s.reconnects());
        assertEquals(1, reference.snapshots(BTC), "one snapshot, then only updates");
        assertTrue(i.lastUpdateId() > 0 && i.events() >= 200);
        assertTrue(s.connectedSince() != null);
    }

    /**
     * One fault at a time; for each: whether the instrument must be reset (re-snapshot), whether the connection must be
     * replaced, whether a malformed message must be counted.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "GAP,              true,  false, false",
        "DUPLICATE,        false, false, false",
        "OUT_OF_ORDER,     true,  false, false",
        "MALFORMED_JSON,   false, false, true",
        "UNKNOWN_MESSAGE,  false, false, true",
        "WRONG_SYMBOL,     true,  false, true",
        "NEGATIVE_QTY,     true,  false, true",
        "NON_NUMERIC_QTY,  true,  false, true",
        "CROSSED,          true,  false, false",
        "DROP_CONNECTION,  true,  true,  false",
        "SERVER_SHUTDOWN,  true,  true,  false",
        "SILENT,           true,  true,  false",
        "SLOW_SNAPSHOT,    true,  false, false",
        "HTTP_429,         true,  false, false",
        "HTTP_418,         true,  false, false"})
    @Order(2)
    void recoversFromEveryFaultAndIsNeverLiveWhileWrong(Fault fault, boolean reset, boolean reconnect, boolean malformed) {
        FeedStatus before = feed.status();
        int resets = reference.resets(BTC);
        int snapshots = reference.snapshots(BTC);
        int deltas = reference.deltas(BTC);
        long t0 = System.nanoTime();
        emulator.inject(fault, fault.needsSymbol() ? "BTCUSDT" : null, 1);
        if (fault == Fault.SLOW_SNAPSHOT || fault == Fault.HTTP_429 || fault == Fault.HTTP_418) {
            emulator.inject(Fault.GAP, "BTCUSDT", 1); // the next snapshot request is the one that meets the fault
        }
        if (reset) {
            await(fault + " recovery", () -> reference.snapshots(BTC) > snapshots && reference.deltas(BTC) > deltas + 3
                    && live(feed));
            System.out.printf("recovery %-16s %5d ms (injection to LIVE with new deltas)%n", fault,
                    (System.nanoTime() - t0) / 1_000_000);
        } else {
            await(fault + " passes", () -> reference.deltas(BTC) > deltas + 30);
        }
        assertEquals(java.util.List.of(), reference.mismatches(), "a LIVE book differed from the truth after " + fault);
        FeedStatus after = feed.status();
        assertEquals(reset, reference.resets(BTC) > resets, "reset announced after " + fault + ": " + reference.resetReasons());
        if (reconnect) {
            assertTrue(after.reconnects() > before.reconnects(), "reconnected after " + fault);
        } else {
            assertEquals(before.reconnects(), after.reconnects(), "the connection is kept through " + fault);
        }
        assertEquals(malformed, after.malformed() > before.malformed(), "malformed counted after " + fault);
        if (fault == Fault.HTTP_429 || fault == Fault.HTTP_418) {
            assertTrue(reference.resetReasons().size() > resets);
        }
    }

    @Test
    @Order(3)
    void rotatesTheConnectionBeforeTheVenuesAgeLimitAndWhenTheVenueClosesIt() throws Exception {
        try (VenueEmulator rotating = VenueEmulator.binanceFutures(EmulatorOptions.defaults().withSpeed(2)
                .withMaxConnectionAge(Duration.ofMillis(2500)))) {
            rotating.start();
            BinanceFuturesFeed own = new BinanceFuturesFeed(books, config(rotating, "rot", Map.of("max.connection.age.ms",
                    "1500")));
            ReferenceListener ref = new ReferenceListener(rotating, own::spec);
            own.addListener(ref);
            try {
                await("two rotations", () -> own.status().reconnects() >= 2 && live(own) && ref.deltas(BTC) > 10);
                assertEquals(java.util.List.of(), ref.mismatches());
                assertTrue(ref.snapshots(BTC) >= 2, "re-snapshot after each new connection");
            } finally {
                own.deactivate();
            }
        }
    }

    @Test
    @Order(4)
    void aWrongConfigurationIsRejectedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BinanceFuturesFeed(books, config(emulator, "bad", Map.of("stale.ms", "soon"))));
        assertEquals("feed bad: stale.ms: 'soon' is not a whole number", e.getMessage());
        Map<String, Object> noSymbols = config(emulator, "bad", Map.of());
        noSymbols.remove("instruments");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BinanceFuturesFeed(books, noSymbols)).getMessage()
                .startsWith("feed bad: instruments: no instrument configured"));
    }

    @Test
    @Order(5)
    void anUnreachableVenueLeavesTheFeedDisconnectedAndRetrying() {
        Map<String, Object> p = config(emulator, "nowhere", Map.of());
        p.put("ws.url", "ws://127.0.0.1:1");
        BinanceFuturesFeed own = new BinanceFuturesFeed(books, p);
        try {
            await("a failed connection attempt", () -> own.status().state() == FeedState.DISCONNECTED
                    || own.status().detail().contains("cannot connect"));
            assertTrue(own.status().detail().contains("cannot connect to ws://127.0.0.1:1/stream?streams=btcusdt@depth@100ms"),
                    own.status().detail());
        } finally {
            own.deactivate();
        }
    }
}
