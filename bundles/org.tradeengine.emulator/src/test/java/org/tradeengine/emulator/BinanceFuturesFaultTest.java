// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradeengine.recordings.Recordings;

/** Every fault of the Binance USD-M emulator does what it says, and none changes the truth. */
class BinanceFuturesFaultTest {

    static final String DEPTH0 = "btcusdt@depth@0ms";
    static RecordedSession rec;
    static List<String> depth;

    @BeforeAll
    static void load() {
        rec = RecordedSession.hftbacktest(Recordings.USDM_BTCUSDT_20240808);
        depth = rec.binanceStream(DEPTH0);
    }

    private static VenueEmulator paused(EmulatorOptions o) {
        return VenueEmulator.binanceFutures(o.withStartPaused(true).withLoop(false)).start();
    }

    private static VenueEmulator paused() {
        return paused(EmulatorOptions.defaults().withSpeed(1000));
    }

    /** Connects one depth client while paused, injects, resumes and returns the next n depth frames. */
    private static List<String> depthAfter(Fault kind, long param, int n) {
        try (VenueEmulator emu = paused();
                WsClient c = WsClient.connect(emu.wsBase().resolve("/stream?streams=" + DEPTH0))) {
            Await.sessions(emu, 1);
            emu.inject(kind, "BTCUSDT", param);
            emu.resume();
            List<String> got = c.next(n, m -> true);
            assertEquals(param == 0 ? 1 : param, emu.stats().faultsApplied());
            return got;
        }
    }

    private static JsonNode data(String frame) {
        return RecordedSession.json(frame).get("data");
    }

    @Test
    void gapWithholdsTheNextEvents() {
        assertEquals(List.of(depth.get(1), depth.get(2)), depthAfter(Fault.GAP, 1, 2));
        assertEquals(List.of(depth.get(2), depth.get(3)), depthAfter(Fault.GAP, 2, 2));
    }

    @Test
    void duplicateSendsTheNextEventTwice() {
        assertEquals(List.of(depth.get(0), depth.get(0), depth.get(1)), depthAfter(Fault.DUPLICATE, 1, 3));
    }

    @Test
    void outOfOrderSwapsTheNextTwoEvents() {
        assertEquals(List.of(depth.get(1), depth.get(0), depth.get(2)), depthAfter(Fault.OUT_OF_ORDER, 0, 3));
    }

    @Test
    void malformedJsonAddsATruncatedFrameBeforeTheEvent() {
        List<String> got = depthAfter(Fault.MALFORMED_JSON, 1, 3);
        assertEquals(depth.get(0).substring(0, depth.get(0).length() / 2), got.get(0));
        assertThrows(Exception.class, () -> RecordedSession.JSON.readTree(got.get(0)));
        assertEquals(List.of(depth.get(0), depth.get(1)), got.subList(1, 3));
    }

    @Test
    void unknownMessageAddsAWellFormedFrameOfAnUnknownEvent() {
        List<String> got = depthAfter(Fault.UNKNOWN_MESSAGE, 1, 2);
        JsonNode unknown = data(got.get(0));
        assertEquals("emulatorUnknownEvent", unknown.get("e").asText());
        assertEquals("BTCUSDT", unknown.get("s").asText());
        assertEquals(depth.get(0), got.get(1));
    }

    @Test
    void wrongSymbolChangesOnlyTheSymbolOfTheNextEvent() {
        List<String> got = depthAfter(Fault.WRONG_SYMBOL, 1, 2);
        ObjectNode d = (ObjectNode) data(got.get(0));
        assertEquals("ETHUSDT", d.get("s").asText());
        d.put("s", "BTCUSDT");
        assertEquals(data(depth.get(0)), d);
        assertEquals(depth.get(1), got.get(1));
    }

    @Test
    void negativeAndNonNumericQuantitiesReplaceOneLevelsQuantity() {
        for (Fault f : new Fault[] {Fault.NEGATIVE_QTY, Fault.NON_NUMERIC_QTY}) {
            List<String> got = depthAfter(f, 1, 2);
            JsonNode d = data(got.get(0));
            assertEquals(f == Fault.NEGATIVE_QTY ? "-1.000" : "abc", d.get("b").get(0).get(1).asText());
            ((com.fasterxml.jackson.databind.node.ArrayNode) d.get("b").get(0)).set(1,
                    data(depth.get(0)).get("b").get(0).get(1));
            assertEquals(data(depth.get(0)), d);
            assertEquals(depth.get(1), got.get(1));
        }
    }

