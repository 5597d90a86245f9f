// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradeengine.recordings.Recordings;

/** Binance.US spot emulator: four symbols, spot sync rule, 8-decimal snapshots. */
class BinanceUsEmulatorTest {

    static final List<String> SYMBOLS = List.of("CRVUSDT", "COMPUSDT", "OMGBUSD", "ZRXUSDT");
    static RecordedSession rec;
    static String recordedStreams;

    @BeforeAll
    static void load() {
        rec = RecordedSession.cryptofeedBinance(Recordings.CRYPTOFEED_BINANCE_US_WS,
                Recordings.CRYPTOFEED_BINANCE_US_HTTP);
        String connect = RecordedSession.lines(Recordings.CRYPTOFEED_BINANCE_US_WS).get(0);
        recordedStreams = connect.substring(connect.indexOf("streams=") + 8, connect.indexOf(' '));
    }

    private static VenueEmulator paused(int speed) {
        return VenueEmulator.binanceUs(EmulatorOptions.defaults().withStartPaused(true).withLoop(false)
                .withSpeed(speed)).start();
    }

    @Test
    void theRecordedSessionIsReplayedByteForByteWithTheRecordedSnapshotsFirst() {
        try (VenueEmulator emu = paused(100);
                WsClient c = WsClient.connect(emu.wsBase().resolve("/stream?streams=" + recordedStreams))) {
            assertEquals(SYMBOLS, emu.symbols());
            for (String s : SYMBOLS) {
                assertEquals(rec.snapshots.get(s), Http.get(emu.restBase(), "/api/v3/depth?symbol=" + s
                        + "&limit=1000").body());
            }
            Await.sessions(emu, 1);
            emu.resume();
            assertEquals(rec.frames, c.next(rec.frames.size(), m -> true));
        }
    }

    @Test
    void synthesizedSnapshotsBridgeBySpotRulesAndTheClientEndsEqualToTheTruth() {
        String depthStreams = String.join("/", SYMBOLS.stream().map(s -> s.toLowerCase(Locale.ROOT)
                + "@depth@100ms").toList());
        try (VenueEmulator emu = paused(40);
                WsClient c = WsClient.connect(emu.wsBase().resolve("/stream?streams=" + depthStreams))) {
            Await.sessions(emu, 1);
            emu.resume();
            Map<String, Long> recordedIds = new HashMap<>();
            for (String s : SYMBOLS) {
                recordedIds.put(s, RecordedSession.json(rec.snapshots.get(s)).get("lastUpdateId").asLong());
            }
            Await.until("every symbol past its recorded snapshot", () -> SYMBOLS.stream()
                    .allMatch(s -> emu.lastSentUpdateId(s) > recordedIds.get(s)));
            emu.pause();
            Map<String, RefBook> books = new HashMap<>();
            for (String s : SYMBOLS) {
                String body = Http.get(emu.restBase(), "/api/v3/depth?symbol=" + s).body();
                assertNotEquals(rec.snapshots.get(s), body);
                JsonNode snap = RecordedSession.json(body);
                assertEquals(emu.lastSentUpdateId(s), snap.get("lastUpdateId").asLong());
                assertTrue(snap.get("asks").get(0).get(0).asText().matches("\\d+\\.\\d{8}"), "8 decimals");
                RefBook b = new RefBook();
                b.binanceLevels(snap.get("bids"), true);
                b.binanceLevels(snap.get("asks"), false);
                b.id = snap.get("lastUpdateId").asLong();
                assertEquals(emu.truthDigest(s, b.id).getAsLong(), b.digest());
                books.put(s, b);
            }
            emu.resume();
            Map<String, Long> lastRecorded = new HashMap<>();
            for (String s : SYMBOLS) {
                List<String> d = rec.binanceStream(s.toLowerCase(Locale.ROOT) + "@depth@100ms");
                lastRecorded.put(s, RecordedSession.json(d.get(d.size() - 1)).get("data").get("u").asLong());
            }
            Map<String, Boolean> bridged = new HashMap<>();
            while (SYMBOLS.stream().anyMatch(s -> books.get(s).id != lastRecorded.get(s))) {
                JsonNode d = RecordedSession.json(c.next()).get("data");
                String s = d.get("s").asText();
                RefBook b = books.get(s);
                long first = d.get("U").asLong();
                long last = d.get("u").asLong();
                if (last <= b.id) {
                    continue;
                }
                if (bridged.putIfAbsent(s, true) == null) {
                    assertTrue(first <= b.id + 1 && b.id + 1 <= last, "U <= id+1 <= u for " + s);
                } else {
                    assertEquals(b.id + 1, first, "U == previous u + 1 for " + s);
                }
                b.binanceLevels(d.get("b"), true);
                b.binanceLevels(d.get("a"), false);
                b.id = last;
                assertEquals(emu.truthDigest(s, last).getAsLong(), b.digest(), s + " at " + last);
            }
            for (String s : SYMBOLS) {
                assertEquals(emu.trueBook(s).digest(), books.get(s).digest(), s);
            }
        }
    }

    @Test
    void truthAfterTheWholeRecordingEqualsAnIndependentReplay() {
        try (VenueEmulator emu = paused(1_000_000)) {
            emu.resume();
            Await.until("end of the recording", () -> emu.stats().finished());
            for (String s : SYMBOLS) {
                RefBook expected = RecordedSession.replayBinance(rec, s, false);
                TrueBook truth = emu.trueBook(s);
                assertEquals(expected.id, truth.lastUpdateId(), s);
                assertEquals(RefBook.canon(expected.bids), RefBook.canon(truth.bids()), s);
                assertEquals(RefBook.canon(expected.asks), RefBook.canon(truth.asks()), s);
            }
            assertEquals(RecordedSession.restBody(Recordings.CRYPTOFEED_BINANCE_US_INFO),
                    Http.get(emu.restBase(), "/api/v3/exchangeInfo").body());
        }
    }
}
