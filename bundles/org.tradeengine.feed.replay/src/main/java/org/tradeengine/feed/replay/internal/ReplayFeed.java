// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.feed.FeedListener;
import org.tradeengine.api.feed.FeedState;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.feed.InstrumentFeedStatus;
import org.tradeengine.api.feed.MarketDataFeed;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.feed.core.live.BookSnapshots;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.replay.internal.replay.InstrumentChannel;
import org.tradeengine.feed.replay.internal.replay.ReplayHandler;
import org.tradeengine.feed.replay.internal.replay.StreamReplay;

/**
 * A market-data feed that replays recorded raw venue streams through the venue's synchronisation procedure,
 * exactly as a live feed would see them, paced by the recording's local timestamps. One instance per factory
 * configuration {@code etc/org.tradeengine.feed.replay-<name>.cfg}, with one owned thread
 * {@code replay-<feed.id>}.
 *
 * <p>A listener added after data started would miss the snapshot, so the replay thread keeps a shadow book per
 * instrument and sends a late listener a SNAPSHOT of it before that listener's first update.
 */
@Component(service = MarketDataFeed.class, configurationPid = ReplayFeed.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ReplayFeed.Config.class, factory = true)
public final class ReplayFeed implements MarketDataFeed, ReplayHandler {

    /** The factory PID. */
    public static final String PID = "org.tradeengine.feed.replay";

    private static final int WARNINGS_BEFORE_DEBUG = 50;

    /** Replay feed configuration ({@code etc/org.tradeengine.feed.replay-<name>.cfg}). */
    @ObjectClassDefinition(name = "Trade Engine replay feed",
            description = "Replays recorded raw venue streams (<local ts> <raw message> lines) through the venue's sync rules")
    public @interface Config {
        /** @return the id */
        @AttributeDefinition(name = "Feed id", description = "Instance id; also the service property feed.id")
        String feed_id() default "replay";

        /** @return the venue */
        @AttributeDefinition(name = "Venue", description = "Venue the recordings come from",
                options = {@Option(label = "Binance USD-M futures", value = "binance-futures"),
                    @Option(label = "Binance spot", value = "binance-spot"),
                    @Option(label = "Kraken Futures", value = "kraken-futures")})
        String venue() default "binance-futures";

        /** @return the files */
        @AttributeDefinition(name = "Files", description = "Recordings (gzip or plain text), replayed in this order as one"
                + " stream; relative paths resolve against karaf.home")
        String[] files() default {};

        /** @return the speed */
        @AttributeDefinition(name = "Speed", description = "1 = recorded pace, 10 = ten times faster, 0 = as fast as possible")
        String speed() default "1";

        /** @return whether to loop */
        @AttributeDefinition(name = "Loop", description = "Start again from the first file at the end (with a fresh snapshot)")
        boolean loop() default false;

        /** @return whether to wait */
        @AttributeDefinition(name = "Wait for listener", description = "Deliver nothing until a listener is added")
        boolean waitForListener() default true;

        /** @return the delay */
        @AttributeDefinition(name = "Start delay (ms)", description = "Wait this long before the first line")
        long startDelayMillis() default 0;
    }

    private final Logger logger = LoggerFactory.getLogger(ReplayFeed.class);
    private final ReplaySettings settings;
    private final OrderBookFactory bookFactory;
    private final Pacer pacer;
    private final StreamReplay stream;
    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();
    private final Queue<FeedListener> pending = new ConcurrentLinkedQueue<>();
    private final CountDownLatch firstListener = new CountDownLatch(1);
    private final Set<FeedListener> failingListeners = ConcurrentHashMap.newKeySet();
    private final Map<InstrumentId, OrderBook> shadows = new HashMap<>();
    private final ExecutorService thread;
    private volatile FeedState state = FeedState.CONNECTING;
    private volatile String note = "";
    private volatile Instant startedAt;
    private volatile long restarts;
    private long lastLocalNanos;
    private int warnings;

