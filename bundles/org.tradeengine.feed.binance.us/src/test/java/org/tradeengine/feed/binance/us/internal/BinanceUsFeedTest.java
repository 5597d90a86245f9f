// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.binance.us.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.feed.core.live.FeedAwait.await;
import static org.tradeengine.feed.core.live.FeedAwait.live;
import static org.tradeengine.feed.core.live.FeedAwait.resyncs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Venue;
import org.tradeengine.emulator.EmulatorOptions;
import org.tradeengine.emulator.Fault;
import org.tradeengine.emulator.VenueEmulator;
import org.tradeengine.feed.core.live.ReferenceListener;

/**
 * The Binance.US feed against the emulator replaying the real 2021 session of four symbols: spot sync rules
 * ({@code U == previous u + 1}), books equal to the venue's truth whenever delivered, and one symbol's trouble never
 * touches the others. One pass of the recording (31 s at recorded pace) covers each test, so no loop reconnect
 * interferes.
 */
class BinanceUsFeedTest {

    private static final String[] SYMBOLS = {"CRVUSDT", "COMPUSDT", "OMGBUSD", "ZRXUSDT"};

    private final OrderBookFactory books = ServiceLoader.load(OrderBookFactory.class).findFirst().orElseThrow();
    private VenueEmulator emulator;
    private BinanceUsFeed feed;
    private ReferenceListener reference;

    @BeforeEach
    void start() {
        emulator = VenueEmulator.binanceUs(EmulatorOptions.defaults().withSpeed(1).withLoop(false)
                .withRetryAfter(java.time.Duration.ofSeconds(1)).withSlowSnapshotDelay(java.time.Duration.ofMillis(800)));
        emulator.start();
        Map<String, Object> p = new HashMap<>();
        p.put("feed.id", "us");
        p.put("instruments", String.join(",", SYMBOLS));
        p.put("ws.url", emulator.wsBase().toString());
        p.put("rest.url", emulator.restBase().toString());
        p.put("backoff.initial.ms", "50");
        p.put("stale.ms", "1500");
        feed = new BinanceUsFeed(books, p);
        reference = new ReferenceListener(emulator, feed::spec);
        feed.addListener(reference);
    }

    @AfterEach
    void stop() {
        feed.deactivate();
        emulator.close();
    }

    private static InstrumentId id(String symbol) {
        return InstrumentId.ofVenueSymbol(Venue.BINANCE_US, symbol);
    }

    @Test
    void everySymbolSyncsWithTheSpotRulesAndMatchesTheTrueBook() {
        await("all four books LIVE", () -> live(feed));
        await("deltas on the two busiest symbols", () -> reference.deltas(id("OMGBUSD")) >= 10
                && reference.deltas(id("COMPUSDT")) >= 5);
        assertEquals(List.of(), reference.mismatches());
        assertTrue(reference.checked() >= 15, "compared with the truth: " + reference.checked());
        FeedStatus s = feed.status();
        assertEquals(4, s.instruments().size());
        s.instruments().forEach(i -> assertEquals(0, i.gaps(), i.instrument() + " gaps"));
        assertTrue(s.instruments().stream().allMatch(i -> i.instrument().venue() == Venue.BINANCE_US));
    }

    /**
     * Every venue fault on OMGBUSD (the busiest symbol, ~5 events/s): never a wrong LIVE book, recovery, and the
     * expected reset / reconnect / malformed count. A fresh emulator and feed per fault.
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
    void recoversFromEveryFault(Fault fault, boolean reset, boolean reconnect, boolean malformed) {
        InstrumentId omg = id("OMGBUSD");
        await("OMGBUSD LIVE with deltas", () -> live(feed, omg) && reference.deltas(omg) > 0);
        FeedStatus before = feed.status();
        int resets = reference.resets(omg);
        int snapshots = reference.snapshots(omg);
        int deltas = reference.deltas(omg);
        long t0 = System.nanoTime();
        emulator.inject(fault, fault.needsSymbol() ? "OMGBUSD" : null, 1);
        if (fault == Fault.SLOW_SNAPSHOT || fault == Fault.HTTP_429 || fault == Fault.HTTP_418) {
            emulator.inject(Fault.GAP, "OMGBUSD", 1);
        }
        if (reset) {
            await(fault + " recovery", () -> reference.snapshots(omg) > snapshots && reference.deltas(omg) > deltas
                    && live(feed, omg));
            System.out.printf("binance-us recovery %-16s %5d ms%n", fault, (System.nanoTime() - t0) / 1_000_000);
        } else {
            await(fault + " passes", () -> reference.deltas(omg) > deltas + 5);
        }
        assertEquals(List.of(), reference.mismatches(), "a LIVE book differed from the truth after " + fault);
        FeedStatus after = feed.status();
        assertEquals(reset, reference.resets(omg) > resets, fault + ": " + reference.resetReasons());
        assertEquals(reconnect, after.reconnects() > before.reconnects(), "reconnected after " + fault);
        assertEquals(malformed, after.malformed() > before.malformed(), "malformed counted after " + fault);
    }

    @Test
    void aGapAndACrossedBookOnOneSymbolResyncOnlyThatSymbol() {
        await("all four books LIVE", () -> live(feed));
        InstrumentId omg = id("OMGBUSD");
        InstrumentId comp = id("COMPUSDT");
        Map<InstrumentId, Integer> resetsBefore = new HashMap<>();
        for (String s : SYMBOLS) {
            resetsBefore.put(id(s), reference.resets(id(s)));
        }
        int omgSnapshots = reference.snapshots(omg);
        long t0 = System.nanoTime();
        emulator.inject(Fault.GAP, "OMGBUSD", 1);
        await("OMGBUSD re-synchronised", () -> reference.snapshots(omg) > omgSnapshots && live(feed, omg));
        long gapMs = (System.nanoTime() - t0) / 1_000_000;
        int compSnapshots = reference.snapshots(comp);
        t0 = System.nanoTime();
        emulator.inject(Fault.CROSSED, "COMPUSDT", 1);
        await("COMPUSDT re-synchronised", () -> reference.snapshots(comp) > compSnapshots && live(feed, comp));
        System.out.printf("binance-us recovery: GAP %d ms, CROSSED %d ms%n", gapMs, (System.nanoTime() - t0) / 1_000_000);

        assertEquals(List.of(), reference.mismatches());
        assertEquals(resetsBefore.get(omg) + 1, reference.resets(omg), reference.resetReasons().toString());
        assertEquals(resetsBefore.get(comp) + 1, reference.resets(comp), reference.resetReasons().toString());
        assertTrue(reference.resetReasons().stream().anyMatch(r -> r.startsWith(comp + ": crossed book")),
                reference.resetReasons().toString());
        for (String s : List.of("CRVUSDT", "ZRXUSDT")) {
            assertEquals(resetsBefore.get(id(s)), reference.resets(id(s)), s + " was not disturbed");
            assertEquals(0, resyncs(feed, id(s)), s + " kept its first snapshot");
        }
        assertEquals(0, feed.status().reconnects(), "the connection was kept");
        assertEquals(1, resyncs(feed, omg));
        assertEquals(1, resyncs(feed, comp));
    }
}
