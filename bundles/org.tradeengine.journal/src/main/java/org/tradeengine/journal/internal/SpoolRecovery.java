// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a spool directory left by an earlier run (or a new one): drops segments the database already has, cuts a
 * torn last line (a write that never returned, so never acknowledged), counts the records still to drain and finds
 * where the sequence numbers go on.
 */
final class SpoolRecovery {

    /**
     * What an opened spool starts from.
     *
     * @param start the committed cursor: the first record not yet in the database
     * @param committedSeq sequence number of the last committed record
     * @param nextSeq the next sequence number to hand out
     * @param pendingLines complete lines from {@code start} to the end
     * @param lastSegment the segment new records go to
     */
    record State(Spool.Cursor start, long committedSeq, long nextSeq, long pendingLines, long lastSegment) {
    }

    private static final Logger logger = LoggerFactory.getLogger(SpoolRecovery.class);

    private SpoolRecovery() {
    }

    /**
     * Opens the spool in {@code dir}.
     *
     * @param dir the spool directory (created if missing)
     * @param segmentBytes segment size at which appends move to a new segment
     * @param clock where a brand-new spool takes its first sequence number from
     * @return the spool, ready to append and drain
     * @throws IOException if the directory cannot be read or written
     */
    static Spool open(Path dir, long segmentBytes, Clock clock) throws IOException {
        SpoolDirectory files = new SpoolDirectory(dir);
        SpoolDirectory.Offset offset = readOffset(files);
        List<Long> segments = files.segments();
        for (long n : segments) {
            if (offset != null && n < offset.segment()) {
                Files.deleteIfExists(files.segment(n)); // drained; the run before stopped before deleting it
            }
        }
        segments = files.segments();
        Spool.Cursor start = start(files, offset, segments);
        if (segments.isEmpty()) {
            Files.createFile(files.segment(start.segment()));
            files.syncDirectory();
            segments = List.of(start.segment());
        }
        long last = segments.get(segments.size() - 1);
        cutTornTail(files.segment(last));
        long pending = 0;
        for (long n : segments) {
            if (n >= start.segment()) {
                pending += countLines(files.segment(n), n == start.segment() ? start.position() : 0);
            }
        }
        long committedSeq = offset == null ? 0 : offset.lastSeq();
        long lastSeq = Math.max(committedSeq, lastSeqIn(files, segments));
        // A brand-new spool starts its numbers from the clock (microseconds), so rows written after its directory
        // was lost still sort after the ones written before.
        long nextSeq = lastSeq > 0 ? lastSeq + 1 : clock.millis() * 1000;
        if (pending > 0) {
            logger.info("Journal spool {}: {} records from an earlier run still to write to the database", dir, pending);
        }
        return new Spool(files, segmentBytes, new State(start, committedSeq, nextSeq, pending, last));
    }

    private static SpoolDirectory.Offset readOffset(SpoolDirectory files) throws IOException {
        try {
            return files.readOffset();
        } catch (IllegalArgumentException e) {
            logger.warn("Journal spool: {}; writing every spooled record again (the database ignores the ones it has)",
                    e.getMessage());
            return null;
        }
    }

    private static Spool.Cursor start(SpoolDirectory files, SpoolDirectory.Offset offset, List<Long> segments)
            throws IOException {
        if (segments.isEmpty()) {
            return new Spool.Cursor(offset == null ? 1 : Math.max(1, offset.segment()), 0);
        }
        if (offset == null || offset.segment() != segments.get(0)) {
            return new Spool.Cursor(segments.get(0), 0);
        }
        long size = Files.size(files.segment(offset.segment()));
        if (offset.position() > size) {
            logger.warn("Journal spool: committed offset {} is past the end of {} ({} bytes); writing the segment again",
                    offset.position(), files.segment(offset.segment()), size);
            return new Spool.Cursor(offset.segment(), 0);
        }
        return new Spool.Cursor(offset.segment(), offset.position());
    }

    private static void cutTornTail(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = size;
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                logger.warn("Journal spool {}: dropped a torn last line of {} bytes (its append never returned)",
                        segment, size - keep);
                ch.truncate(keep);
                ch.force(true);
            }
        }
    }

    private static long countLines(Path segment, long from) throws IOException {
        long lines = 0;
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(64 * 1024);
            long pos = from;
            int n;
            while ((n = ch.read(buf, pos)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf.get(i) == '\n') {
                        lines++;
                    }
                }
                pos += n;
                buf.clear();
            }
        }
        return lines;
    }

    /** @return the highest sequence number of a readable line in the newest segment that has one, 0 if none */
    private static long lastSeqIn(SpoolDirectory files, List<Long> segments) throws IOException {
        for (int i = segments.size() - 1; i >= 0; i--) {
            String[] lines = new String(Files.readAllBytes(files.segment(segments.get(i))), StandardCharsets.UTF_8)
                    .split("\n");
            for (int j = lines.length - 1; j >= 0; j--) {
                try {
                    return SpoolEntry.parse(lines[j]).seq();
                } catch (IllegalArgumentException e) {
                    // a damaged line: the one before tells as well
                }
            }
        }
        return 0;
    }
}