    /**
     * Checks the configuration and starts the replay thread.
     *
     * @param config the configuration
     * @param bookFactory makes the shadow books
     * @throws IllegalArgumentException if the configuration is wrong (the message says which key)
     */
    @Activate
    public ReplayFeed(Config config, @Reference OrderBookFactory bookFactory) {
        this.settings = ReplaySettings.of(config);
        this.bookFactory = bookFactory;
        this.pacer = new Pacer(settings.speed());
        this.stream = new StreamReplay(settings.venue(), this, InstrumentSpecs::lookup);
        this.thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "replay-" + settings.feedId()));
        logger.info("Replay feed {} ({}): {} file(s), speed {}, loop {}", settings.feedId(), settings.venue().cliName(),
                settings.files().size(), settings.speed().toPlainString(), settings.loop());
        thread.execute(this::replay);
    }

    /** Stops the replay thread (interrupt and wait). */
    @Deactivate
    public void deactivate() {
        state = FeedState.STOPPED;
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                logger.warn("Replay feed {}: thread did not stop within 5 s", settings.feedId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = FeedState.STOPPED;
    }

    // ---- the replay thread ----

    private void replay() {
        try {
            if (settings.waitForListener()) {
                note = "waiting for a listener";
                firstListener.await();
            }
            note = "";
            if (settings.startDelayMillis() > 0) {
                Thread.sleep(settings.startDelayMillis());
            }
            startedAt = Instant.now();
            passes();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            note = "cannot read: " + e.getMessage();
            state = FeedState.STOPPED;
            logger.warn("Replay feed {}: {}: cannot read: {} (fix 'files' in etc/{}-{}.cfg)", settings.feedId(),
                    stream.position(), e.getMessage(), PID, settings.feedId());
        }
    }

    private void passes() throws IOException {
        while (true) {
            pacer.start();
            stream.run(settings.files());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (!settings.loop()) {
                state = FeedState.FINISHED;
                logger.info("Replay feed {} finished: {} lines, {} of other streams skipped, {} malformed", settings.feedId(),
                        stream.lines(), stream.skipped(), stream.malformed());
                return;
            }
            restarts++;
            stream.restart();
        }
    }

    @Override
    public void awaitLocalTime(long localTimeNanos) {
        pacer.await(localTimeNanos);
    }

    @Override
    public void delta(InstrumentChannel channel, BookDelta delta) {
        if (!pending.isEmpty()) {
            admitPending();
        }
        shadow(channel).apply(delta);
        lastLocalNanos = delta.localTimeNanos();
        if (state != FeedState.LIVE) {
            state = FeedState.LIVE;
        }
        for (FeedListener l : listeners) {
            deliver(l, delta);
        }
    }

    @Override
    public void reset(InstrumentChannel channel, String reason) {
        OrderBook shadow = shadows.get(channel.spec().id());
        if (shadow != null) {
            shadow.reset();
        }
        for (FeedListener l : listeners) {
            try {
                l.onReset(channel.spec().id(), reason);
            } catch (RuntimeException e) {
                listenerFailed(l, e);
            }
        }
    }

    @Override
    public void problem(String position, String message) {
        if (warnings < WARNINGS_BEFORE_DEBUG) {
            warnings++;
            logger.warn("Replay feed {}: {}: {}{}", settings.feedId(), position, message,
                    warnings == WARNINGS_BEFORE_DEBUG ? " (further problems are logged at debug)" : "");
        } else {
            logger.debug("Replay feed {}: {}: {}", settings.feedId(), position, message);
        }
    }

    private OrderBook shadow(InstrumentChannel channel) {
        return shadows.computeIfAbsent(channel.spec().id(), id -> bookFactory.create(channel.spec()));
    }

    /** Runs on the replay thread only: sends each waiting listener the current books, then adds it. */
    private void admitPending() {
        FeedListener l;
        while ((l = pending.poll()) != null) {
            for (OrderBook book : shadows.values()) {
                if (book.state() == BookState.LIVE) {
                    deliver(l, BookSnapshots.of(book, lastLocalNanos));
                }
            }
            listeners.add(l);
        }
    }

    private void deliver(FeedListener l, BookDelta delta) {
        try {
            l.onDelta(delta);
        } catch (RuntimeException e) {
            listenerFailed(l, e);
        }
    }

    private void listenerFailed(FeedListener l, RuntimeException e) {
        if (failingListeners.add(l)) {
            logger.warn("Replay feed {}: listener {} threw; it keeps receiving events", settings.feedId(), l, e);
        } else {
            logger.debug("Replay feed {}: listener {} threw again: {}", settings.feedId(), l, e.toString());
        }
    }

    // ---- MarketDataFeed ----

    @Override
    public String id() {
        return settings.feedId();
    }

    @Override
    public Venue venue() {
        return settings.venue();
    }

    @Override
    public void addListener(FeedListener listener) {
        pending.add(listener);
        firstListener.countDown();
        try {
            // admits it at once if the replay has ended; otherwise the replay thread admits it first
            thread.execute(this::admitPending);
        } catch (RejectedExecutionException e) {
            pending.remove(listener);
        }
    }

    @Override
    public void removeListener(FeedListener listener) {
        pending.remove(listener);
        listeners.remove(listener);
        failingListeners.remove(listener);
    }

    @Override
    public FeedStatus status() {
        List<InstrumentFeedStatus> instruments = new ArrayList<>();
        boolean invalid = false;
        for (InstrumentChannel c : stream.channels()) {
            instruments.add(c.status());
            invalid |= c.state() == BookState.INVALID;
        }
        FeedState s = state;
        if (s == FeedState.LIVE && invalid) {
            s = FeedState.DEGRADED;
        }
        String position = stream.position();
        String n = note;
        String detail = n.isEmpty() ? position : position.isEmpty() ? n : position + " (" + n + ")";
        return new FeedStatus(settings.feedId(), settings.venue(), s, startedAt, restarts, stream.malformed(), detail,
                instruments);
    }
}
