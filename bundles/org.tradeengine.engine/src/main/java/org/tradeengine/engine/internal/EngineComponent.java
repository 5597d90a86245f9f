// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.book.BookSnapshot;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.broker.BookObserver;
import org.tradeengine.api.broker.Broker;
import org.tradeengine.api.engine.EngineStatus;
import org.tradeengine.api.engine.InstrumentStatus;
import org.tradeengine.api.engine.TradingEngine;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.feed.MarketDataFeed;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.strategy.Signal;
import org.tradeengine.api.strategy.SignalListener;
import org.tradeengine.api.strategy.Strategy;

/**
 * The trading engine: binds every feed and strategy dynamically (a feed or strategy coming or going never
 * restarts it), runs the business thread, and answers queries.
 */
@Component(service = TradingEngine.class, immediate = true, configurationPid = "org.tradeengine.engine")
@Designate(ocd = EngineComponent.Config.class)
public final class EngineComponent implements TradingEngine {

    /** Engine configuration ({@code etc/org.tradeengine.engine.cfg}). */
    @ObjectClassDefinition(name = "Trade Engine", description = "The single-threaded business engine")
    public @interface Config {
        /** @return N */
        @AttributeDefinition(description = "Levels per side summed for the imbalance features (top N)")
        int feature_depth() default 5;

        /** @return capacity */
        @AttributeDefinition(description = "Book deltas buffered between the feeds and the business thread")
        int queue_capacity() default 65536;

        /** @return history */
        @AttributeDefinition(description = "Recent signals kept for the shell and the API")
        int signal_history() default 1000;

        /** @return seconds */
        @AttributeDefinition(description = "Seconds between one-line activity summaries in the log (0: none)")
        int summary_interval_seconds() default 60;
    }

    private static final long QUERY_TIMEOUT_MS = 5_000;

    private final Logger logger = LoggerFactory.getLogger(EngineComponent.class);
    private final Pipeline pipeline;
    private final BusinessLoop loop;
    private final ExecutorService thread;
    private final Map<String, FeedBinding> feeds = new ConcurrentHashMap<>();
    private final Map<String, Strategy> strategies = new ConcurrentHashMap<>();
    private final List<BookObserver> observers = new ArrayList<>();
    private final List<SignalListener> signalListeners = new ArrayList<>();

