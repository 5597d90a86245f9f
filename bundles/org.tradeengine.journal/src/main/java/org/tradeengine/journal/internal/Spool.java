// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The local append-only spool: records are appended as JSON lines and fsynced before {@code append} returns
 * (group commit: appenders that arrive while an fsync runs share the next one). One reader (the journal's writer
 * thread) reads them in order from the committed offset and commits a new offset only after the database has them.
 *
 * <p>Files (see {@link SpoolDirectory}): segments roll over at {@code segmentBytes}; a segment is deleted as soon as
 * the committed offset has moved past it, so a drained spool holds at most one segment. If a write fails (disk full),
 * the record is kept in memory, counted, and written before any later record at the next append or retry.
 */
final class Spool implements Closeable {

    /** A position in the spool: segment number and byte position in it. */
    record Cursor(long segment, long position) {
    }

    /** A line that could not be read: moved to {@code rejected.jsonl} when its batch is committed. */
    record Rejected(long segment, long position, String problem, String line) {
    }

    /**
     * Records read from the committed offset on.
     *
     * @param entries the records, in spool order
     * @param rejected unreadable lines among them
     * @param lines how many complete lines the batch covers (entries + rejected lines)
     * @param end the cursor after the batch
     */
    record Batch(List<SpoolEntry> entries, List<Rejected> rejected, int lines, Cursor end) {
    }

    private static final int FIRST_CHUNK = 256 * 1024;

    private final SpoolDirectory files;
    private final long segmentBytes;

    // append side, guarded by appendLock
    private final ReentrantLock appendLock = new ReentrantLock();
    private final ArrayDeque<SpoolEntry> unwritten = new ArrayDeque<>();
    private FileChannel out;
    private long outSegment;
    private long outPosition;
    private long writtenTotal;
    private long nextSeq;
    private boolean rotateFirst;
    private String lastWriteProblem = "";

    private final Object syncLock = new Object();
    private final AtomicLong syncedTotal = new AtomicLong();

    // read side: the writer thread only (committedSeq and pending are also read by awaitCommitted)
    private Cursor committed;
    private volatile long committedSeq;
    private final Object commitSignal = new Object();
    private FileChannel in;
    private long inSegment = -1;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();

    Spool(SpoolDirectory files, long segmentBytes, SpoolRecovery.State state) throws IOException {
        this.files = files;
        this.segmentBytes = segmentBytes;
        this.committed = state.start();
        this.committedSeq = state.committedSeq();
        this.nextSeq = state.nextSeq();
        this.pending.set(state.pendingLines());
        this.outSegment = state.lastSegment();
        this.out = FileChannel.open(files.segment(outSegment), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.outPosition = out.size();
    }

    /**
     * Appends a record and fsyncs it.
     *
     * @return true if the record is on disk; false if it is only held in memory (disk problem, counted)
     */
    boolean append(String type, Instant at, String key, String correlationId, Map<String, String> fields,
            Instant appendedAt) {
        long target;
        appendLock.lock();
        try {
            unwritten.addLast(new SpoolEntry(nextSeq++, type, at, key, correlationId, appendedAt, fields));
            pending.incrementAndGet();
            if (!writeUnwritten()) {
                return false;
            }
            target = writtenTotal;
        } finally {
            appendLock.unlock();
        }
        return sync(target);
    }

    /** Writes records a failed write left in memory, if any. @return true if none is left */
    boolean retryUnwritten() {
        long target;
        appendLock.lock();
        try {
            if (unwritten.isEmpty()) {
                return true;
            }
            if (!writeUnwritten()) {
                return false;
            }
            target = writtenTotal;
        } finally {
            appendLock.unlock();
        }
        return sync(target);
    }

    private boolean writeUnwritten() {
        while (!unwritten.isEmpty()) {
            byte[] line = (unwritten.peekFirst().toJson() + "\n").getBytes(StandardCharsets.UTF_8);
            try {
                if (rotateFirst) {
                    rotate();
                }
                SpoolDirectory.writeFully(out, ByteBuffer.wrap(line));
            } catch (IOException e) {
                writeFailures.incrementAndGet();
                lastWriteProblem = "cannot write spool segment " + files.segment(outSegment) + ": " + e;
                dropPartialLine();
                return false;
            }
            unwritten.removeFirst();
            outPosition += line.length;
            writtenTotal += line.length;
            if (outPosition >= segmentBytes) {
                rotateFirst = true; // the next write opens a new segment, so a full one can be deleted once drained
                try {
                    rotate();
                } catch (IOException e) {
                    lastWriteProblem = "cannot start a new spool segment: " + e;
                }
            }
        }
        return true;
    }

    private void dropPartialLine() {
        try {
            out.truncate(outPosition);
        } catch (IOException e) {
            rotateFirst = true; // the torn bytes stay behind in a closed segment, where the reader rejects them
        }
    }

    private void rotate() throws IOException {
        try {
            out.force(false);
        } catch (java.nio.channels.ClosedChannelException e) {
            // closed after a failure: nothing of it is waiting to be forced
        }
        FileChannel next = FileChannel.open(files.segment(outSegment + 1), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        files.syncDirectory();
        out.close();
        syncedTotal.accumulateAndGet(writtenTotal, Math::max);
        out = next;
        outSegment++;
        outPosition = 0;
        rotateFirst = false;
    }

    private boolean sync(long target) {
        if (syncedTotal.get() >= target) {
            return true;
        }
        synchronized (syncLock) {
            if (syncedTotal.get() >= target) {
                return true;
            }
            FileChannel ch;
            long upTo;
            appendLock.lock();
            try {
                ch = out;
                upTo = writtenTotal;
            } finally {
                appendLock.unlock();
            }
            try {
                ch.force(false);
            } catch (java.nio.channels.ClosedChannelException e) {
                // rotated or closed meanwhile: both force the segment first
            } catch (IOException e) {
                writeFailures.incrementAndGet();
                lastWriteProblem = "cannot fsync spool segment: " + e;
                return false;
            }
            syncedTotal.accumulateAndGet(upTo, Math::max);
            return true;
        }
    }

    /**
     * Reads up to {@code maxRecords} lines from the committed offset; nothing moves until {@link #commit}.
     * At the end of a finished segment it returns an empty batch whose end is the next segment.
     */
    Batch read(int maxRecords) throws IOException {
        long writing;
        long written;
        appendLock.lock();
        try {
            writing = outSegment;
            written = outPosition;
        } finally {
            appendLock.unlock();
        }
        Cursor c = committed;
        FileChannel ch = channel(c.segment());
        long limit = c.segment() == writing ? written : ch.size();
        if (c.position() >= limit) {
            Cursor end = c.segment() < writing ? new Cursor(c.segment() + 1, 0) : c;
            return new Batch(List.of(), List.of(), 0, end);
        }
        return readLines(ch, c, limit, c.segment() < writing, maxRecords);
    }

    private Batch readLines(FileChannel ch, Cursor c, long limit, boolean finished, int maxRecords) throws IOException {
        List<SpoolEntry> entries = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        int lines = 0;
        long pos = c.position();
        int chunk = FIRST_CHUNK;
        while (lines < maxRecords && pos < limit) {
            int size = (int) Math.min(chunk, limit - pos);
            byte[] bytes = readAt(ch, pos, size);
            int start = 0;
            for (int i = 0; i < size && lines < maxRecords; i++) {
                if (bytes[i] == '\n') {
                    String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                    try {
                        entries.add(SpoolEntry.parse(line));
                    } catch (IllegalArgumentException e) {
                        rejected.add(new Rejected(c.segment(), pos + start, e.getMessage(), line));
                    }
                    lines++;
                    start = i + 1;
                }
            }
            if (start == 0 && pos + size == limit) {
                if (finished) { // a torn write left in a finished segment: never acknowledged, kept for inspection
                    rejected.add(new Rejected(c.segment(), pos, "torn line at the end of a finished segment",
                            new String(bytes, StandardCharsets.UTF_8)));
                    pos = limit;
                }
                break;
            }
            if (start == 0) {
                chunk *= 2; // a line longer than the chunk
            }
            pos += start;
        }
        return new Batch(entries, rejected, lines, new Cursor(c.segment(), pos));
    }

    private static byte[] readAt(FileChannel ch, long pos, int size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(size);
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) {
                throw new IOException("spool segment shorter than expected");
            }
        }
        return buf.array();
    }

