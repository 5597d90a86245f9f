// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.tradeengine.recordings.Recordings;

/** The HTTP control endpoint drives and inspects the emulator from another process (tests inside Karaf). */
class ControlEndpointTest {

    private static VenueEmulator paused() {
        return VenueEmulator.binanceFutures(EmulatorOptions.defaults().withStartPaused(true).withLoop(false)
                .withSpeed(1000)).start();
    }

    @Test
    void faultPostedOverHttpTakesEffect() {
        List<String> depth = RecordedSession.hftbacktest(Recordings.USDM_BTCUSDT_20240808)
                .binanceStream("btcusdt@depth@0ms");
        try (VenueEmulator emu = paused();
                WsClient c = WsClient.connect(emu.wsBase().resolve("/stream?streams=btcusdt@depth@0ms"))) {
            Await.sessions(emu, 1);
            HttpResponse<String> r = Http.post(emu.restBase(), "/_emulator/fault?kind=gap&symbol=btcusdt&param=1");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode body = RecordedSession.json(r.body());
            assertEquals("GAP", body.get("injected").asText());
            assertEquals("BTCUSDT", body.get("symbol").asText());
            assertEquals(1, RecordedSession.json(Http.get(emu.restBase(), "/_emulator/status").body())
                    .get("pendingFaults").get("BTCUSDT").get("GAP").asInt());
            assertEquals(200, Http.post(emu.restBase(), "/_emulator/resume").statusCode());
            assertEquals(depth.get(1), c.next());
        }
    }

    @Test
    void badControlRequestsGet400WithAClearMessage() {
        try (VenueEmulator emu = paused()) {
            assertBad(Http.post(emu.restBase(), "/_emulator/fault?kind=NOPE&symbol=BTCUSDT"), 400,
                    "unknown fault kind 'NOPE'");
            assertBad(Http.post(emu.restBase(), "/_emulator/fault?kind=GAP&symbol=DOGEUSDT"), 400,
                    "unknown symbol 'DOGEUSDT'");
            assertBad(Http.post(emu.restBase(), "/_emulator/fault?kind=GAP"), 400, "needs a symbol");
            assertBad(Http.post(emu.restBase(), "/_emulator/fault?kind=GAP&symbol=BTCUSDT&param=abc"), 400,
                    "param must be a whole number");
            assertBad(Http.post(emu.restBase(), "/_emulator/fault?kind=GAP&symbol=BTCUSDT&param=-2"), 400,
                    ">= 0");
            assertBad(Http.get(emu.restBase(), "/_emulator/fault?kind=GAP&symbol=BTCUSDT"), 405, "use POST");
            assertBad(Http.get(emu.restBase(), "/_emulator/digest?symbol=BTCUSDT&id=x"), 400, "id must be");
            assertBad(Http.get(emu.restBase(), "/_emulator/digest?id=1"), 400, "missing parameter symbol");
            assertBad(Http.get(emu.restBase(), "/_emulator/digest?symbol=BTCUSDT&id=1"), 404, "no truth digest");
            assertBad(Http.get(emu.restBase(), "/_emulator/nothing"), 404, "unknown control path");
            assertEquals(0, emu.stats().faultsInjected());
        }
    }

    private static void assertBad(HttpResponse<String> r, int status, String text) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(RecordedSession.json(r.body()).get("error").asText().contains(text), r.body());
    }

    @Test
    void pauseResumeStatusBookAndDigest() {
        try (VenueEmulator emu = paused()) {
            assertEquals(200, Http.post(emu.restBase(), "/_emulator/resume").statusCode());
            assertFalse(emu.stats().paused());
            Await.until("some events", () -> emu.lastSentUpdateId("BTCUSDT") > 0);
            assertEquals(200, Http.post(emu.restBase(), "/_emulator/pause").statusCode());
            assertTrue(emu.stats().paused());
            long x = emu.lastSentUpdateId("BTCUSDT");
            JsonNode status = RecordedSession.json(Http.get(emu.restBase(), "/_emulator/status").body());
            assertEquals("binance-futures", status.get("venue").asText());
            assertEquals(x, status.get("symbols").get("BTCUSDT").get("lastSentUpdateId").asLong());
            assertTrue(status.get("paused").asBoolean());
            TrueBook truth = emu.trueBook("BTCUSDT");
            JsonNode book = RecordedSession.json(Http.get(emu.restBase(), "/_emulator/book?symbol=btcusdt").body());
            assertEquals(truth.lastUpdateId(), book.get("lastUpdateId").asLong());
            assertEquals(truth.bids().firstKey().toPlainString(), book.get("bids").get(0).get(0).asText());
            assertEquals(truth.asks().firstEntry().getValue().toPlainString(),
                    book.get("asks").get(0).get(1).asText());
            assertEquals(truth.bids().size(), book.get("bids").size());
            long id = truth.lastUpdateId();
            JsonNode digest = RecordedSession.json(Http.get(emu.restBase(), "/_emulator/digest?symbol=BTCUSDT&id="
                    + id).body());
            assertEquals(emu.truthDigest("BTCUSDT", id).getAsLong(), digest.get("digest").asLong());
            assertEquals(truth.digest(), digest.get("digest").asLong());
        }
    }
}
