// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradeengine.recordings.Recordings;

/** Kraken Futures v1 emulator: session protocol, snapshots per subscription, seq continuity, faults, truth. */
class KrakenFuturesEmulatorTest {

    static final String ETH = "PI_ETHUSD";
    static final String INFO = "{\"event\":\"info\",\"version\":1}";
    static RecordedSession rec;

    @BeforeAll
    static void load() {
        rec = RecordedSession.cryptofeedKraken(Recordings.CRYPTOFEED_KRAKEN_FUTURES_WS);
    }

    private static VenueEmulator paused(EmulatorOptions o) {
        return VenueEmulator.krakenFutures(o.withStartPaused(true).withLoop(false)).start();
    }

    private static VenueEmulator paused() {
        return paused(EmulatorOptions.defaults().withSpeed(100));
    }

    private static String ack(String event, String feed, String product) {
        return "{\"event\":\"" + event + "\",\"feed\":\"" + feed + "\",\"product_ids\":[\"" + product + "\"]}";
    }

    private static long seq(String frame) {
        return RecordedSession.json(frame).get("seq").asLong();
    }

    /** Connected, info read, book of ETH subscribed (ack and recorded snapshot read) while paused. */
    private static WsClient subscribedEth(VenueEmulator emu) {
        WsClient c = WsClient.connect(emu.wsBase().resolve("/ws/v1"));
        assertEquals(INFO, c.next());
        c.send("{\"event\":\"subscribe\",\"feed\":\"book\",\"product_ids\":[\"pi_ethusd\"]}");
        assertEquals(ack("subscribed", "book", ETH), c.next());
        assertEquals(rec.snapshots.get(ETH), c.next());
        return c;
    }

    @Test
    void subscribeAcksPerProductInUpperCaseThenRecordedSnapshotsThenRecordedDeltas() {
        String xbt = "FI_XBTUSD_210730";
        try (VenueEmulator emu = paused(); WsClient c = WsClient.connect(emu.wsBase().resolve("/ws/v1"))) {
            assertEquals(10, emu.symbols().size());
            assertEquals(INFO, c.next());
            c.send("{\"event\":\"subscribe\",\"feed\":\"book\",\"product_ids\":[\"pi_ethusd\",\"fi_xbtusd_210730\"]}");
            assertEquals(ack("subscribed", "book", ETH), c.next());
            assertEquals(ack("subscribed", "book", xbt), c.next());
            assertEquals(rec.snapshots.get(ETH), c.next());
            assertEquals(rec.snapshots.get(xbt), c.next());
            emu.resume();
            List<String> expected = rec.frames.stream().filter(f -> f.startsWith("{\"feed\":\"book\",\"product_id\":\""
                    + ETH + "\"") || f.startsWith("{\"feed\":\"book\",\"product_id\":\"" + xbt + "\"")).toList();
            assertEquals(expected.subList(0, 400), c.next(400, m -> true));
        }
    }

    @Test
    void protocolErrorsAndUnsubscribe() {
        try (VenueEmulator emu = paused(); WsClient c = subscribedEth(emu)) {
            c.send("{\"event\":\"subscribe\",\"feed\":\"book\",\"product_ids\":[\"PI_NOPEUSD\"]}");
            assertEquals("{\"event\":\"error\",\"message\":\"Invalid product id\"}", c.next());
            c.send("{\"event\":\"subscribe\",\"feed\":");
            assertEquals("{\"event\":\"error\",\"message\":\"Json Error\"}", c.next());
            c.send("{\"event\":\"subscribe\",\"feed\":\"candles\",\"product_ids\":[\"PI_ETHUSD\"]}");
            assertEquals("{\"event\":\"error\",\"message\":\"Invalid feed\"}", c.next());
            c.send("{\"event\":\"unsubscribe\",\"feed\":\"book\",\"product_ids\":[\"PI_ETHUSD\"]}");
            assertEquals(ack("unsubscribed", "book", ETH), c.next());
        }
    }

    @Test
    void heartbeatFeedTicksAtTheConfiguredInterval() {
        try (VenueEmulator emu = paused(EmulatorOptions.defaults().withHeartbeatInterval(Duration.ofMillis(50)));
                WsClient c = WsClient.connect(emu.wsBase().resolve("/ws/v1"))) {
            assertEquals(INFO, c.next());
            c.send("{\"event\":\"subscribe\",\"feed\":\"heartbeat\"}");
            assertEquals("{\"event\":\"subscribed\",\"feed\":\"heartbeat\"}", c.next());
            JsonNode h1 = RecordedSession.json(c.next());
            JsonNode h2 = RecordedSession.json(c.next());
            assertEquals("heartbeat", h1.get("feed").asText());
            assertTrue(h2.get("time").asLong() >= h1.get("time").asLong());
        }
    }