    /**
     * Starts the engine.
     *
     * @param config its configuration
     * @param books where books come from
     */
    @Activate
    public EngineComponent(Config config, @Reference OrderBookFactory books) {
        EngineConfig c = new EngineConfig(config.feature_depth(), config.queue_capacity(), config.signal_history(),
                config.summary_interval_seconds());
        this.pipeline = new Pipeline(c.featureDepth(), id -> books.create(specFor(id)), c.signalHistory());
        this.loop = new BusinessLoop(c, pipeline);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "engine-business");
            t.setDaemon(true);
            return t;
        });
        thread.execute(loop);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        feeds.values().forEach(FeedBinding::close);
        loop.stop();
        thread.shutdownNow();
        if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
            logger.warn("Engine business thread did not stop within 5 s");
        }
    }

    // ---- dynamic references: feeds and strategies ----

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindFeed(MarketDataFeed feed) {
        FeedBinding b = new FeedBinding(feed, loop);
        FeedBinding old = feeds.put(feed.id(), b);
        if (old != null) {
            old.close();
        }
        b.open();
        logger.info("Feed {} ({}) bound", feed.id(), feed.venue());
    }

    void unbindFeed(MarketDataFeed feed) {
        FeedBinding b = feeds.get(feed.id());
        if (b != null && b.feed() == feed) {
            feeds.remove(feed.id());
            b.close();
            List<InstrumentId> owned = resetBooksOf(feed.id(), "feed " + feed.id() + " went away");
            owned.forEach(id -> pipeline.owners().remove(id, feed.id()));
            feeds.values().forEach(other -> other.released(owned));
            logger.info("Feed {} ({}) unbound; its books wait for a new snapshot", feed.id(), feed.venue());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindBookObserver(BookObserver observer) {
        synchronized (observers) {
            observers.add(observer);
            publishObservers();
        }
    }

    void unbindBookObserver(BookObserver observer) {
        synchronized (observers) {
            observers.remove(observer);
            publishObservers();
        }
    }

    /** Simulated brokers first: they match on the event, then the desk marks and checks the result. */
    private void publishObservers() {
        List<BookObserver> ordered = new ArrayList<>(observers);
        ordered.sort(Comparator.comparing(o -> o instanceof Broker ? 0 : 1));
        pipeline.setBookObservers(ordered.toArray(new BookObserver[0]));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSignalListener(SignalListener listener) {
        synchronized (signalListeners) {
            signalListeners.add(listener);
            pipeline.setSignalListeners(signalListeners.toArray(new SignalListener[0]));
        }
    }

    void unbindSignalListener(SignalListener listener) {
        synchronized (signalListeners) {
            signalListeners.remove(listener);
            pipeline.setSignalListeners(signalListeners.toArray(new SignalListener[0]));
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindStrategy(Strategy strategy) {
        strategies.put(strategy.id(), strategy);
        pipeline.setStrategies(strategies.values().toArray(new Strategy[0]));
        logger.info("Strategy {} bound", strategy.id());
    }

    void unbindStrategy(Strategy strategy) {
        if (strategies.remove(strategy.id(), strategy)) {
            pipeline.setStrategies(strategies.values().toArray(new Strategy[0]));
            logger.info("Strategy {} unbound; books keep running", strategy.id());
        }
    }

    private List<InstrumentId> resetBooksOf(String feedId, String reason) {
        List<InstrumentId> owned = new ArrayList<>();
        pipeline.owners().forEach((id, owner) -> {
            if (owner.equals(feedId)) {
                owned.add(id);
            }
        });
        try {
            loop.execute(() -> owned.forEach(id -> pipeline.resetBook(id, reason)), QUERY_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return owned;
    }

    private InstrumentSpec specFor(InstrumentId id) {
        String owner = pipeline.owners().get(id);
        FeedBinding b = owner != null ? feeds.get(owner) : null;
        return b != null ? b.feed().spec(id) : InstrumentSpecs.lookup(id);
    }

    // ---- TradingEngine ----

    @Override
    public EngineStatus status() {
        List<InstrumentStatus> list = new ArrayList<>();
        pipeline.instruments().values().forEach(s -> list.add(s.status()));
        list.sort(Comparator.comparing(InstrumentStatus::instrument));
        List<String> ids = new ArrayList<>();
        for (Strategy s : pipeline.strategies()) {
            ids.add(s.id());
        }
        return new EngineStatus(!thread.isShutdown(), pipeline.events(), pipeline.levelUpdates(), pipeline.featureUpdates(),
                pipeline.signalCount(), loop.queueDepth(), ids, list);
    }

    @Override
    public List<InstrumentId> instruments() {
        List<InstrumentId> ids = new ArrayList<>(pipeline.instruments().keySet());
        ids.sort(null);
        return ids;
    }

    @Override
    public Optional<BookSnapshot> book(InstrumentId instrument, int depth) {
        InstrumentState st = pipeline.instruments().get(instrument);
        if (st == null) {
            return Optional.empty();
        }
        CompletableFuture<BookSnapshot> copy = new CompletableFuture<>();
        try {
            // copied on the business thread, between two deltas, so the copy is consistent
            if (!loop.execute(() -> copy.complete(st.book.snapshot(depth)), QUERY_TIMEOUT_MS)) {
                throw new IllegalStateException("engine queue full for " + QUERY_TIMEOUT_MS + " ms; try again");
            }
            return Optional.of(copy.get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while copying the book of " + instrument, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("engine did not answer within " + QUERY_TIMEOUT_MS + " ms", e);
        }
    }

    @Override
    public List<Signal> recentSignals(int limit) {
        return pipeline.signals().latest(limit);
    }

    @Override
    public List<FeedStatus> feeds() {
        List<FeedStatus> out = new ArrayList<>();
        feeds.values().forEach(b -> out.add(b.feed().status()));
        out.sort(Comparator.comparing(FeedStatus::feedId));
        return out;
    }
}
