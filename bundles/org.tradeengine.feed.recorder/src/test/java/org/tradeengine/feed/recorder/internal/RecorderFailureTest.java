// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.await;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.completeLines;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.nanos;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Venue;

class RecorderFailureTest {

    private static final InstrumentId BTC = InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES");
    private static final Duration GUARD = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-08-08T10:30:00Z"));

    private static void send(Recorder r, String feed, long ts, String message) {
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        r.onRawMessage(feed, Venue.BINANCE_FUTURES, BTC, ts, b, b.length);
    }

    private static RecorderStatus.Feed feed(Recorder r, String id) {
        return r.status().perFeed().stream().filter(f -> f.feedId().equals(id)).findFirst().orElseThrow();
    }

    /** The writer is not started, so nothing drains the queue: the 6th message onwards finds it full. */
    @Test
    void aFullQueueDropsAndCountsWithoutBlockingTheFeed() {
        Recorder r = new Recorder(new RecorderSettings(dir, Set.of(), 5, 1L << 20), clock);
        long ts = nanos("2024-08-08T10:30:00Z");
        List<String> kept = new ArrayList<>();
        assertTimeoutPreemptively(GUARD, () -> {
            for (int i = 0; i < 8; i++) {
                send(r, i % 2 == 0 ? "a" : "b", ts + i, "m" + i);
                if (i < 5 && i % 2 == 0) {
                    kept.add((ts + i) + " m" + i);
                }
            }
        });

        RecorderStatus s = r.status();
        assertEquals(5, s.queued());
        assertEquals(3, s.droppedQueueFull());
        assertEquals(1, feed(r, "a").droppedQueueFull(), "m6");
        assertEquals(2, feed(r, "b").droppedQueueFull(), "m5 and m7");

        r.close();
        assertEquals(kept, completeLines(dir.resolve("a/btcusdt_20240808_10.gz")));
        assertEquals(List.of((ts + 1) + " m1", (ts + 3) + " m3"), completeLines(dir.resolve("b/btcusdt_20240808_10.gz")));
        assertEquals(5, r.status().messagesWritten());
        assertEquals(0, r.status().queued());
    }

    @Test
    void theByteBudgetBoundsTheQueueToo() {
        Recorder r = new Recorder(new RecorderSettings(dir, Set.of(), 1000, 100), clock);
        String forty = "x".repeat(40);
        assertTimeoutPreemptively(GUARD, () -> {
            for (int i = 0; i < 4; i++) {
                send(r, "a", nanos("2024-08-08T10:30:00Z") + i, forty);
            }
        });
        assertEquals(2, r.status().queued());
        assertEquals(80, r.status().queuedBytes());
        assertEquals(2, r.status().droppedQueueFull());
        r.close();
        assertEquals(2, completeLines(dir.resolve("a/btcusdt_20240808_10.gz")).size());
    }

    /** The recordings folder is a regular file, so nothing can be created under it (even as root). */
    @Test
    void anUnwritableFolderIsCountedAndRecordingResumesWhenItIsFixed() throws IOException {
        Path blocked = Files.writeString(dir.resolve("recordings"), "not a folder");
        Recorder r = new Recorder(new RecorderSettings(blocked, Set.of(), 100, 1L << 20), clock);
        r.start();
        try {
            long ts = nanos("2024-08-08T10:30:00Z");
            assertTimeoutPreemptively(GUARD, () -> {
                for (int i = 0; i < 3; i++) {
                    send(r, "a", ts + i, "lost " + i);
                }
            });
            await("3 messages lost", () -> r.status().droppedErrors() == 3);
            assertEquals(1, r.status().errors(), "one failed create; the next two wait for the retry");
            assertTrue(r.status().lastError().startsWith(blocked.resolve("a/btcusdt_20240808_10.gz") + ": cannot create: "),
                    r.status().lastError());
            assertTrue(r.status().running());

            Files.delete(blocked);
            send(r, "a", ts + 3, "still lost: retry not due");
            await("4 messages lost", () -> r.status().droppedErrors() == 4);
            clock.advance(Duration.ofMillis(HourFiles.RETRY_MILLIS));
            send(r, "a", ts + 4, "written");
            await("file open", () -> r.status().openFiles().size() == 1);
        } finally {
            r.close();
        }
        assertEquals(List.of((nanos("2024-08-08T10:30:00Z") + 4) + " written"),
                completeLines(blocked.resolve("a/btcusdt_20240808_10.gz")));
        assertEquals(1, r.status().messagesWritten());
        assertEquals(1, r.status().errors());
    }

    @Test
    void aNewHourRetriesAtOnce() throws IOException {
        Path blocked = Files.writeString(dir.resolve("recordings"), "not a folder");
        Recorder r = new Recorder(new RecorderSettings(blocked, Set.of(), 100, 1L << 20), clock);
        r.start();
        send(r, "a", nanos("2024-08-08T10:59:59Z"), "lost");
        await("1 lost", () -> r.status().droppedErrors() == 1);
        Files.delete(blocked);
        send(r, "a", nanos("2024-08-08T11:00:00Z"), "written");
        r.close();
        assertEquals(List.of("a/btcusdt_20240808_11.gz"), tree(blocked));
    }

    @Test
    void badCallsAreCountedNeverThrown() {
        Recorder r = new Recorder(new RecorderSettings(dir, Set.of(), 100, 1L << 20), clock);
        r.start();
        assertTimeoutPreemptively(GUARD, () -> {
            r.onRawMessage("a", Venue.BINANCE_FUTURES, BTC, 1, null, 0);
            r.onRawMessage("a", Venue.BINANCE_FUTURES, BTC, 1, new byte[2], 3);
            r.onRawMessage("a", Venue.BINANCE_FUTURES, BTC, 1, new byte[2], -1);
            r.onRawMessage(null, Venue.BINANCE_FUTURES, BTC, 1, new byte[2], 2);
        });
        r.close();
        assertEquals(3, feed(r, "a").errors());
        assertEquals(0, r.status().messagesWritten());
        assertEquals(List.of(), tree(dir));
        r.onRawMessage("a", Venue.BINANCE_FUTURES, BTC, 1, new byte[2], 2);
        assertEquals(0, r.status().queued(), "closed: nothing taken");
    }
}
