// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper broker's own durable, append-only log of venue events: one line per ACCEPTED, FILL, CANCELLED and
 * REJECTED, numbered from 1, written and forced to disk ({@link FileChannel#force}) before the broker delivers the
 * event. It is what the simulated venue knows after a restart (positions, open orders, client ids) and the
 * independent count an audit compares the engine's database with. The line format is {@link LedgerFormat}'s.
 *
 * <p>Bad content never stops the broker: a malformed line is reported (line number, what is wrong), skipped and
 * counted; a last line cut short by a crash is reported and cut off the file before anything is appended. If the
 * file cannot be written, {@link #append} says why and the broker refuses new orders with that text. Thread-safe;
 * the broker calls {@link #append} in event order.
 */
public final class PaperLedger implements Closeable {

    /** Opens the file for reading and writing (a test can put a failing channel in between). */
    @FunctionalInterface
    interface Opener {
        /**
         * @param file the ledger file
         * @return a channel open for reading and writing, the file created if missing
         * @throws IOException if it cannot be opened
         */
        FileChannel open(Path file) throws IOException;
    }

    /** The real file system. */
    static final Opener FILES = f -> FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);

    /** Lines longer than this are not ledger lines (a file that is not a ledger); they are skipped. */
    static final int MAX_LINE_BYTES = 1 << 20;
    /** Bad lines reported one by one at start; the rest are only counted. */
    static final int MAX_REPORTED_PROBLEMS = 100;

    /**
     * A line that was skipped.
     *
     * @param line 1-based line number
     * @param what what is wrong with it
     */
    public record Problem(long line, String what) {
    }

    /**
     * What a read of the file found.
     *
     * @param lines lines read, including bad ones and a cut-off last line
     * @param entries good lines
     * @param lastSeq the highest sequence number read (0 if none)
     * @param goodEnd the byte length of the file up to the end of its last complete line
     * @param needsNewline true if the last line was good but lacks its line feed (then {@code goodEnd} includes it)
     * @param bad the skipped lines in the middle of the file
     * @param truncated the last line if it was cut short (no line feed, not a complete entry), else null
     */
    public record Scan(long lines, long entries, long lastSeq, long goodEnd, boolean needsNewline, List<Problem> bad,
            Problem truncated) {

        /**
         * @param lines lines
         * @param entries good lines
         * @param lastSeq last sequence number
         * @param goodEnd end of the good part
         * @param needsNewline last line lacks its line feed
         * @param bad skipped lines
         * @param truncated cut-off last line, or null
         */
        public Scan {
            bad = List.copyOf(bad);
        }
    }

    /**
     * The ledger's state, for the operator.
     *
     * @param file the file, or empty when the ledger is kept in memory only
     * @param writable false while the file cannot be written (new orders are refused)
     * @param failure the last write failure ("paper ledger … cannot be written: …"), or empty
     * @param restoredEntries good lines read at start
     * @param badLines lines skipped at start (malformed, inconsistent)
     * @param truncatedLine line number of a cut-off last line removed at start, 0 if none
     * @param orders ACCEPTED lines written since start
     * @param fills FILL lines written since start
     * @param cancels CANCELLED lines written since start
     * @param rejects REJECTED lines written since start
     * @param writeFailures events that could not be written since start
     * @param lastSeq sequence number of the last line
     */
    public record Stats(String file, boolean writable, String failure, long restoredEntries, long badLines,
            long truncatedLine, long orders, long fills, long cancels, long rejects, long writeFailures, long lastSeq) {
    }

    private static final Logger logger = LoggerFactory.getLogger(PaperLedger.class);

    private final Path file;
    private final Opener opener;
    private final Scan scan;
    private FileChannel channel;
    /** Held while the channel is open, so a second engine on the same data directory cannot write into the file. */
    private FileLock lock;
    /** Byte length of the file up to the end of the last line written or read. */
    private long end;
    private long seq;
    /** A write failed: bytes after {@link #end} may be a partial line. */
    private boolean dirty;
    /**
     * Set when the file could not be read at start (appending would put lines after content never restored), or
     * when the ledger was closed: appends fail with this reason and never reopen the file.
     */
    private String fatal;
    private String failure = "";
    private boolean failing;
    private long outageFailures;
    private long orders;
    private long fills;
    private long cancels;
    private long rejects;
    private long writeFailures;

    private PaperLedger(Path file, Opener opener, Scan scan) {
        this.file = file;
        this.opener = opener;
        this.scan = scan;
        this.end = scan.goodEnd();
        this.seq = scan.lastSeq();
    }

    /** @return a ledger kept in memory only: nothing is written, nothing survives a restart */
    static PaperLedger memory() {
        return new PaperLedger(null, null, new Scan(0, 0, 0, 0, false, List.of(), null));
    }

    /**
     * Reads the file (if it exists) into {@code restore}, reports its bad lines, cuts off a cut-short last line and
     * opens it for appending. Never throws: a file that cannot be read or written gives a ledger whose
     * {@link #append} fails with the reason.
     *
     * @param file the ledger file
     * @param opener how to open it for writing
     * @param restore gets every good entry in order; an exception it throws marks that line as bad
     * @return the ledger
     */
    static PaperLedger open(Path file, Opener opener, Consumer<LedgerEntry> restore) {
        Path f = file.toAbsolutePath().normalize();
        Scan scan = new Scan(0, 0, 0, 0, false, List.of(), null);
        String fatal = null;
        if (Files.exists(f)) {
            try {
                if (!Files.isRegularFile(f)) {
                    throw new IOException("not a regular file");
                }
                scan = scan(f, restore);
            } catch (IOException | RuntimeException e) {
                fatal = "it could not be read at start (" + describe(e) + "); fix the file and restart the bundle";
            }
        }
        report(f, scan);
        PaperLedger ledger = new PaperLedger(f, opener, scan);
        synchronized (ledger) {
            if (fatal != null) {
                ledger.fatal = fatal;
                ledger.failed(0, "paper ledger " + f + " cannot be written: " + fatal, null);
            } else {
                try {
                    ledger.openChannel();
                } catch (IOException | RuntimeException e) {
                    ledger.failed(0, "paper ledger " + f + " cannot be written: " + describe(e), e);
                }
            }
        }
        return ledger;
    }

    private static void report(Path f, Scan scan) {
        int reported = 0;
        for (Problem p : scan.bad()) {
            if (reported++ < MAX_REPORTED_PROBLEMS) {
                logger.warn("Paper ledger {} line {}: {}; line skipped", f, p.line(), p.what());
            }
        }
        if (scan.bad().size() > MAX_REPORTED_PROBLEMS) {
            logger.warn("Paper ledger {}: {} more bad lines skipped (only the first {} are shown)", f,
                    scan.bad().size() - MAX_REPORTED_PROBLEMS, MAX_REPORTED_PROBLEMS);
        }
        if (scan.truncated() != null) {
            logger.warn("Paper ledger {} line {}: the last line is cut short (a crash while it was written: {}); it is"
                    + " ignored and cut off the file", f, scan.truncated().line(), scan.truncated().what());
        }
    }

    /**
     * Reads a ledger file: every good entry, in order. Bad lines and a cut-off last line are left out (see
     * {@link #scan} for what they were). The file is not changed.
     *
     * @param file a ledger file
     * @return its entries
     * @throws IOException if it cannot be read
     */
    public static List<LedgerEntry> read(Path file) throws IOException {
        List<LedgerEntry> entries = new ArrayList<>();
        scan(file, entries::add);
        return entries;
    }

    /**
     * Reads a ledger file line by line without changing it. A line is good if it parses, its sequence number is
     * higher than the previous good line's, and {@code sink} takes it; a last line without its line feed counts if it
     * is complete and is otherwise the cut-off last line.
     *
     * @param file a ledger file
     * @param sink gets every good entry in order; an exception it throws marks that line as bad
     * @return what was found
     * @throws IOException if the file cannot be read
     */
    public static Scan scan(Path file, Consumer<LedgerEntry> sink) throws IOException {
        List<Problem> bad = new ArrayList<>();
        Problem truncated = null;
        long lines = 0;
        long entries = 0;
        long lastSeq = 0;
        long offset = 0;
        long goodEnd = 0;
        boolean needsNewline = false;
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        boolean tooLong = false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                for (int k = 0; k < n; k++) {
                    offset++;
                    if (buf[k] != '\n') {
                        if (line.size() < MAX_LINE_BYTES) {
                            line.write(buf[k]);
                        } else {
                            tooLong = true;
                        }
                        continue;
                    }
                    lines++;
                    Line l = line(line, tooLong, lastSeq, sink);
                    if (l.entry() != null) {
                        entries++;
                        lastSeq = l.entry().seq();
                    }
                    if (l.problem() != null) {
                        bad.add(new Problem(lines, l.problem()));
                    }
                    goodEnd = offset;
                    line.reset();
                    tooLong = false;
                }
            }
        }
        if (line.size() > 0 || tooLong) {
            lines++;
            Line l = line(line, tooLong, lastSeq, null);
            if (l.entry() != null) {
                Line applied = apply(l.entry(), sink);
                entries += applied.entry() != null ? 1 : 0;
                lastSeq = l.entry().seq();
                if (applied.problem() != null) {
                    bad.add(new Problem(lines, applied.problem()));
                }
                goodEnd = offset;
                needsNewline = true;
            } else {
                truncated = new Problem(lines, l.problem());
            }
        }
        return new Scan(lines, entries, lastSeq, goodEnd, needsNewline, bad, truncated);
    }

    /** One line's outcome: the entry (null if bad) and the problem (null if good). */
    private record Line(LedgerEntry entry, String problem) {
    }

    private static Line line(ByteArrayOutputStream bytes, boolean tooLong, long lastSeq, Consumer<LedgerEntry> sink) {
        if (tooLong) {
            return new Line(null, "longer than " + MAX_LINE_BYTES + " bytes: not a ledger line");
        }
        byte[] b = bytes.toByteArray();
        int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, len)).toString();
        } catch (CharacterCodingException e) {
            return new Line(null, "not UTF-8 text");
        }
        if (text.isBlank()) {
            return new Line(null, "empty line");
        }
        LedgerEntry e;
        try {
            e = LedgerFormat.parse(text);
        } catch (IllegalArgumentException ex) {
            return new Line(null, ex.getMessage());
        }
        if (e.seq() <= lastSeq) {
            return new Line(null, "sequence number " + e.seq() + " does not follow " + lastSeq);
        }
        return sink == null ? new Line(e, null) : apply(e, sink);
    }

    private static Line apply(LedgerEntry e, Consumer<LedgerEntry> sink) {
        try {
            sink.accept(e);
            return new Line(e, null);
        } catch (RuntimeException ex) {
            return new Line(null, e.event() + " " + e.clientOrderId() + ": " + ex.getMessage());
        }
    }

    /** Opens (or reopens) the file for appending: locked, cut back to the last good line. */
    private void openChannel() throws IOException {
        if (channel != null && channel.isOpen()) {
            return;
        }
        closeChannel();
        Path dir = file.getParent();
        boolean created = !Files.exists(file);
        if (dir != null) {
            Files.createDirectories(dir);
        }
        FileChannel ch = opener.open(file);
        try {
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                throw new IOException("it is locked by another paper broker (a second engine on the same data"
                        + " directory?)");
            }
            long size = ch.size();
            if (size < end) {
                throw new IOException("it is " + size + " bytes long, shorter than the " + end + " bytes read at start:"
                        + " changed by someone else; restart the bundle to read it again");
            }
            if (size > end) {
                ch.truncate(end); // the cut-off last line, or a partial line of a failed write
            }
            if (scan.needsNewline() && end == scan.goodEnd()) {
                writeFully(ch, ByteBuffer.wrap(new byte[] {'\n'}), end);
                end++;
            }
            ch.force(true);
            if (created && dir != null) {
                forceDirectory(dir);
            }
            channel = ch;
            lock = l;
            dirty = false;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Makes a new file's directory entry durable (Linux, macOS); where a directory cannot be opened, skipped. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            logger.debug("Paper ledger: cannot force the directory {} ({})", dir, e.toString());
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            at += ch.write(buf, at);
        }
    }

    /**
     * Writes entries, numbered on from the last line, and forces them to disk; in memory only, counts them.
     *
     * @param entries the entries in event order (their own sequence numbers are ignored)
     * @return null when written, else why not ({@code "paper ledger <file> cannot be written: <error>"})
     */
    synchronized String append(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        if (file == null) {
            seq += entries.size();
            count(entries);
            return null;
        }
        if (fatal != null) {
            return failed(entries.size(), "paper ledger " + file + " cannot be written: " + fatal, null);
        }
        try {
            openChannel();
            if (dirty) {
                channel.truncate(end);
                dirty = false;
            }
            StringBuilder sb = new StringBuilder(entries.size() * 400);
            long s = seq;
            for (LedgerEntry e : entries) {
                sb.append(LedgerFormat.line(++s, e)).append('\n');
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII); // the format escapes all else
            writeFully(channel, ByteBuffer.wrap(bytes), end);
            channel.force(true);
            end += bytes.length;
            seq = s;
            count(entries);
            if (failing) {
                logger.info("Paper ledger {} is written again; {} events of the outage are not in it", file,
                        outageFailures);
                failing = false;
                failure = "";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            dirty = true;
            try {
                if (channel != null && channel.isOpen()) {
                    channel.truncate(end); // no partial line before the next one
                    dirty = false;
                }
            } catch (IOException | RuntimeException ignored) {
                // still dirty: the next append cuts it first
            }
            return failed(entries.size(), "paper ledger " + file + " cannot be written: " + describe(e), e);
        }
    }

    private String failed(int events, String message, Exception e) {
        writeFailures += events;
        failure = message;
        if (!failing) {
            failing = true;
            outageFailures = events;
            logger.error("{}. The paper broker refuses new orders until it can write again; cancels still work (events"
                    + " that cannot be written are delivered and counted, te:paper shows them)", message,
                    e instanceof RuntimeException ? e : null);
        } else {
            outageFailures += events;
            logger.debug("{} ({} events not written in this outage)", message, outageFailures);
        }
        return message;
    }

    private void count(List<LedgerEntry> entries) {
        for (LedgerEntry e : entries) {
            switch (e.event()) {
                case ACCEPTED -> orders++;
                case FILL -> fills++;
                case CANCELLED -> cancels++;
                case REJECTED -> rejects++;
            }
        }
    }

    /** @return the file, or null when the ledger is kept in memory only */
    public Path file() {
        return file;
    }

    /** @return what the read at start found */
    public Scan scanAtStart() {
        return scan;
    }

    /** @return counters and state for the operator */
    public synchronized Stats stats() {
        return new Stats(file == null ? "" : file.toString(), !failing, failure, scan.entries(),
                scan.bad().size(), scan.truncated() == null ? 0 : scan.truncated().line(), orders, fills, cancels,
                rejects, writeFailures, seq);
    }

    /**
     * Releases the file (and its lock) for good: a stopped broker never writes again, so a new one can take the file.
     * Appends after this fail ("the paper broker was stopped").
     */
    @Override
    public synchronized void close() {
        if (file != null && fatal == null) {
            fatal = "the paper broker was stopped";
        }
        closeChannel();
    }

    private void closeChannel() {
        FileChannel ch = channel;
        channel = null;
        lock = null; // released with the channel
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                logger.debug("Paper ledger {}: close failed ({})", file, e.toString());
            }
        }
    }

    /** A plain IOException says it all; a subtype's message is often only the path (NoSuchFileException). */
    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return e.getClass() == IOException.class ? m : e.getClass().getSimpleName() + ": " + m;
    }
}
