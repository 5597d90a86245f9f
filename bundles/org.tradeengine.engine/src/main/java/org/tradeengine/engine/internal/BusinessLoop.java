// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.engine.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.book.BookIntegrity;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.strategy.Signal;
import org.tradeengine.api.strategy.SignalSink;
import org.tradeengine.api.strategy.Strategy;

/**
 * The engine's single business thread: takes book deltas and tasks from one queue, in order, and for each
 * delta runs the pipeline below. Nothing else ever touches a book, so no locks are needed on the hot path.
 */
final class BusinessLoop implements Runnable, SignalSink {

    private static final Strategy[] NO_STRATEGIES = new Strategy[0];

    private final Logger logger = LoggerFactory.getLogger(BusinessLoop.class);
    private final EngineConfig config;
    private final BlockingQueue<Object> queue;
    private final Function<InstrumentId, OrderBook> bookMaker;
    private final Map<InstrumentId, InstrumentState> instruments = new ConcurrentHashMap<>();
    private final Map<InstrumentId, String> owners = new ConcurrentHashMap<>();
    private final SignalLog signalLog;
    private final StrategyErrors strategyErrors = new StrategyErrors();
    private volatile Strategy[] strategies = NO_STRATEGIES;
    private volatile boolean running = true;
    private volatile long events;
    private volatile long levelUpdates;
    private volatile long featureUpdates;
    private InstrumentState current;
    private long nextSummaryNanos;
    private long eventsAtSummary;
    private long signalsAtSummary;

    BusinessLoop(EngineConfig config, Function<InstrumentId, OrderBook> bookMaker) {
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.bookMaker = bookMaker;
        this.signalLog = new SignalLog(config.signalHistory());
    }

    // ---- called from other threads ----

    /** Hands a delta to the business thread; blocks while the queue is full (back-pressure on the feed). */
    void submit(BookDelta delta, String feedId) throws InterruptedException {
        owners.putIfAbsent(delta.instrument(), feedId);
        queue.put(delta);
    }

    /** Runs a task on the business thread, after everything already queued. */
    boolean execute(Runnable task, long timeoutMillis) throws InterruptedException {
        return queue.offer(task, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    void setStrategies(Strategy[] s) {
        strategies = s;
    }

    void stop() {
        running = false;
    }

    // ---- the business thread ----

    @Override
    public void run() {
        logger.info("Engine business thread started (top-{} features, queue {})", config.featureDepth(), config.queueCapacity());
        nextSummaryNanos = System.nanoTime() + config.summaryIntervalNanos();
        while (running) {
            try {
                Object e = queue.poll(200, TimeUnit.MILLISECONDS);
                if (e instanceof BookDelta d) {
                    onDelta(d);
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
        logger.info("Engine business thread stopped after {} events", events);
    }

    private void onDelta(BookDelta d) {
        // 1. find or create the instrument's book
        InstrumentState st = instruments.get(d.instrument());
        if (st == null) {
            st = new InstrumentState(bookMaker.apply(d.instrument()), owners.getOrDefault(d.instrument(), "?"));
            instruments.put(d.instrument(), st);
        }
        // 2. apply to the exact L2 book; integrity problems are values
        BookIntegrity result = st.book.apply(d);
        events++;
        st.events++;
        if (result == BookIntegrity.OK || result == BookIntegrity.CROSSED) {
            levelUpdates += d.levelCount();
            st.levelUpdates += d.levelCount();
            if (d.isSnapshot()) {
                st.snapshots++;
            }
        }
        if (result.isBroken()) {
            onBroken(st, d, result);
            return;
        }
        if (st.book.state() != BookState.LIVE) {
            return;
        }
        // 3. update features; 4. evaluate strategies only when a value changed
        BookFeatures f = st.updateFeatures(config.featureDepth(), d.exchangeTimeMillis(), d.localTimeNanos());
        if (f != null) {
            featureUpdates++;
            evaluate(st, f);
        }
    }

    private void evaluate(InstrumentState st, BookFeatures f) {
        current = st;
        for (Strategy s : strategies) {
            try {
                s.onFeatures(f, this);
            } catch (RuntimeException ex) {
                strategyErrors.report(s.id(), f.getInstrument(), ex, logger);
            }
        }
        current = null;
    }

    private void onBroken(InstrumentState st, BookDelta d, BookIntegrity result) {
        if (result == BookIntegrity.SEQUENCE_GAP) {
            st.gaps++;
        } else {
            st.crossed++;
        }
        logger.warn("Book {} is INVALID ({}) at update {} (book was at {}); no signals until the feed re-synchronises",
                d.instrument(), result, d.lastUpdateId(), st.book.lastUpdateId());
        resetStrategies(st);
    }

    /** Drops an instrument's book until its next snapshot (feed reset, feed gone). */
    void resetBook(InstrumentId id, String reason) {
        InstrumentState st = instruments.get(id);
        if (st != null) {
            st.book.reset();
            logger.info("Book {} reset: {}", id, reason);
            resetStrategies(st);
        }
    }

    private void resetStrategies(InstrumentState st) {
        st.forgetFeatures();
        for (Strategy s : strategies) {
            try {
                s.onBookReset(st.book.instrument());
            } catch (RuntimeException ex) {
                strategyErrors.report(s.id(), st.book.instrument(), ex, logger);
            }
        }
    }

    /** A strategy's signal: number it, count it, keep it. */
    @Override
    public void accept(Signal s) {
        long seq = signalLog.total() + 1;
        Signal numbered = new Signal(seq, s.instrument(), s.side(), s.strategyId(), s.rule(), s.ruleGeneration(),
                s.imbalance(), s.bestBid(), s.bestAsk(), s.bookUpdateId(), s.exchangeTimeMillis(),
                s.createdAt() != null ? s.createdAt() : Instant.now());
        signalLog.add(numbered);
        InstrumentState st = current != null ? current : instruments.get(s.instrument());
        if (st != null) {
            st.signals++;
        }
        if (logger.isDebugEnabled()) {
            logger.debug("Signal #{} {} {} by {} (rule {} gen {}), imbalance {}", seq, s.side(), s.instrument(), s.strategyId(),
                    s.rule(), s.ruleGeneration(), s.imbalance());
        }
    }

    private void maybeSummarise() {
        long interval = config.summaryIntervalNanos();
        if (interval <= 0 || System.nanoTime() < nextSummaryNanos) {
            return;
        }
        nextSummaryNanos = System.nanoTime() + interval;
        long ev = events - eventsAtSummary;
        long sig = signalLog.total() - signalsAtSummary;
        eventsAtSummary = events;
        signalsAtSummary = signalLog.total();
        if (ev > 0 || sig > 0) {
            logger.info("Engine: {} events, {} signals in the last {} s; {} instruments, {} strategies", ev, sig,
                    interval / 1_000_000_000L, instruments.size(), strategies.length);
        }
    }

    // ---- read side (any thread) ----

    Map<InstrumentId, InstrumentState> instruments() {
        return instruments;
    }

    Map<InstrumentId, String> owners() {
        return owners;
    }

    SignalLog signals() {
        return signalLog;
    }

    long events() {
        return events;
    }

    long levelUpdates() {
        return levelUpdates;
    }

    long featureUpdates() {
        return featureUpdates;
    }

    int queueDepth() {
        return queue.size();
    }

    Strategy[] strategies() {
        return strategies;
    }
}
