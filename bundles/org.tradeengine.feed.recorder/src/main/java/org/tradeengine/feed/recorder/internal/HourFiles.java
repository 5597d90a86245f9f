// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.model.InstrumentId;

/**
 * The open recording files, one per feed and instrument (or session), owned by the writer thread.
 *
 * <p>A file holds one UTC hour: a message of a later hour finishes it and opens the next. A message of an earlier
 * hour than the open file (a clock step back, a REST body stamped before the frame that rotated) stays in the open
 * file, so reading a key's files in time order gives the arrival order. Files of past hours that no message rotated
 * are finished a minute after their hour ends.
 *
 * <p>A file that cannot be created or written is reported once (path and error), its messages are dropped and
 * counted, and it is tried again after {@link #RETRY_MILLIS} or at the next hour, as a numbered sibling if the
 * broken file exists.
 */
final class HourFiles {

    static final long RETRY_MILLIS = 30_000;
    static final long IDLE_GRACE_MILLIS = 60_000;

    private final Logger logger = LoggerFactory.getLogger(HourFiles.class);
    private final Path dir;
    private final Clock clock;
    private final Map<Key, Slot> slots = new HashMap<>();
    private final Map<InstrumentId, String> bases = new HashMap<>();
    private volatile long filesOpened;
    private volatile String lastError = "";
    private volatile List<RecorderStatus.OpenFile> openFiles = List.of();

    /** A feed and the base of its file names. */
    private record Key(String feedId, String base) {
    }

    /** The file of one key, or why there is none. */
    private static final class Slot {
        final Key key;
        final Path folder;
        final FeedCounters counters;
        HourFile file;
        boolean failed;
        long failedHour;
        long retryAtMillis;
        boolean errorLogged;

        Slot(Key key, Path folder, FeedCounters counters) {
            this.key = key;
            this.folder = folder;
            this.counters = counters;
        }
    }

    HourFiles(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /**
     * Appends one message to its file, rotating or opening as needed; counts it as dropped if there is no file.
     *
     * @param counters the feed's counters
     * @param instrument the instrument, or null for a session message
     * @param localTimeNanos the receive time
     * @param message the message on one line
     */
    void write(FeedCounters counters, InstrumentId instrument, long localTimeNanos, byte[] message) {
        Slot s = slot(counters, instrument);
        long hour = FileNames.hourOf(localTimeNanos);
        if (s.file != null && hour > s.file.hour()) {
            finish(s);
        }
        if (s.file == null && !open(s, hour)) {
            counters.droppedErrors++;
            return;
        }
        try {
            s.file.write(localTimeNanos, message);
        } catch (IOException e) {
            counters.droppedErrors++;
            fail(s, s.file.hour(), s.file.path(), "write", e);
        }
    }

    private Slot slot(FeedCounters counters, InstrumentId instrument) {
        String base = instrument == null ? FileNames.SESSION : bases.computeIfAbsent(instrument, FileNames::base);
        Key key = new Key(counters.feedId, base);
        Slot s = slots.get(key);
        if (s == null) {
            s = new Slot(key, dir.resolve(FileNames.safe(counters.feedId)), counters);
            slots.put(key, s);
        }
        return s;
    }

    private boolean open(Slot s, long hour) {
        if (s.failed && hour <= s.failedHour && clock.millis() < s.retryAtMillis) {
            return false;
        }
        try {
            s.file = HourFile.create(s.folder, s.key.base(), hour);
        } catch (IOException | RuntimeException e) {
            fail(s, hour, s.folder.resolve(FileNames.fileName(s.key.base(), hour, 0)), "create", e);
            return false;
        }
        filesOpened++;
        if (s.errorLogged) {
            logger.info("Recorder writes {} again", s.file.path());
        }
        s.failed = false;
        s.errorLogged = false;
        publishOpenFiles();
        return true;
    }

    /** Flushes every file written since the last tick, and finishes the files of hours that ended a minute ago. */
    void tick() {
        long now = clock.millis();
        for (Iterator<Slot> it = slots.values().iterator(); it.hasNext();) {
            Slot s = it.next();
            if (s.file != null && now >= FileNames.hourEndMillis(s.file.hour()) + IDLE_GRACE_MILLIS) {
                finish(s);
                if (!s.failed) {
                    it.remove();
                }
            } else if (s.file != null && s.file.dirty()) {
                flush(s);
            }
        }
        publishOpenFiles();
    }

    private void flush(Slot s) {
        long lines = s.file.unflushedLines();
        long bytes = s.file.unflushedBytes();
        try {
            s.file.flush();
            s.counters.messages += lines;
            s.counters.bytes += bytes;
        } catch (IOException e) {
            fail(s, s.file.hour(), s.file.path(), "flush", e);
        }
    }

    private void finish(Slot s) {
        long lines = s.file.unflushedLines();
        long bytes = s.file.unflushedBytes();
        try {
            s.file.finish();
            s.counters.messages += lines;
            s.counters.bytes += bytes;
            s.file = null;
        } catch (IOException e) {
            fail(s, s.file.hour(), s.file.path(), "finish", e);
        }
        publishOpenFiles();
    }

    /** Counts and reports a failed create/write/flush/finish; the lines not flushed yet are lost with the file. */
    private void fail(Slot s, long hour, Path path, String what, Exception e) {
        if (s.file != null) {
            s.counters.droppedErrors += s.file.unflushedLines();
            s.file.abandon();
            s.file = null;
        }
        s.failed = true;
        s.failedHour = hour;
        s.retryAtMillis = clock.millis() + RETRY_MILLIS;
        s.counters.errors.incrementAndGet();
        lastError = path + ": cannot " + what + ": " + e;
        if (!s.errorLogged) {
            s.errorLogged = true;
            logger.error("Recorder cannot {} {}: {}. Messages of feed {} for this file are dropped and counted; trying again"
                    + " in {} s or at the next hour", what, path, e.toString(), s.key.feedId(), RETRY_MILLIS / 1000);
        } else {
            logger.debug("Recorder still cannot {} {}: {}", what, path, e.toString());
        }
        publishOpenFiles();
    }

    /** Finishes every file: complete, valid gzip files. */
    void closeAll() {
        for (Slot s : slots.values()) {
            if (s.file != null) {
                finish(s);
            }
        }
        slots.clear();
        publishOpenFiles();
    }

    private void publishOpenFiles() {
        List<RecorderStatus.OpenFile> files = new ArrayList<>();
        for (Slot s : slots.values()) {
            if (s.file != null) {
                files.add(new RecorderStatus.OpenFile(s.file.path(), s.key.feedId(), s.file.lines(), s.file.bytes()));
            }
        }
        files.sort(Comparator.comparing(RecorderStatus.OpenFile::file));
        openFiles = List.copyOf(files);
    }

    /**
     * Shows an error outside file handling (a bad call, a bug) as the last error; the caller counts it.
     *
     * @param what where it happened
     * @param e the error
     */
    void internalError(String what, Exception e) {
        lastError = what + ": " + e;
    }

    long filesOpened() {
        return filesOpened;
    }

    String lastError() {
        return lastError;
    }

    List<RecorderStatus.OpenFile> openFiles() {
        return openFiles;
    }
}
