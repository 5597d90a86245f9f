// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.await;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.completeLines;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.nanos;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.readableLines;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.readerLines;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.tree;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Venue;

class RecorderTest {

    private static final InstrumentId BTC = InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES");
    private static final InstrumentId ETH = InstrumentId.parse("ETHUSDT-PERP.BINANCE_FUTURES");
    private static final InstrumentId XBT = InstrumentId.parse("PF_XBTUSD.KRAKEN_FUTURES");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-08-08T10:30:00Z"));
    private final List<Recorder> recorders = new ArrayList<>();

    @AfterEach
    void closeAll() {
        recorders.forEach(Recorder::close);
    }

    private Recorder started(Set<String> feeds) {
        Recorder r = new Recorder(new RecorderSettings(dir, feeds, 100_000, 1L << 30), clock);
        recorders.add(r);
        r.start();
        return r;
    }

    private static void send(Recorder r, String feed, InstrumentId instrument, long ts, byte[] message) {
        Venue venue = instrument == null ? Venue.BINANCE_FUTURES : instrument.venue();
        r.onRawMessage(feed, venue, instrument, ts, message, message.length);
    }

    private static void send(Recorder r, String feed, InstrumentId instrument, long ts, String message) {
        send(r, feed, instrument, ts, message.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] line(long ts, byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((ts + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(message);
        return out.toByteArray();
    }

    /** Any bytes but CR and LF, UTF-8 and quotes included; some messages empty, some long. */
    private static byte[] randomMessage(Random random) {
        int n = random.nextInt(10) == 0 ? random.nextInt(200_000) : random.nextInt(300);
        byte[] b = new byte[n];
        random.nextBytes(b);
        for (int i = 0; i < n; i++) {
            b[i] = b[i] == '\n' || b[i] == '\r' ? (byte) '"' : b[i];
        }
        return b;
    }

    @Test
    void linesComeBackByteIdenticalThroughTheReplayReader() {
        Recorder r = started(Set.of());
        Random random = new Random(42);
        Map<String, List<byte[]>> expected = new LinkedHashMap<>();
        String[] feeds = {"binance-usdm", "kraken"};
        InstrumentId[] instruments = {BTC, ETH, null};
        long ts = nanos("2024-08-08T10:00:00Z");
        for (int i = 0; i < 600; i++) {
            String feed = feeds[random.nextInt(2)];
            InstrumentId instrument = feed.equals("kraken") ? (i % 5 == 0 ? null : XBT) : instruments[random.nextInt(3)];
            ts += random.nextInt(5_000_000);
            byte[] message = randomMessage(random);
            send(r, feed, instrument, ts, message);
            String base = instrument == null ? "_session" : instrument.venueSymbol().toLowerCase();
            expected.computeIfAbsent(feed + "/" + base + "_20240808_10.gz", k -> new ArrayList<>()).add(line(ts, message));
        }
        r.close();

        assertEquals(expected.keySet().stream().sorted().toList(), tree(dir));
        for (Map.Entry<String, List<byte[]>> e : expected.entrySet()) {
            List<byte[]> actual = readerLines(List.of(dir.resolve(e.getKey())));
            assertEquals(e.getValue().size(), actual.size(), e.getKey());
            for (int i = 0; i < actual.size(); i++) {
                assertArrayEquals(e.getValue().get(i), actual.get(i), e.getKey() + " line " + (i + 1));
            }
        }
        RecorderStatus s = r.status();
        assertEquals(600, s.messagesWritten());
        assertEquals(expected.values().stream().flatMap(List::stream).mapToLong(l -> l.length + 1L).sum(), s.bytesWritten());
        assertEquals(expected.size(), s.filesOpened());
        assertEquals(0, s.droppedQueueFull() + s.droppedErrors() + s.errors());
        assertEquals(List.of(), s.openFiles());
    }

    @Test
    void rotatesAtTheHourIntoTwoCompleteGzipFiles() {
        clock.set(Instant.parse("2024-08-08T11:00:00.500Z"));
        Recorder r = started(Set.of());
        send(r, "f", BTC, nanos("2024-08-08T10:59:59.800Z"), "{\"a\":1}");
        send(r, "f", BTC, nanos("2024-08-08T10:59:59.900Z"), "{\"a\":2}");
        send(r, "f", BTC, nanos("2024-08-08T11:00:00.100Z"), "{\"a\":3}");
        Path hour10 = dir.resolve("f/btcusdt_20240808_10.gz");
        Path hour11 = dir.resolve("f/btcusdt_20240808_11.gz");

        await("only the 11:00 file open", () -> r.status().openFiles().stream().map(RecorderStatus.OpenFile::file).toList()
                .equals(List.of(hour11)));
        assertEquals(List.of(nanos("2024-08-08T10:59:59.800Z") + " {\"a\":1}", nanos("2024-08-08T10:59:59.900Z") + " {\"a\":2}"),
                completeLines(hour10), "finished at the rotation, while the recorder runs");
        r.close();

        assertEquals(List.of(nanos("2024-08-08T11:00:00.100Z") + " {\"a\":3}"), completeLines(hour11));
        assertEquals(List.of("f/btcusdt_20240808_10.gz", "f/btcusdt_20240808_11.gz"), tree(dir));
        assertEquals(2, r.status().filesOpened());
    }

    @Test
    void restartWithinTheHourWritesNumberedSiblingsAndOverwritesNothing() throws IOException {
        Recorder first = started(Set.of());
        send(first, "f", BTC, nanos("2024-08-08T10:10:00Z"), "one");
        send(first, "f", BTC, nanos("2024-08-08T10:11:00Z"), "two");
        first.close();
        Path original = dir.resolve("f/btcusdt_20240808_10.gz");
        byte[] before = Files.readAllBytes(original);

        Recorder second = started(Set.of());
        send(second, "f", BTC, nanos("2024-08-08T10:20:00Z"), "three");
        second.close();
        Recorder third = started(Set.of());
        send(third, "f", BTC, nanos("2024-08-08T10:30:00Z"), "four");
        third.close();

        assertArrayEquals(before, Files.readAllBytes(original));
        assertEquals(List.of("f/btcusdt_20240808_10.1.gz", "f/btcusdt_20240808_10.2.gz", "f/btcusdt_20240808_10.gz"), tree(dir));
        assertEquals(List.of(nanos("2024-08-08T10:10:00Z") + " one", nanos("2024-08-08T10:11:00Z") + " two"),
                completeLines(original));
        assertEquals(List.of(nanos("2024-08-08T10:20:00Z") + " three"), completeLines(dir.resolve("f/btcusdt_20240808_10.1.gz")));
        assertEquals(List.of(nanos("2024-08-08T10:30:00Z") + " four"), completeLines(dir.resolve("f/btcusdt_20240808_10.2.gz")));
    }

    @Test
    void aMessageStampedBeforeTheOpenFilesHourStaysInItToKeepArrivalOrder() {
        Recorder r = started(Set.of());
        send(r, "f", BTC, nanos("2024-08-08T11:00:00.100Z"), "frame");
        send(r, "f", BTC, nanos("2024-08-08T10:59:59.950Z"), "snapshot");
        r.close();
        assertEquals(List.of(nanos("2024-08-08T11:00:00.100Z") + " frame", nanos("2024-08-08T10:59:59.950Z") + " snapshot"),
                completeLines(dir.resolve("f/btcusdt_20240808_11.gz")));
        assertEquals(List.of("f/btcusdt_20240808_11.gz"), tree(dir));
    }

    @Test
    void filesOfAPastHourAreFinishedWhenIdle() {
        Recorder r = started(Set.of());
        send(r, "f", BTC, nanos("2024-08-08T10:30:00Z"), "book");
        send(r, "f", null, nanos("2024-08-08T10:30:01Z"), "{\"result\":null,\"id\":1}");
        await("two open files", () -> r.status().openFiles().size() == 2);

        clock.set(Instant.parse("2024-08-08T11:00:59Z"));
        send(r, "g", ETH, nanos("2024-08-08T11:00:59Z"), "other feed");
        await("g's file open", () -> r.status().openFiles().size() == 3);
        clock.advance(Duration.ofSeconds(2));

        await("10:00 files finished", () -> r.status().openFiles().size() == 1);
        assertTrue(r.status().running());
        assertEquals(List.of(nanos("2024-08-08T10:30:00Z") + " book"), completeLines(dir.resolve("f/btcusdt_20240808_10.gz")));
        assertEquals(List.of(nanos("2024-08-08T10:30:01Z") + " {\"result\":null,\"id\":1}"),
                completeLines(dir.resolve("f/_session_20240808_10.gz")));
        assertEquals(dir.resolve("g/ethusdt_20240808_11.gz"), r.status().openFiles().get(0).file());
    }

    @Test
    void flushedLinesAreReadableBeforeTheFileIsFinished() {
        Recorder r = started(Set.of());
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long ts = nanos("2024-08-08T10:30:00Z") + i;
            send(r, "f", BTC, ts, "{\"u\":" + i + "}");
            sent.add(ts + " {\"u\":" + i + "}");
        }
        Path file = dir.resolve("f/btcusdt_20240808_10.gz");
        await("3 lines readable", () -> Files.exists(file) && readableLines(file).size() == 3);
        assertEquals(sent, readableLines(file));
        assertEquals(List.of(file), r.status().openFiles().stream().map(RecorderStatus.OpenFile::file).toList());
        assertEquals(3, r.status().messagesWritten(), "counted once flushed");
    }

    @Test
    void recordsOnlyTheConfiguredFeeds() {
        Recorder r = started(Set.of("a"));
        send(r, "a", BTC, nanos("2024-08-08T10:30:00Z"), "kept");
        send(r, "b", BTC, nanos("2024-08-08T10:30:00Z"), "ignored");
        r.close();
        assertEquals(List.of("a/btcusdt_20240808_10.gz"), tree(dir));
        assertEquals(List.of("a"), r.status().perFeed().stream().map(RecorderStatus.Feed::feedId).toList());
    }

    @Test
    void newlinesInsideAMessageNeverBreakTheLine() {
        Recorder r = started(Set.of());
        long ts = nanos("2024-08-08T10:30:00Z");
        send(r, "f", BTC, ts, "{\n  \"e\": \"depthUpdate\",\r\n  \"b\": [[\"1.0\",\n \"2\"]]\n}\n");
        send(r, "f", BTC, ts + 1, "{\"text\":\"two\nlines\",\"q\":\"a\\\"\r\nb\"}");
        send(r, "f", BTC, ts + 2, "{\"plain\":true}");
        r.close();

        assertEquals(List.of(ts + " {   \"e\": \"depthUpdate\",    \"b\": [[\"1.0\",  \"2\"]] } ",
                (ts + 1) + " {\"text\":\"two\\nlines\",\"q\":\"a\\\"\\r\\nb\"}",
                (ts + 2) + " {\"plain\":true}"), completeLines(dir.resolve("f/btcusdt_20240808_10.gz")));
        assertEquals(2, r.status().sanitized());
    }

    @Test
    void unsafeFeedIdsStayInsideTheFolder() {
        Recorder r = started(Set.of());
        send(r, "../up", BTC, nanos("2024-08-08T10:30:00Z"), "x");
        send(r, "..", BTC, nanos("2024-08-08T10:30:00Z"), "y");
        r.close();
        assertEquals(List.of(".._up/btcusdt_20240808_10.gz", "_../btcusdt_20240808_10.gz"), tree(dir));
    }
}