    @Test
    void resubscribeLaterGetsASynthesizedSnapshotEqualToTheTruthThatTheDeltasContinue() {
        long recordedSeq = seq(rec.snapshots.get(ETH));
        try (VenueEmulator emu = paused(EmulatorOptions.defaults().withSpeed(30));
                WsClient c = WsClient.connect(emu.wsBase().resolve("/ws/v1"))) {
            assertEquals(INFO, c.next());
            emu.resume();
            Await.until("200 ETH deltas replayed", () -> emu.lastSentUpdateId(ETH) > recordedSeq + 200);
            emu.pause();
            long x = emu.lastSentUpdateId(ETH);
            c.send("{\"event\":\"subscribe\",\"feed\":\"book\",\"product_ids\":[\"PI_ETHUSD\"]}");
            assertEquals(ack("subscribed", "book", ETH), c.next());
            String text = c.next();
            JsonNode snap = RecordedSession.json(text);
            assertEquals("book_snapshot", snap.get("feed").asText());
            assertEquals(x, snap.get("seq").asLong());
            assertTrue(snap.get("bids").get(0).get("price").isNumber() && snap.get("asks").get(0).get("qty")
                    .isNumber(), "numbers, not strings");
            assertTrue(text.contains("\"tickSize\":null"));
            RefBook b = new RefBook();
            b.krakenLevels(snap.get("bids"), true);
            b.krakenLevels(snap.get("asks"), false);
            TrueBook truth = emu.trueBook(ETH);
            assertEquals(RefBook.canon(truth.bids()), RefBook.canon(b.bids));
            assertEquals(RefBook.canon(truth.asks()), RefBook.canon(b.asks));
            assertEquals(emu.truthDigest(ETH, x).getAsLong(), b.digest());
            emu.resume();
            assertEquals(x + 1, seq(c.next()));
        }
    }

    @Test
    void gapSkipsASeq() {
        long recordedSeq = seq(rec.snapshots.get(ETH));
        try (VenueEmulator emu = paused(); WsClient c = subscribedEth(emu)) {
            emu.inject(Fault.GAP, "pi_ethusd", 1);
            emu.resume();
            assertEquals(recordedSeq + 2, seq(c.next()));
            assertEquals(recordedSeq + 3, seq(c.next()));
        }
    }

    @Test
    void payloadFaultsAlterTheNextDelta() {
        JsonNode snapshot = RecordedSession.json(rec.snapshots.get(ETH));
        String firstDelta = rec.kraken("book", ETH).get(0);
        for (Fault f : new Fault[] {Fault.NEGATIVE_QTY, Fault.NON_NUMERIC_QTY, Fault.CROSSED, Fault.WRONG_SYMBOL}) {
            try (VenueEmulator emu = paused(); WsClient c = subscribedEth(emu)) {
                emu.inject(f, ETH, 1);
                emu.resume();
                String text = c.next();
                JsonNode d = RecordedSession.json(text);
                assertEquals(seq(firstDelta), d.get("seq").asLong(), f.name());
                switch (f) {
                    case NEGATIVE_QTY -> assertTrue(text.contains("\"qty\":-1.0"), text);
                    case NON_NUMERIC_QTY -> assertTrue(text.contains("\"qty\":\"abc\""), text);
                    case CROSSED -> {
                        BigDecimal price = d.get("price").decimalValue();
                        if ("buy".equals(d.get("side").asText())) {
                            assertTrue(price.compareTo(snapshot.get("asks").get(0).get("price").decimalValue()) >= 0);
                        } else {
                            assertTrue(price.compareTo(snapshot.get("bids").get(0).get("price").decimalValue()) <= 0);
                        }
                    }
                    default -> assertNotEquals(ETH, d.get("product_id").asText());
                }
                assertEquals(rec.kraken("book", ETH).get(1), c.next(), "the next delta is untouched");
            }
        }
    }

    @Test
    void slowSnapshotHoldsTheSnapshotBack() throws InterruptedException {
        try (VenueEmulator emu = paused(EmulatorOptions.defaults().withSlowSnapshotDelay(Duration.ofMillis(1500)));
                WsClient c = WsClient.connect(emu.wsBase().resolve("/ws/v1"))) {
            assertEquals(INFO, c.next());
            emu.inject(Fault.SLOW_SNAPSHOT, ETH, 1);
            c.send("{\"event\":\"subscribe\",\"feed\":\"book\",\"product_ids\":[\"PI_ETHUSD\"]}");
            assertEquals(ack("subscribed", "book", ETH), c.next());
            assertNull(c.messages.poll(200, TimeUnit.MILLISECONDS), "no snapshot yet");
            assertEquals(rec.snapshots.get(ETH), c.next());
            assertEquals(1, emu.stats().faultsApplied());
        }
    }

    @Test
    void serverShutdownClosesWith1001() {
        try (VenueEmulator emu = paused(); WsClient c = subscribedEth(emu)) {
            emu.inject(Fault.SERVER_SHUTDOWN, null, 0);
            assertEquals(1001, c.closeCode());
        }
    }

    @Test
    void truthAfterTheWholeRecordingEqualsAnIndependentReplayAndRestServesInstruments() {
        try (VenueEmulator emu = paused(EmulatorOptions.defaults().withSpeed(1_000_000))) {
            emu.resume();
            Await.until("end of the recording", () -> emu.stats().finished());
            for (String p : emu.symbols()) {
                RefBook expected = RecordedSession.replayKraken(rec, p);
                TrueBook truth = emu.trueBook(p);
                assertEquals(expected.id, truth.lastUpdateId(), p);
                assertEquals(RefBook.canon(expected.bids), RefBook.canon(truth.bids()), p);
                assertEquals(RefBook.canon(expected.asks), RefBook.canon(truth.asks()), p);
            }
            assertEquals(RecordedSession.restBody(Recordings.CRYPTOFEED_KRAKEN_FUTURES_INFO),
                    Http.get(emu.restBase(), "/derivatives/api/v3/instruments").body());
            assertEquals(404, Http.get(emu.restBase(), "/derivatives/api/v3/orderbook").statusCode());
        }
    }
}
