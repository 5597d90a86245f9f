// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradeengine.recordings.Recordings;

/** Binance USD-M emulator speaks the protocol and replays BTCUSDT 2024-08-08 byte-exact, with a correct truth. */
class BinanceFuturesProtocolTest {

    static final String DEPTH0 = "btcusdt@depth@0ms";
    static RecordedSession rec;
    static List<String> depth;

    @BeforeAll
    static void load() {
        rec = RecordedSession.hftbacktest(Recordings.USDM_BTCUSDT_20240808);
        depth = rec.binanceStream(DEPTH0);
    }

    static VenueEmulator paused(int speed) {
        return VenueEmulator.binanceFutures(EmulatorOptions.defaults().withStartPaused(true).withLoop(false)
                .withSpeed(speed)).start();
    }

    static String data(String combined) {
        return combined.substring(combined.indexOf(",\"data\":") + 8, combined.length() - 1);
    }

    @Test
    void combinedStreamCarriesTheRecordedLinesByteForByte() {
        try (VenueEmulator emu = paused(1000);
                WsClient c = WsClient.connect(emu.wsBase().resolve("/stream?streams=" + DEPTH0
                        + "/btcusdt@bookTicker/btcusdt@trade"))) {
            Await.sessions(emu, 1);
            emu.resume();
            List<String> got = c.next(3000, m -> true);
            assertEquals(rec.frames.subList(0, 3000), got);
            assertEquals(List.of("BTCUSDT"), emu.symbols());
        }
    }

