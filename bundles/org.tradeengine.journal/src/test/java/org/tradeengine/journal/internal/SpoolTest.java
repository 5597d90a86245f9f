// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool on its own: order, segments, offsets, recovery after a stop or a crash. */
class SpoolTest {

    private static final Instant T = Instant.parse("2024-08-08T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Spool open(long segmentBytes) throws IOException {
        return SpoolRecovery.open(dir, segmentBytes, CLOCK);
    }

    private static boolean append(Spool s, String key) {
        return s.append("FILL", T, key, "c", Map.of("qty", "0.001"), T);
    }

    /** Reads and commits everything, in batches of {@code batch}. */
    private static List<SpoolEntry> drain(Spool s, int batch) throws IOException {
        List<SpoolEntry> out = new ArrayList<>();
        for (int guard = 0; guard < 100_000; guard++) {
            Spool.Batch b = s.read(batch);
            if (b.lines() == 0 && b.end().equals(s.committed())) {
                return out;
            }
            out.addAll(b.entries());
            s.commit(b);
        }
        throw new AssertionError("drain did not end");
    }

    @Test
    void recordsComeBackInAppendOrderAcrossSegmentsAndDrainedSegmentsGo() throws IOException {
        try (Spool s = open(1024)) {
            for (int i = 0; i < 200; i++) {
                assertTrue(append(s, "k" + i));
            }
            assertEquals(200, s.backlog());
            assertTrue(new SpoolDirectory(dir).segments().size() > 10);

            List<SpoolEntry> read = drain(s, 7);

            assertEquals(200, read.size());
            for (int i = 0; i < 200; i++) {
                assertEquals("k" + i, read.get(i).key());
                assertEquals(read.get(0).seq() + i, read.get(i).seq());
            }
            assertEquals(0, s.backlog());
            assertEquals(1, new SpoolDirectory(dir).segments().size());
        }
    }

    @Test
    void aBrandNewSpoolNumbersFromTheClock() throws IOException {
        try (Spool s = open(1 << 20)) {
            append(s, "first");
            assertEquals(CLOCK.millis() * 1000, drain(s, 10).get(0).seq());
        }
    }

    @Test
    void aReopenedSpoolResumesAtTheCommittedOffsetAndNumbersOn() throws IOException {
        long lastSeq;
        try (Spool s = open(1 << 20)) {
            for (int i = 0; i < 10; i++) {
                append(s, "k" + i);
            }
            Spool.Batch b = s.read(4);
            s.commit(b);
            lastSeq = b.entries().get(3).seq() + 6;
        }
        try (Spool s = open(1 << 20)) {
            assertEquals(6, s.backlog());
            append(s, "k10");
            List<SpoolEntry> rest = drain(s, 100);
            assertEquals(List.of("k4", "k5", "k6", "k7", "k8", "k9", "k10"), rest.stream().map(SpoolEntry::key).toList());
            assertEquals(lastSeq + 1, rest.get(6).seq());
        }
    }

    @Test
    void numbersGoOnWhenEveryDrainedSegmentIsGone() throws IOException {
        String big = "x".repeat(2000); // every record fills a segment, so the segment after it starts empty
        long last;
        try (Spool s = open(1024)) {
            for (int i = 0; i < 3; i++) {
                s.append("ORDER", T, "k" + i, "", Map.of("reason", big), T);
            }
            List<SpoolEntry> all = drain(s, 10);
            last = all.get(2).seq();
        }
        SpoolDirectory files = new SpoolDirectory(dir);
        assertEquals(0, Files.size(files.segment(files.segments().get(0))), "only the empty segment is left");
        try (Spool s = open(1024)) {
            append(s, "next");
            assertEquals(last + 1, drain(s, 10).get(0).seq());
        }
    }

