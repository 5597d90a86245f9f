// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.feed.RawMessageSink;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Venue;

/**
 * Records raw venue messages: the feed thread copies each message into a bounded queue and returns; one writer
 * thread {@code recorder-writer} writes them in arrival order to hourly gzip files ({@link HourFiles}). A full
 * queue drops the message and counts it; nothing here ever blocks or throws into a feed.
 *
 * <p>The clock decides when to flush while busy, when past hours' files are idle and when to retry after a disk
 * error; the file a message goes to depends on its own receive time only. Tests pass their own clock.
 */
public final class Recorder implements RawMessageSink, RecorderStatusSource {

    static final String THREAD_NAME = "recorder-writer";
    static final long FLUSH_MILLIS = 1_000;
    private static final long IDLE_POLL_MILLIS = 200;
    private static final long STOP_WAIT_SECONDS = 30;

    private final Logger logger = LoggerFactory.getLogger(Recorder.class);
    private final RecorderSettings settings;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final ConcurrentMap<String, FeedCounters> counters = new ConcurrentHashMap<>();
    private final HourFiles files;
    private final ExecutorService writer;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean internalErrorLogged = new AtomicBoolean();
    private volatile boolean closed;
    private volatile boolean stopping;
    private volatile boolean running;
    private volatile long sanitized;

    /** One message waiting for the writer thread. */
    private record Pending(FeedCounters counters, InstrumentId instrument, long localTimeNanos, byte[] message) {
    }

    /**
     * Builds a recorder; nothing is written before {@link #start()}.
     *
     * @param settings the configuration
     * @param clock the time source for flushing, idle files and retries
     */
    public Recorder(RecorderSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.files = new HourFiles(settings.dir(), clock);
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the writer thread (once). */
    public void start() {
        if (started.compareAndSet(false, true)) {
            running = true;
            writer.execute(this::writeLoop);
        }
    }

    @Override
    public void onRawMessage(String feedId, Venue venue, InstrumentId instrument, long localTimeNanos, byte[] message,
            int length) {
        try {
            if (closed || feedId == null || !settings.records(feedId)) {
                return;
            }
            FeedCounters c = counters(feedId);
            if (message == null || length < 0 || length > message.length) {
                badCall(c, message, length);
                return;
            }
            if (queuedBytes.addAndGet(length) > settings.queueMaxBytes()) {
                queuedBytes.addAndGet(-length);
                dropped(c);
                return;
            }
            byte[] copy = Arrays.copyOf(message, length);
            if (!queue.offer(new Pending(c, instrument, localTimeNanos, copy))) {
                queuedBytes.addAndGet(-length);
                dropped(c);
            }
        } catch (RuntimeException e) {
            if (feedId != null) {
                counters(feedId).errors.incrementAndGet();
            }
            internalError("onRawMessage of feed " + feedId, e);
        }
    }

    private FeedCounters counters(String feedId) {
        FeedCounters c = counters.get(feedId);
        return c != null ? c : counters.computeIfAbsent(feedId, FeedCounters::new);
    }

    private void dropped(FeedCounters c) {
        c.droppedQueueFull.incrementAndGet();
        c.warnDrops(clock.millis(), logger, capacityText());
    }

    private String capacityText() {
        return "capacity " + settings.queueCapacity() + " messages / " + settings.queueMaxBytes() + " bytes";
    }

    private void badCall(FeedCounters c, byte[] message, int length) {
        c.errors.incrementAndGet();
        String what = "feed " + c.feedId + " passed " + (message == null ? "no message" : "length " + length + " for "
                + message.length + " bytes");
        files.internalError(what, new IllegalArgumentException(what));
        if (internalErrorLogged.compareAndSet(false, true)) {
            logger.error("Recorder: {}; such calls are counted and ignored (logged once)", what);
        }
    }

    private void internalError(String where, RuntimeException e) {
        files.internalError(where, e);
        if (internalErrorLogged.compareAndSet(false, true)) {
            logger.error("Recorder: unexpected error in {} (logged once; later ones are counted)", where, e);
        }
    }

    /** The writer thread: write what comes, flush when idle or every second, drain and finish every file at the end. */
    private void writeLoop() {
        long lastTick = clock.millis();
        boolean interrupted = false;
        try {
            while (true) {
                Pending p = null;
                try {
                    p = interrupted ? queue.poll() : queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                if (p != null) {
                    write(p);
                }
                long now = clock.millis();
                if (p == null || now - lastTick >= FLUSH_MILLIS) {
                    tick(now);
                    lastTick = now;
                }
                if (p == null && (stopping || interrupted) && queue.isEmpty()) {
                    break;
                }
            }
        } finally {
            try {
                files.closeAll();
            } finally {
                running = false;
            }
        }
    }

    private void write(Pending p) {
        queuedBytes.addAndGet(-p.message().length);
        try {
            byte[] line = p.message();
            if (LineSanitizer.hasBreak(line, line.length)) {
                line = LineSanitizer.oneLine(line);
                sanitized++;
            }
            files.write(p.counters(), p.instrument(), p.localTimeNanos(), line);
        } catch (RuntimeException e) {
            p.counters().errors.incrementAndGet();
            p.counters().droppedErrors++;
            internalError("writing a message of feed " + p.counters().feedId, e);
        }
    }

    private void tick(long now) {
        try {
            files.tick();
        } catch (RuntimeException e) {
            internalError("flushing", e);
        }
        for (FeedCounters c : counters.values()) {
            c.warnDrops(now, logger, capacityText());
        }
    }

    /**
     * Stops taking messages, writes what is queued, finishes every file (valid gzip) and stops the writer thread.
     * Waits up to 30 s; a writer stuck on the disk is interrupted.
     */
    public void close() {
        closed = true;
        stopping = true;
        start();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                logger.warn("Recorder: the writer did not finish within {} s ({} messages queued); interrupting it",
                        STOP_WAIT_SECONDS, queue.size());
                writer.shutdownNow();
                writer.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public RecorderStatus status() {
        List<RecorderStatus.Feed> feeds = new ArrayList<>();
        counters.values().forEach(c -> feeds.add(c.status()));
        feeds.sort(Comparator.comparing(RecorderStatus.Feed::feedId));
        return new RecorderStatus(settings.dir(), settings.feeds().stream().sorted().toList(), running,
                queue.size(), settings.queueCapacity(), queuedBytes.get(), settings.queueMaxBytes(), files.filesOpened(),
                sanitized, files.lastError(), feeds, files.openFiles());
    }

    /** @return the settings in force */
    public RecorderSettings settings() {
        return settings;
    }
}
