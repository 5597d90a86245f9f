// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.engine.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.book.BookDelta;

/**
 * The engine's single business thread: takes book deltas and tasks from one queue, in order, and runs each
 * delta through the {@link Pipeline}. Nothing else ever touches a book, so no locks are needed on the hot path.
 */
final class BusinessLoop implements Runnable {

    private final Logger logger = LoggerFactory.getLogger(BusinessLoop.class);
    private final EngineConfig config;
    private final BlockingQueue<Object> queue;
    private final Pipeline pipeline;
    private volatile boolean running = true;
    private long nextSummaryNanos;
    private long eventsAtSummary;
    private long signalsAtSummary;

    BusinessLoop(EngineConfig config, Pipeline pipeline) {
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.pipeline = pipeline;
    }

    Pipeline pipeline() {
        return pipeline;
    }

    /**
     * Hands a delta to the business thread; blocks while the queue is full (back-pressure on the feed). An instrument
     * belongs to the first feed that delivers it: the same instrument from a second feed is refused, never mixed into
     * the book.
     *
     * @param delta the delta
     * @param feedId the feed it came from
     * @return false if another feed owns the instrument (nothing queued)
     * @throws InterruptedException if interrupted while the queue is full
     */
    boolean submit(BookDelta delta, String feedId) throws InterruptedException {
        String owner = pipeline.owners().putIfAbsent(delta.instrument(), feedId);
        if (owner != null && !owner.equals(feedId)) {
            return false;
        }
        queue.put(delta);
        return true;
    }

    /** Runs a task on the business thread, after everything already queued. */
    boolean execute(Runnable task, long timeoutMillis) throws InterruptedException {
        return queue.offer(task, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    void stop() {
        running = false;
    }

    int queueDepth() {
        return queue.size();
    }

    @Override
    public void run() {
        logger.info("Engine business thread started (top-{} features, queue {})", config.featureDepth(), config.queueCapacity());
        nextSummaryNanos = System.nanoTime() + config.summaryIntervalNanos();
        while (running) {
            try {
                Object e = queue.poll(200, TimeUnit.MILLISECONDS);
                if (e instanceof BookDelta d) {
                    pipeline.onDelta(d);
                } else if (e instanceof Runnable r) {
                    r.run();
                }
                maybeSummarise();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException ex) {
                // a bug, not bad input: say so loudly, keep the thread alive for the other instruments
                logger.error("Engine business thread: unexpected failure, event skipped", ex);
            }
        }
        logger.info("Engine business thread stopped after {} events", pipeline.events());
    }

    private void maybeSummarise() {
        long interval = config.summaryIntervalNanos();
        if (interval <= 0 || System.nanoTime() < nextSummaryNanos) {
            return;
        }
        nextSummaryNanos = System.nanoTime() + interval;
        long ev = pipeline.events() - eventsAtSummary;
        long sig = pipeline.signalCount() - signalsAtSummary;
        eventsAtSummary = pipeline.events();
        signalsAtSummary = pipeline.signalCount();
        if (ev > 0 || sig > 0) {
            logger.info("Engine: {} events, {} signals in the last {} s; {} instruments, {} strategies", ev, sig,
                    interval / 1_000_000_000L, pipeline.instruments().size(), pipeline.strategies().length);
        }
    }
}