    private FileChannel channel(long segment) throws IOException {
        if (segment != inSegment) {
            if (in != null) {
                in.close();
            }
            in = FileChannel.open(files.segment(segment), StandardOpenOption.READ);
            inSegment = segment;
        }
        return in;
    }

    /** Records that the database has the batch: rejected lines are saved, the offset moves, drained segments go. */
    void commit(Batch batch) throws IOException {
        for (Rejected r : batch.rejected()) {
            files.reject(r.segment(), r.position(), r.problem(), r.line());
        }
        long lastSeq = batch.entries().isEmpty() ? committedSeq : batch.entries().get(batch.entries().size() - 1).seq();
        files.writeOffset(new SpoolDirectory.Offset(batch.end().segment(), batch.end().position(), lastSeq));
        committed = batch.end();
        synchronized (commitSignal) {
            committedSeq = lastSeq;
            pending.addAndGet(-batch.lines());
            commitSignal.notifyAll();
        }
        if (inSegment >= 0 && inSegment < committed.segment()) {
            in.close();
            in = null;
            inSegment = -1;
        }
        for (long n : files.segments()) {
            if (n < committed.segment()) {
                Files.deleteIfExists(files.segment(n));
            }
        }
    }

    /**
     * @return the sequence number of the last record appended (held in memory or on disk), or one less than the
     *         next number if none was appended by this instance
     */
    long lastAppendedSeq() {
        appendLock.lock();
        try {
            return nextSeq - 1;
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Waits until every record up to {@code seq} is committed (in the database, or set aside as unreadable), or the
     * backlog is empty (which also covers a number no record had).
     *
     * @param seq a sequence number from {@link #lastAppendedSeq()}
     * @param timeoutNanos how long to wait at most
     * @return true if they are committed, false if the time ran out
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitCommitted(long seq, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (commitSignal) {
            while (committedSeq < seq && pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(commitSignal, left);
            }
            return true;
        }
    }

    /** @return the committed cursor: the first record the database does not have yet */
    Cursor committed() {
        return committed;
    }

    /** @return records accepted and not yet committed to the database (including any held in memory) */
    long backlog() {
        return pending.get();
    }

    long writeFailures() {
        return writeFailures.get();
    }

    /** @return records held only in memory because the disk refused them */
    int unwritten() {
        appendLock.lock();
        try {
            return unwritten.size();
        } finally {
            appendLock.unlock();
        }
    }

    String lastWriteProblem() {
        appendLock.lock();
        try {
            return lastWriteProblem;
        } finally {
            appendLock.unlock();
        }
    }

    SpoolDirectory files() {
        return files;
    }

    @Override
    public void close() throws IOException {
        appendLock.lock();
        try {
            out.force(false);
            out.close();
            if (in != null) {
                in.close();
            }
        } finally {
            appendLock.unlock();
        }
    }
}