    @Test
    void crossedAddsABidAboveTheTrueBestAsk() {
        // the first recorded event precedes the snapshot, so the truth is the recorded snapshot then
        BigDecimal bestAsk = new BigDecimal(RecordedSession.json(rec.snapshots.get("BTCUSDT")).get("asks").get(0)
                .get(0).asText());
        List<String> got = depthAfter(Fault.CROSSED, 1, 2);
        JsonNode bids = data(got.get(0)).get("b");
        assertEquals(bestAsk.toPlainString(), bids.get(0).get(0).asText());
        assertTrue(new BigDecimal(bids.get(0).get(0).asText()).compareTo(bestAsk) >= 0);
        assertEquals("1.000", bids.get(0).get(1).asText());
        assertEquals(data(depth.get(0)).get("b").size() + 1, bids.size());
        assertEquals(depth.get(1), got.get(1));
    }

    @Test
    void faultsNeverChangeTheTruth() {
        try (VenueEmulator emu = paused(EmulatorOptions.defaults().withSpeed(1_000_000));
                WsClient c = WsClient.connect(emu.wsBase().resolve("/stream?streams=" + DEPTH0))) {
            Await.sessions(emu, 1);
            for (Fault f : Fault.values()) {
                if (f.needsSymbol()) {
                    emu.inject(f, "BTCUSDT", 3);
                }
            }
            emu.resume();
            Await.until("end of the recording", () -> emu.stats().finished());
            assertTrue(c.messages.size() > 1000, "the client got the faulted stream");
            RefBook expected = RecordedSession.replayBinance(rec, "BTCUSDT", true);
            TrueBook truth = emu.trueBook("BTCUSDT");
            assertEquals(expected.id, truth.lastUpdateId());
            assertEquals(RefBook.canon(expected.bids), RefBook.canon(truth.bids()));
            assertEquals(RefBook.canon(expected.asks), RefBook.canon(truth.asks()));
            assertEquals(3L * 9, emu.stats().faultsApplied());
        }
    }

    @Test
    void dropConnectionEndsEverySessionWithoutACloseFrame() throws IOException {
        try (VenueEmulator emu = paused();
                RawWsClient raw = new RawWsClient(emu.port(), "/ws/" + DEPTH0);
                WsClient jdk = WsClient.connect(emu.wsBase().resolve("/stream?streams=" + DEPTH0))) {
            Await.sessions(emu, 2);
            emu.inject(Fault.DROP_CONNECTION, null, 0);
            for (RawWsClient.WsFrame f = raw.read(); f != null; f = raw.read()) {
                assertNotEquals(RawWsClient.CLOSE, f.opcode(), "no close frame");
            }
            int code = jdk.closeCode();
            assertTrue(code == 1006 || code == -1, "abnormal closure (1006 = no close frame), was " + code);
            Await.sessions(emu, 0);
        }
    }

    @Test
    void silentSessionsGetNothingButStayOpenAndAnswerPings() throws IOException {
        try (VenueEmulator emu = paused();
                RawWsClient silent = new RawWsClient(emu.port(), "/ws/" + DEPTH0)) {
            Await.sessions(emu, 1);
            emu.inject(Fault.SILENT, null, 0);
            try (WsClient fresh = WsClient.connect(emu.wsBase().resolve("/stream?streams=" + DEPTH0))) {
                Await.sessions(emu, 2);
                emu.resume();
                assertEquals(depth.subList(0, 200), fresh.next(200, m -> true));
                silent.send(RawWsClient.PING, "hi".getBytes(StandardCharsets.US_ASCII));
                RawWsClient.WsFrame answer = silent.read();
                assertEquals(RawWsClient.PONG, answer.opcode(), "the first frame the silent session gets is a pong");
                assertEquals("hi", answer.text());
                assertEquals(2, emu.stats().sessionsOpen());
            }
        }
    }