    @Test
    void anEmptiedSpoolDirectoryNumbersFromTheClockAgain() throws IOException {
        long last;
        try (Spool s = open(1 << 20)) {
            for (int i = 0; i < 3; i++) {
                append(s, "k" + i);
            }
            last = drain(s, 10).get(2).seq();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f); // as if the spool directory was lost or cleaned
            }
        }
        try (Spool s = open(1 << 20)) {
            append(s, "after");
            long first = drain(s, 10).get(0).seq();
            assertEquals(CLOCK.millis() * 1000, first, "numbered from the clock, not from the lost directory");
            assertTrue(first < last, "so journal_seq can go backwards: 'last' must be the table's insertion order");
        }
    }

    @Test
    void awaitCommittedWaitsForEveryRecordUpToTheNumberAskedFor() throws Exception {
        try (Spool s = open(1 << 20)) {
            assertTrue(s.awaitCommitted(s.lastAppendedSeq(), 0), "nothing appended: nothing to wait for");
            for (int i = 0; i < 3; i++) {
                append(s, "k" + i);
            }
            long target = s.lastAppendedSeq();
            assertFalse(s.awaitCommitted(target, TimeUnit.MILLISECONDS.toNanos(10)));
            s.commit(s.read(2));
            assertFalse(s.awaitCommitted(target, 0), "one still waits");

            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<?> commit = writer.submit(() -> {
                Thread.sleep(50);
                s.commit(s.read(10));
                return null;
            });
            append(s, "later"); // appended after the number was taken: not waited for
            assertTrue(s.awaitCommitted(target, TimeUnit.SECONDS.toNanos(60)));
            commit.get(60, TimeUnit.SECONDS);
            writer.shutdown();
            assertEquals(target + 1, s.lastAppendedSeq());
        }
    }

    @Test
    void aTornLastLineIsDroppedOnOpen() throws IOException {
        try (Spool s = open(1 << 20)) {
            for (int i = 0; i < 3; i++) {
                append(s, "k" + i);
            }
        }
        SpoolDirectory files = new SpoolDirectory(dir);
        Path segment = files.segment(files.segments().get(0));
        long size = Files.size(segment);
        Files.writeString(segment, "{\"seq\":99,\"type\":\"FI", StandardOpenOption.APPEND);

        try (Spool s = open(1 << 20)) {
            assertEquals(size, Files.size(segment));
            assertEquals(3, s.backlog());
            assertEquals(List.of("k0", "k1", "k2"), drain(s, 10).stream().map(SpoolEntry::key).toList());
        }
    }

    @Test
    void aDamagedLineIsMovedToTheRejectedFileAndTheOthersAreRead() throws IOException {
        try (Spool s = open(1 << 20)) {
            for (int i = 0; i < 3; i++) {
                append(s, "k" + i);
            }
        }
        SpoolDirectory files = new SpoolDirectory(dir);
        Path segment = files.segment(files.segments().get(0));
        List<String> lines = Files.readAllLines(segment);
        lines.set(1, "{\"seq\":\"damaged");
        Files.write(segment, lines, StandardCharsets.UTF_8);

        try (Spool s = open(1 << 20)) {
            assertEquals(3, s.backlog());
            Spool.Batch b = s.read(10);
            assertEquals(List.of("k0", "k2"), b.entries().stream().map(SpoolEntry::key).toList());
            assertEquals(1, b.rejected().size());
            s.commit(b);
            assertEquals(0, s.backlog());
        }
        String rejected = Files.readString(dir.resolve(SpoolDirectory.REJECTED_FILE));
        assertTrue(rejected.contains("{\\\"seq\\\":\\\"damaged"), rejected);
    }

    @Test
    void concurrentAppendersLoseNothingAndKeepTheirOwnOrder() throws Exception {
        int threads = 4;
        int each = 300;
        try (Spool s = open(16 * 1024)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String name = "t" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        assertTrue(append(s, name + "-" + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            List<SpoolEntry> all = drain(s, 50);
            assertEquals(threads * each, all.size());
            for (int t = 0; t < threads; t++) {
                String name = "t" + t + "-";
                List<String> mine = all.stream().map(SpoolEntry::key).filter(k -> k.startsWith(name)).toList();
                assertEquals(each, mine.size());
                for (int i = 0; i < each; i++) {
                    assertEquals(name + i, mine.get(i));
                }
            }
            for (int i = 1; i < all.size(); i++) {
                assertEquals(all.get(i - 1).seq() + 1, all.get(i).seq(), "sequence numbers follow file order");
            }
        }
    }

    @Test
    void aRecordTheDiskRefusedWaitsInMemoryAndIsWrittenFirstWhenItCan() throws IOException {
        Spool s = open(1 << 20);
        append(s, "before");
        s.close(); // every write now fails, as on a full disk

        assertFalse(append(s, "refused"));
        assertEquals(2, s.backlog());
        assertEquals(1, s.unwritten());
        assertTrue(s.writeFailures() > 0);

        assertTrue(s.retryUnwritten(), "the retry starts a new segment");
        assertEquals(0, s.unwritten());
        assertTrue(append(s, "after"));
        assertEquals(List.of("before", "refused", "after"), drain(s, 10).stream().map(SpoolEntry::key).toList());
        s.close();
    }
}
