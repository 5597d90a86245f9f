// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.readerLines;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.tree;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.core.TestData;
import org.tradeengine.feed.replay.internal.replay.BookReplay;
import org.tradeengine.recordings.Recordings;

/**
 * The whole bundled Binance USD-M recording goes through the sink the way a live feed hands it over (frames and the
 * REST snapshot, each with its receive time), and the replay makes the same book from the recorder's file as from
 * the original.
 */
class RealRecordingRoundTripTest {

    private static final InstrumentId BTC = InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES");
    private static final int TOP = 20;

    @TempDir
    Path dir;

    /** Final book lines, exit code and errors of one replay. */
    private record Replayed(List<String> books, int exitCode, List<String> errors) {
    }

    private static Replayed replay(List<Path> files) {
        List<String> errors = new ArrayList<>();
        BookReplay r = new BookReplay(Venue.BINANCE_FUTURES, ServiceLoader.load(OrderBookFactory.class).findFirst().orElseThrow(),
                errors::add);
        r.run(files);
        return new Replayed(r.jsonLines(TOP), r.exitCode(), errors);
    }

    @Test
    void recordedFileReplaysToTheSameBookAsTheOriginal() {
        List<String> original = TestData.lines(Recordings.USDM_BTCUSDT_20240808);
        Path recordings = dir.resolve("recordings");
        Recorder recorder = new Recorder(new RecorderSettings(recordings, Set.of(), 100_000, 1L << 30),
                new MutableClock(Instant.parse("2024-08-08T23:59:59.900Z")));
        recorder.start();
        for (String line : original) {
            int space = line.indexOf(' ');
            byte[] json = line.substring(space + 1).getBytes(StandardCharsets.US_ASCII);
            recorder.onRawMessage("binance-usdm", Venue.BINANCE_FUTURES, BTC, Long.parseLong(line.substring(0, space)), json,
                    json.length);
        }
        recorder.close();

        RecorderStatus s = recorder.status();
        assertEquals(original.size(), s.messagesWritten());
        assertEquals(0, s.droppedQueueFull() + s.droppedErrors() + s.errors());
        assertEquals(List.of("binance-usdm/btcusdt_20240808_23.gz"), tree(recordings));
        Path recorded = recordings.resolve("binance-usdm/btcusdt_20240808_23.gz");
        List<byte[]> lines = readerLines(List.of(recorded));
        assertEquals(original.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertArrayEquals(original.get(i).getBytes(StandardCharsets.US_ASCII), lines.get(i), "line " + (i + 1));
        }

        Replayed fromOriginal = replay(List.of(Recordings.copyTo(Recordings.USDM_BTCUSDT_20240808, dir.resolve("original"))));
        Replayed fromRecorded = replay(List.of(recorded));
        assertEquals(List.of(), fromRecorded.errors());
        assertEquals(0, fromRecorded.exitCode());
        assertEquals(fromOriginal, fromRecorded);
        assertTrue(fromRecorded.books().get(0).startsWith("{\"instrument\":\"" + BTC + "\""), fromRecorded.books().get(0));
    }
}