    @Test
    void slowSnapshotDelaysTheNextRestSnapshotOnly() throws Exception {
        try (VenueEmulator emu = paused(EmulatorOptions.defaults().withSlowSnapshotDelay(Duration.ofSeconds(2)))) {
            emu.inject(Fault.SLOW_SNAPSHOT, "BTCUSDT", 1);
            CompletableFuture<HttpResponse<String>> slow = Http.getAsync(emu.restBase(),
                    "/fapi/v1/depth?symbol=BTCUSDT&limit=1000");
            Await.until("snapshot taken", () -> emu.stats().snapshotsServed() == 1);
            assertFalse(slow.isDone(), "held back by the fault");
            HttpResponse<String> r = slow.get(WsClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            assertEquals(rec.snapshots.get("BTCUSDT"), r.body());
            assertEquals(200, Http.get(emu.restBase(), "/fapi/v1/depth?symbol=BTCUSDT").statusCode());
            assertEquals(1, emu.stats().faultsApplied());
        }
    }

    @Test
    void http429And418AnswerTheNextDepthRequestsWithRetryAfter() {
        try (VenueEmulator emu = paused(EmulatorOptions.defaults().withRetryAfter(Duration.ofSeconds(7)))) {
            emu.inject(Fault.HTTP_429, null, 2);
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = Http.get(emu.restBase(), "/fapi/v1/depth?symbol=BTCUSDT");
                assertEquals(429, r.statusCode());
                assertEquals("7", r.headers().firstValue("Retry-After").orElseThrow());
                assertEquals(-1003, RecordedSession.json(r.body()).get("code").asInt());
            }
            assertEquals(200, Http.get(emu.restBase(), "/fapi/v1/depth?symbol=BTCUSDT").statusCode());
            emu.inject(Fault.HTTP_418, null, 1);
            HttpResponse<String> ban = Http.get(emu.restBase(), "/fapi/v1/depth?symbol=BTCUSDT");
            assertEquals(418, ban.statusCode());
            assertEquals("7", ban.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(RecordedSession.json(ban.body()).get("msg").asText().contains("IP banned until"));
            assertEquals(200, Http.get(emu.restBase(), "/fapi/v1/depth?symbol=BTCUSDT").statusCode());
        }
    }

    @Test
    void serverShutdownSendsTheEventThenCloses1001() throws IOException {
        try (VenueEmulator emu = paused();
                WsClient combined = WsClient.connect(emu.wsBase().resolve("/stream?streams=" + DEPTH0));
                RawWsClient raw = new RawWsClient(emu.port(), "/ws/" + DEPTH0)) {
            Await.sessions(emu, 2);
            emu.inject(Fault.SERVER_SHUTDOWN, null, 0);
            JsonNode wrapped = RecordedSession.json(combined.next());
            assertEquals("!serverShutdown", wrapped.get("stream").asText());
            assertEquals("serverShutdown", wrapped.get("data").get("e").asText());
            assertTrue(wrapped.get("data").get("E").asLong() > 0);
            assertEquals(1001, combined.closeCode());
            RawWsClient.WsFrame event = raw.read();
            assertEquals(RawWsClient.TEXT, event.opcode());
            assertEquals("serverShutdown", RecordedSession.json(event.text()).get("e").asText());
            RawWsClient.WsFrame close = raw.read();
            assertEquals(RawWsClient.CLOSE, close.opcode());
            assertEquals(1001, ((close.payload()[0] & 0xFF) << 8) | (close.payload()[1] & 0xFF));
        }
    }

    @Test
    void sessionsAreClosedAtTheMaximumConnectionAge() {
        try (VenueEmulator emu = paused(EmulatorOptions.defaults().withMaxConnectionAge(Duration.ofMillis(200)));
                WsClient c = WsClient.connect(emu.wsBase().resolve("/stream?streams=" + DEPTH0))) {
            assertEquals(1000, c.closeCode());
        }
    }

    @Test
    void serverPingsAndDropsAClientThatDoesNotPong() throws IOException {
        EmulatorOptions o = EmulatorOptions.defaults().withPingInterval(Duration.ofMillis(100))
                .withPongTimeout(Duration.ofMillis(400));
        try (VenueEmulator emu = paused(o);
                WsClient answering = WsClient.connect(emu.wsBase().resolve("/stream?streams=" + DEPTH0));
                RawWsClient mute = new RawWsClient(emu.port(), "/ws/" + DEPTH0)) {
            int pings = 0;
            for (RawWsClient.WsFrame f = mute.read(); f != null; f = mute.read()) {
                assertNotEquals(RawWsClient.CLOSE, f.opcode());
                pings += f.opcode() == RawWsClient.PING ? 1 : 0;
            }
            assertTrue(pings >= 1, "server pinged");
            assertEquals(1, emu.stats().pongTimeouts());
            assertFalse(answering.closed.isDone(), "the JDK client answers pings and stays");
            assertEquals(1, emu.stats().sessionsOpen());
        }
    }

    @Test
    void loopClosesSessionsWithServerShutdownAndStartsAgain() {
        try (VenueEmulator emu = VenueEmulator.binanceFutures(EmulatorOptions.defaults().withStartPaused(true)
                .withSpeed(1_000_000)).start();
                WsClient c = WsClient.connect(emu.wsBase().resolve("/stream?streams=" + DEPTH0))) {
            Await.sessions(emu, 1);
            emu.resume();
            String shutdown = c.next(m -> m.startsWith("{\"stream\":\"!serverShutdown\""));
            assertTrue(shutdown.contains("\"e\":\"serverShutdown\""));
            assertEquals(1001, c.closeCode());
            Await.until("second pass", () -> emu.stats().passesCompleted() >= 1);
            assertFalse(emu.stats().finished());
        }
    }

    @Test
    void injectRejectsBadArguments() {
        try (VenueEmulator emu = paused()) {
            assertThrows(IllegalArgumentException.class, () -> emu.inject(Fault.GAP, "NOPE", 1));
            assertThrows(IllegalArgumentException.class, () -> emu.inject(Fault.GAP, null, 1));
            assertThrows(IllegalArgumentException.class, () -> emu.inject(Fault.GAP, "BTCUSDT", -1));
            assertEquals(0, emu.stats().faultsInjected());
        }
    }
}