    @Test
    void liveSubscribeOnRawAndPrefixedPathsUsesTheRequestedStreamName() {
        try (VenueEmulator emu = paused(1000);
                WsClient raw = WsClient.connect(emu.wsBase().resolve("/ws"));
                WsClient combined = WsClient.connect(emu.wsBase().resolve("/public/stream"));
                WsClient trades = WsClient.connect(emu.wsBase().resolve("/market/ws/btcusdt@trade"))) {
            Await.sessions(emu, 3);
            raw.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@depth@100ms\"],\"id\":7}");
            assertEquals("{\"result\":null,\"id\":7}", raw.next());
            raw.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":8}");
            assertEquals("{\"result\":[\"btcusdt@depth@100ms\"],\"id\":8}", raw.next());
            combined.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@depth\"],\"id\":1}");
            assertEquals("{\"result\":null,\"id\":1}", combined.next());
            raw.send("{not json");
            assertTrue(raw.next().startsWith("{\"code\":3,\"msg\":\"Invalid JSON"));
            raw.send("{\"method\":\"FLY\",\"id\":2}");
            assertTrue(raw.next().startsWith("{\"code\":2,\"msg\":\"Invalid request: unknown variant"));
            emu.resume();
            for (int i = 0; i < 50; i++) {
                String d = data(depth.get(i));
                assertEquals(d, raw.next());
                assertEquals("{\"stream\":\"btcusdt@depth\",\"data\":" + d + "}", combined.next());
            }
            List<String> recordedTrades = rec.binanceStream("btcusdt@trade");
            for (int i = 0; i < 20; i++) {
                assertEquals(data(recordedTrades.get(i)), trades.next());
            }
            raw.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@depth@100ms\"],\"id\":9}");
            raw.next(m -> m.startsWith("{\"result\""));
            raw.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":10}");
            assertEquals("{\"result\":[],\"id\":10}", raw.next(m -> m.startsWith("{\"result\"")));
        }
    }

    @Test
    void recordedSnapshotFirstThenSynthesizedSnapshotThatBridgesTheStreamAndEqualsTheTruth() {
        try (VenueEmulator emu = paused(300);
                WsClient c = WsClient.connect(emu.wsBase().resolve("/stream?streams=" + DEPTH0))) {
            // 1. Nothing replayed yet: the recorded body, byte-exact.
            HttpResponse<String> first = Http.get(emu.restBase(), "/fapi/v1/depth?symbol=BTCUSDT&limit=1000");
            assertEquals(200, first.statusCode());
            assertEquals(rec.snapshots.get("BTCUSDT"), first.body());
            long recordedId = RecordedSession.json(first.body()).get("lastUpdateId").asLong();
            // 2. Run past the snapshot's id, pause, and take a synthesized snapshot.
            Await.sessions(emu, 1);
            emu.resume();
            Await.until("timeline well past the recorded snapshot", () -> emu.lastSentUpdateId("BTCUSDT")
                    > recordedId + 20_000_000L);
            emu.pause();
            long x = emu.lastSentUpdateId("BTCUSDT");
            JsonNode snap = RecordedSession.json(Http.get(emu.restBase(), "/fapi/v1/depth?symbol=BTCUSDT").body());
            assertEquals(x, snap.get("lastUpdateId").asLong());
            assertTrue(snap.has("E") && snap.has("T"));
            RefBook book = new RefBook();
            book.binanceLevels(snap.get("bids"), true);
            book.binanceLevels(snap.get("asks"), false);
            assertTrue(snap.get("bids").get(0).get(0).asText().matches("\\d+\\.\\d{2}"), "price as recorded");
            assertTrue(snap.get("bids").get(0).get(1).asText().matches("\\d+\\.\\d{3}"), "qty as recorded");
            TrueBook truth = emu.trueBook("BTCUSDT");
            assertEquals(x, truth.lastUpdateId());
            assertEquals(RefBook.canon(truth.bids()), RefBook.canon(book.bids));
            assertEquals(RefBook.canon(truth.asks()), RefBook.canon(book.asks));
            assertEquals(emu.truthDigest("BTCUSDT", x).getAsLong(), book.digest());
            // 3. The stream continues exactly from the snapshot: the next event's pu is its id.
            c.next(m -> RecordedSession.json(m).get("data").get("u").asLong() == x);
            emu.resume();
            assertEquals(x, RecordedSession.json(c.next()).get("data").get("pu").asLong());
            assertEquals(1, emu.stats().recordedSnapshotsServed());
            assertEquals(2, emu.stats().snapshotsServed());
        }
    }

    @Test
    void clientSyncedByTheVenueRulesMatchesTheTruthDigestAtEveryCheckedId() {
        try (VenueEmulator emu = paused(400);
                WsClient c = WsClient.connect(emu.wsBase().resolve("/ws/" + DEPTH0))) {
            Await.sessions(emu, 1);
            emu.resume();
            JsonNode snap = RecordedSession.json(Http.get(emu.restBase(), "/fapi/v1/depth?symbol=BTCUSDT").body());
            RefBook book = new RefBook();
            book.binanceLevels(snap.get("bids"), true);
            book.binanceLevels(snap.get("asks"), false);
            book.id = snap.get("lastUpdateId").asLong();
            long lastRecorded = RecordedSession.json(depth.get(depth.size() - 1)).get("data").get("u").asLong();
            boolean bridged = false;
            int checked = 0;
            int applied = 0;
            while (book.id != lastRecorded) {
                JsonNode d = RecordedSession.json(c.next());
                long first = d.get("U").asLong();
                long last = d.get("u").asLong();
                if (!bridged) {
                    if (last < book.id) {
                        continue;
                    }
                    assertTrue(first <= book.id && book.id <= last || d.get("pu").asLong() == book.id,
                            "first event bridges the snapshot");
                    bridged = true;
                } else {
                    assertEquals(book.id, d.get("pu").asLong(), "pu chain");
                }
                book.binanceLevels(d.get("b"), true);
                book.binanceLevels(d.get("a"), false);
                book.id = last;
                if (applied++ % 97 == 0) {
                    assertEquals(emu.truthDigest("BTCUSDT", last).getAsLong(), book.digest(), "digest at " + last);
                    checked++;
                }
            }
            assertEquals(emu.truthDigest("BTCUSDT", book.id).getAsLong(), book.digest());
            assertEquals(emu.trueBook("BTCUSDT").digest(), book.digest());
            assertTrue(checked > 10, "checked " + checked);
        }
    }

    @Test
    void truthAfterTheWholeRecordingEqualsAnIndependentReplay() {
        try (VenueEmulator emu = VenueEmulator.binanceFutures(EmulatorOptions.defaults().withLoop(false)
                .withSpeed(1_000_000)).start()) {
            Await.until("end of the recording", () -> emu.stats().finished());
            RefBook expected = RecordedSession.replayBinance(rec, "BTCUSDT", true);
            TrueBook truth = emu.trueBook("btcusdt");
            assertEquals(expected.id, truth.lastUpdateId());
            assertEquals(expected.id, emu.lastSentUpdateId("BTCUSDT"));
            assertEquals(List.copyOf(expected.bids.entrySet()).subList(0, 10),
                    List.copyOf(truth.bids().entrySet()).subList(0, 10));
            assertEquals(List.copyOf(expected.asks.entrySet()).subList(0, 10),
                    List.copyOf(truth.asks().entrySet()).subList(0, 10));
            assertEquals(RefBook.canon(expected.bids), RefBook.canon(truth.bids()));
            assertEquals(RefBook.canon(expected.asks), RefBook.canon(truth.asks()));
            assertEquals(expected.digest(), emu.truthDigest("BTCUSDT", expected.id).getAsLong());
            assertTrue(truth.bids().firstKey().compareTo(truth.asks().firstKey()) < 0, "not crossed");
            assertEquals(1, emu.stats().passesCompleted());
        }
    }

    @Test
    void restEndpointsAnswerLikeTheVenue() {
        try (VenueEmulator emu = paused(1)) {
            assertTrue(RecordedSession.restBody(Recordings.CRYPTOFEED_BINANCE_FUTURES_INFO)
                    .equals(Http.get(emu.restBase(), "/fapi/v1/exchangeInfo").body()), "recorded exchangeInfo");
            assertTrue(RecordedSession.json(Http.get(emu.restBase(), "/fapi/v1/time").body()).get("serverTime")
                    .asLong() > 0);
            HttpResponse<String> bad = Http.get(emu.restBase(), "/fapi/v1/depth?symbol=NOPEUSDT");
            assertEquals(400, bad.statusCode());
            assertEquals("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", bad.body());
            HttpResponse<String> missing = Http.get(emu.restBase(), "/fapi/v1/depth");
            assertEquals(400, missing.statusCode());
            assertEquals(-1102, RecordedSession.json(missing.body()).get("code").asInt());
        }
    }
}
