// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.engine.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.book.BookIntegrity;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.broker.BookObserver;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.strategy.Signal;
import org.tradeengine.api.strategy.SignalListener;
import org.tradeengine.api.strategy.SignalSink;
import org.tradeengine.api.strategy.Strategy;

/**
 * The per-delta work of the engine, synchronous and single-threaded: apply to the book, update features,
 * evaluate strategies when a feature changed, keep the signals. {@link BusinessLoop} runs it on the business
 * thread; the benchmark runs it directly. Public only so the JMH module can drive the real code path.
 */
public final class Pipeline implements SignalSink {

    private static final Strategy[] NONE = new Strategy[0];
    private static final BookObserver[] NO_OBSERVERS = new BookObserver[0];
    private static final SignalListener[] NO_LISTENERS = new SignalListener[0];

    private final Logger logger = LoggerFactory.getLogger(Pipeline.class);
    private final int featureDepth;
    private final Function<InstrumentId, OrderBook> bookMaker;
    private final Map<InstrumentId, InstrumentState> instruments = new ConcurrentHashMap<>();
    private final Map<InstrumentId, String> owners = new ConcurrentHashMap<>();
    private final SignalLog signalLog;
    private final StrategyErrors strategyErrors = new StrategyErrors();
    private volatile Strategy[] strategies = NONE;
    private volatile BookObserver[] observers = NO_OBSERVERS;
    private volatile SignalListener[] signalListeners = NO_LISTENERS;
    private long currentLocalNanos;
    private volatile long events;
    private volatile long levelUpdates;
    private volatile long featureUpdates;
    private InstrumentState current;

    /**
     * Creates a pipeline.
     *
     * @param featureDepth N of the top-N features
     * @param bookMaker makes the book of an instrument seen for the first time
     * @param signalHistory signals kept
     */
    public Pipeline(int featureDepth, Function<InstrumentId, OrderBook> bookMaker, int signalHistory) {
        this.featureDepth = featureDepth;
        this.bookMaker = bookMaker;
        this.signalLog = new SignalLog(signalHistory);
    }

    /**
     * Sets the strategies evaluated from the next delta on.
     *
     * @param s the strategies
     */
    public void setStrategies(Strategy... s) {
        strategies = s.clone();
    }

    /**
     * Sets who sees every book after each applied event (the trading desk, a simulated broker).
     *
     * @param o the observers
     */
    public void setBookObservers(BookObserver... o) {
        observers = o.clone();
    }

    /**
     * Sets who receives every signal (the trading desk).
     *
     * @param l the listeners
     */
    public void setSignalListeners(SignalListener... l) {
        signalListeners = l.clone();
    }

    /**
     * Runs one delta through the pipeline.
     *
     * @param d the delta
     */
    public void onDelta(BookDelta d) {
        // 1. find or create the instrument's book
        InstrumentState st = instruments.get(d.instrument());
        if (st == null) {
            st = new InstrumentState(bookMaker.apply(d.instrument()));
            instruments.put(d.instrument(), st);
        }
        // 2. apply to the exact L2 book; integrity problems are values
        currentLocalNanos = d.localTimeNanos();
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
        } else if (st.book.state() == BookState.LIVE) {
            // 3. update features; 4. evaluate strategies only when a value changed
            BookFeatures f = st.updateFeatures(featureDepth, d.exchangeTimeMillis(), d.localTimeNanos());
            if (f != null) {
                featureUpdates++;
                evaluate(st, f);
            }
        }
        // 5. the observers (trading desk, simulated broker) see the book as it is now, LIVE or not
        BookObserver[] obs = observers;
        for (BookObserver o : obs) {
            try {
                o.onBook(st.book, d.localTimeNanos());
            } catch (RuntimeException ex) {
                strategyErrors.report("book observer " + o.getClass().getName(), d.instrument(), ex, logger);
            }
        }
    }

    private void evaluate(InstrumentState st, BookFeatures f) {
        current = st;
        for (Strategy s : strategies) {
            try {
                s.onFeatures(f, this);
            } catch (RuntimeException ex) {
                strategyErrors.report("strategy " + s.id(), f.getInstrument(), ex, logger);
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

    /**
     * Drops an instrument's book until its next snapshot (feed reset, feed gone).
     *
     * @param id the instrument
     * @param reason for the log
     */
    public void resetBook(InstrumentId id, String reason) {
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
                strategyErrors.report("strategy " + s.id(), st.book.instrument(), ex, logger);
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
            for (SignalListener l : signalListeners) {
                try {
                    l.onSignal(numbered, st.book, currentLocalNanos);
                } catch (RuntimeException ex) {
                    strategyErrors.report("signal listener " + l.getClass().getName(), s.instrument(), ex, logger);
                }
            }
        }
        if (logger.isDebugEnabled()) {
            logger.debug("Signal #{} {} {} by {} (rule {} gen {}), imbalance {}", seq, s.side(), s.instrument(), s.strategyId(),
                    s.rule(), s.ruleGeneration(), s.imbalance());
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

    /** @return signals produced so far */
    public long signalCount() {
        return signalLog.total();
    }

    /** @return deltas applied */
    public long events() {
        return events;
    }

    /** @return level entries applied */
    public long levelUpdates() {
        return levelUpdates;
    }

    /** @return feature changes evaluated */
    public long featureUpdates() {
        return featureUpdates;
    }

    Strategy[] strategies() {
        return strategies;
    }
}
