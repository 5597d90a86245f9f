// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.core.io.RecordingReader;
import org.tradeengine.feed.core.scan.BinanceScanner;
import org.tradeengine.feed.core.scan.KrakenScanner;
import org.tradeengine.feed.core.scan.ScanProblem;
import org.tradeengine.feed.core.scan.ScannedMessage;
import org.tradeengine.feed.core.sync.SyncRules;

/**
 * Replays recording files as one venue stream: reads each line, scans it, and runs every instrument through
 * the venue's synchronisation procedure, handing the results to a {@link ReplayHandler}. Used by the feed
 * component, the CLI and the shell command alike. One thread runs it; status getters may be read from any.
 *
 * <p>Binance: a REST snapshot carries no symbol: it belongs to the instrument of the latest depth event, as a
 * recorder fetches the snapshot of the stream it is buffering. A snapshot that comes before any depth event (the
 * 2023 recordings do this) is kept and given to the instrument of the first depth event.
 *
 * <p>Kraken Futures: lines are {@code <local ts ns> <raw v1 frame>}; a {@code book_snapshot} names its product and
 * comes in the stream, each {@code book} delta carries one level and {@code seq} ({@link SyncRules#KRAKEN}).
 */
public final class StreamReplay {

    private final Venue venue;
    private final SyncRules rules;
    private final ReplayHandler handler;
    private final LineScanner scanner;
    private final List<InstrumentChannel> channels = new CopyOnWriteArrayList<>();
    private InstrumentChannel latest;
    private byte[] orphan;
    private String orphanPosition;
    private volatile RecordingReader reader;
    private volatile long lines;
    private volatile long skipped;
    private volatile long malformed;

    /** Reads one recorded line of the venue's stream. */
    private interface LineScanner {
        ScannedMessage scan(byte[] b, int from, int to, InstrumentSpec snapshotSpec);
    }

    /**
     * @param venue {@link Venue#BINANCE_FUTURES}, {@link Venue#BINANCE_SPOT} or {@link Venue#KRAKEN_FUTURES}
     * @param handler receives deltas, resets and problems
     * @param specs the scales of each instrument ({@code InstrumentSpecs::lookup})
     */
    public StreamReplay(Venue venue, ReplayHandler handler, Function<InstrumentId, InstrumentSpec> specs) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.handler = Objects.requireNonNull(handler, "handler");
        if (venue == Venue.KRAKEN_FUTURES) {
            this.rules = SyncRules.KRAKEN;
            KrakenScanner kraken = new KrakenScanner(specs);
            this.scanner = (b, from, to, snapshotSpec) -> kraken.scan(b, from, to);
        } else {
            this.rules = venue == Venue.BINANCE_FUTURES ? SyncRules.FUTURES : SyncRules.SPOT;
            BinanceScanner binance = new BinanceScanner(venue, specs);
            this.scanner = binance::scan;
        }
    }

    /**
     * Replays the files once, in order, as one stream. Returns early if the thread is interrupted.
     *
     * @param files the recording files
     * @throws IOException if a file cannot be read; {@link #position()} tells where
     */
    public void run(List<Path> files) throws IOException {
        try (RecordingReader r = new RecordingReader(files)) {
            reader = r;
            while (r.next()) {
                lines++;
                line(r);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }
        if (orphan != null) {
            malformed++;
            handler.problem(orphanPosition, "snapshot before any depth event: no depth event followed, so its instrument"
                    + " is unknown");
            orphan = null;
        }
    }

    /** Starts all instruments over (before replaying the files again): each is reset and waits for a snapshot. */
    public void restart() {
        latest = null;
        orphan = null;
        for (InstrumentChannel c : channels) {
            c.restarted();
            handler.reset(c, "replay restarts from the first file");
        }
    }

    private void line(RecordingReader r) {
        InstrumentSpec snapshotSpec = latest == null ? null : latest.spec();
        ScannedMessage m = scanner.scan(r.buffer(), r.lineStart(), r.lineEnd(), snapshotSpec);
        switch (m.kind()) {
            case DEPTH -> {
                InstrumentChannel c = channel(m.spec());
                latest = c;
                long localTime = m.localTimeNanos();
                BookDelta update = m.toUpdate(rules.previousId(m.firstId(), m.prevId()));
                if (orphan != null) {
                    adoptOrphan(c);
                }
                handler.awaitLocalTime(localTime);
                c.sync().onUpdate(update);
            }
            case SNAPSHOT -> {
                // Binance: the spec of the latest depth event, as passed; Kraken: the product the snapshot names
                InstrumentChannel c = channel(m.spec());
                BookDelta snapshot = m.toSnapshot();
                handler.awaitLocalTime(m.localTimeNanos());
                c.sync().onSnapshot(snapshot);
            }
            case SKIPPED, CONTROL -> skipped++;
            case ERROR -> {
                if (m.problem() == ScanProblem.NO_INSTRUMENT) {
                    orphan = Arrays.copyOfRange(r.buffer(), r.lineStart(), r.lineEnd());
                    orphanPosition = r.position();
                } else {
                    rejected(m, r.position());
                }
            }
            default -> {
                // blank line
            }
        }
    }

    /** Scans the held snapshot again, now that its instrument (and so its scales) is known. */
    private void adoptOrphan(InstrumentChannel c) {
        byte[] line = orphan;
        orphan = null;
        ScannedMessage s = scanner.scan(line, 0, line.length, c.spec());
        if (s.kind() == ScannedMessage.Kind.SNAPSHOT) {
            handler.awaitLocalTime(s.localTimeNanos());
            c.sync().onSnapshot(s.toSnapshot());
        } else {
            rejected(s, orphanPosition);
        }
    }

    private void rejected(ScannedMessage m, String position) {
        malformed++;
        if (m.spec() != null) {
            channel(m.spec()).malformedLine();
        }
        handler.problem(position, m.message());
    }

    private InstrumentChannel channel(InstrumentSpec spec) {
        InstrumentChannel l = latest;
        if (l != null && l.spec() == spec) {
            return l;
        }
        for (InstrumentChannel c : channels) {
            if (c.spec().id().equals(spec.id())) {
                return c;
            }
        }
        InstrumentChannel c = new InstrumentChannel(spec, rules, this);
        channels.add(c);
        return c;
    }

    void emitted(InstrumentChannel channel, BookDelta delta) {
        handler.delta(channel, delta);
    }

    void broken(InstrumentChannel channel, String message) {
        handler.problem(position(), message);
        handler.reset(channel, message);
    }

    /** @return the venue */
    public Venue venue() {
        return venue;
    }

    /** @return the instruments seen so far, in order of appearance */
    public List<InstrumentChannel> channels() {
        return new ArrayList<>(channels);
    }

    /** @return {@code file:line} of the line being replayed, empty before the first */
    public String position() {
        RecordingReader r = reader;
        return r == null ? "" : r.position();
    }

    /** @return lines read, all files and passes */
    public long lines() {
        return lines;
    }

    /** @return lines of recognised streams the book does not need */
    public long skipped() {
        return skipped;
    }

    /** @return rejected lines, all instruments */
    public long malformed() {
        return malformed;
    }
}
