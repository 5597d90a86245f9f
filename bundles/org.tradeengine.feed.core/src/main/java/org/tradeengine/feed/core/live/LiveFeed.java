// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.feed.FeedListener;
import org.tradeengine.api.feed.FeedState;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.feed.InstrumentFeedStatus;
import org.tradeengine.api.feed.MarketDataFeed;
import org.tradeengine.api.feed.RawMessageSink;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.core.sync.SyncRules;

/**
 * A live market-data feed over one WebSocket connection, for any venue described by a {@link VenueProtocol}.
 *
 * <p>Everything happens on one thread, {@code feed-<id>}: frames (handed over by the WebSocket callbacks with their
 * receive time), snapshot responses, the watchdog. Per instrument a {@link LiveChannel} runs the venue's
 * snapshot/diff synchronisation and keeps the feed's own book, so a gap or a crossed book invalidates that instrument
 * at once (listeners get {@link FeedListener#onReset}) and re-snapshots it without touching the connection or the other
 * instruments. The connection is replaced, with exponential backoff and jitter, when it drops, when the venue
 * announces a shutdown, when it has been silent longer than {@code stale.ms} although the socket looks open, and before
 * the venue's connection age limit.
 */
public final class LiveFeed implements MarketDataFeed {

    private static final int WARNINGS_BEFORE_DEBUG = 20;

    private final Logger logger;
    private final LiveFeedSettings settings;
    private final VenueProtocol protocol;
    private final Map<InstrumentId, LiveChannel> channels = new LinkedHashMap<>();
    private final List<InstrumentSpec> specs = new ArrayList<>();
    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<FeedListener> failingListeners = ConcurrentHashMap.newKeySet();
    private final List<RawMessageSink> sinks = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor thread;
    private final HttpClient http;
    private final Backoff backoff;
    private final ClockOffset clock = new ClockOffset(60_000);
    private final Sink sink = new Sink();

    // feed-thread state
    private WebSocket socket;
    private CompletableFuture<WebSocket> sends;
    private int session;
    private boolean everConnected;
    private int connectFailures;
    private long connectedAtNanos;
    private long lastFrameNanos;
    private long snapshotsBlockedUntilNanos;
    private InstrumentSpec frameInstrument;
    private int warnings;
    private boolean stopped;

    private volatile FeedState state = FeedState.CONNECTING;
    private volatile Instant connectedSince;
    private volatile long reconnects;
    private volatile long sessionMalformed;
    private volatile String detail = "";

    /**
     * @param settings the checked configuration
     * @param protocol the venue's protocol
     * @param books creates the feed's own books
     * @param specs scales of each instrument (the same the protocol parses with)
     */
    public LiveFeed(LiveFeedSettings settings, VenueProtocol protocol, OrderBookFactory books,
            Function<InstrumentId, InstrumentSpec> specs) {
        this.settings = settings;
        this.protocol = protocol;
        this.logger = LoggerFactory.getLogger(LiveFeed.class.getName() + "." + settings.feedId());
        for (String symbol : settings.symbols()) {
            InstrumentSpec spec = specs.apply(InstrumentId.ofVenueSymbol(settings.venue(), symbol));
            this.specs.add(spec);
            channels.put(spec.id(), new LiveChannel(spec, this, books.create(spec), settings.maxBuffered()));
        }
        this.backoff = new Backoff(settings.backoffInitialMillis(), settings.backoffMaxMillis(),
                bound -> ThreadLocalRandom.current().nextLong(bound));
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "feed-" + settings.feedId());
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(settings.connectTimeoutMillis())).build();
    }

    /** Opens the first connection and starts the watchdog. */
    public void start() {
        long period = Math.max(20, Math.min(1_000, settings.staleMillis() / 4));
        thread.scheduleWithFixedDelay(this::watchdog, period, period, TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::ping, settings.pingIntervalMillis(), settings.pingIntervalMillis(),
                TimeUnit.MILLISECONDS);
        run(this::connect);
        logger.info("Live feed {} ({}): {} instrument(s) {}, stream {}", settings.feedId(), settings.venue().cliName(),
                specs.size(), settings.symbols(), protocol.streamUri(specs));
    }

    /** Closes the connection and stops the thread; listeners get nothing more. */
    public void stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (run(() -> {
            stopped = true;
            session++;
            closeSocket();
            state = FeedState.STOPPED;
            done.complete(null);
        })) {
            try {
                done.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                logger.debug("Feed {} did not stop cleanly: {}", settings.feedId(), e.toString());
            }
        }
        thread.shutdownNow();
        state = FeedState.STOPPED;
        logger.info("Live feed {} stopped", settings.feedId());
    }

    // ---- connection ----

    private void connect() {
        if (stopped) {
            return;
        }
        int s = ++session;
        state = FeedState.CONNECTING;
        URI uri = protocol.streamUri(specs);
        http.newWebSocketBuilder().connectTimeout(Duration.ofMillis(settings.connectTimeoutMillis()))
                .buildAsync(uri, new SocketListener(s))
                .whenComplete((ws, error) -> {
                    if (!run(() -> opened(s, ws, error)) && ws != null) {
                        ws.abort();
                    }
                });
    }

    private void opened(int s, WebSocket ws, Throwable error) {
        if (s != session || stopped) {
            if (ws != null) {
                ws.abort();
            }
            return;
        }
        if (error != null) {
            String why = "cannot connect to " + protocol.streamUri(specs) + ": " + describe(error);
            detail = why;
            state = FeedState.DISCONNECTED;
            scheduleReconnect(why);
            return;
        }
        socket = ws;
        sends = CompletableFuture.completedFuture(ws);
        long now = System.nanoTime();
        connectedAtNanos = now;
        lastFrameNanos = now;
        connectedSince = Instant.now();
        if (everConnected) {
            reconnects++;
        }
        everConnected = true;
        state = FeedState.DEGRADED;
        logger.info("Feed {} connected to {}", settings.feedId(), protocol.streamUri(specs));
        for (String message : protocol.onOpen(specs)) {
            send(message);
        }
        for (LiveChannel c : channels.values()) {
            if (protocol.snapshotUri(c.spec()) == null) {
                // the subscription just sent brings the snapshot
                c.snapshotPending = true;
                c.snapshotToken++;
                c.snapshotRequestedAt = now;
            } else {
                c.snapshotPending = false;
                requestSnapshot(c);
            }
        }
    }

    private void lost(int s, String why, boolean quick) {
        if (s != session || stopped) {
            return;
        }
        session++;
        closeSocket();
        detail = why;
        state = FeedState.DISCONNECTED;
        for (LiveChannel c : channels.values()) {
            boolean announce = c.announced;
            c.connectionReset();
            if (announce) {
                c.announced = false;
                announceReset(c.spec().id(), "connection lost: " + why);
            }
        }
        if (quick) {
            logger.info("Feed {}: {}; reconnecting now", settings.feedId(), why);
            run(this::connect);
        } else {
            scheduleReconnect(why);
        }
    }

    private void scheduleReconnect(String why) {
        long delay = backoff.delayMillis(connectFailures++);
        logger.warn("Feed {}: {}; reconnecting in {} ms (attempt {})", settings.feedId(), why, delay, connectFailures);
        schedule(this::connect, delay);
    }

    private void closeSocket() {
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.abort();
        }
    }

    private void send(String text) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        int s = session;
        sends = sends.thenCompose(w -> w.sendText(text, true)).whenComplete((w, e) -> {
            if (e != null) {
                run(() -> lost(s, "sending to the venue failed: " + describe(e), false));
            }
        });
    }

    private void ping() {
        WebSocket ws = socket;
        if (ws != null) {
            sends = sends.thenCompose(w -> w.sendPing(ByteBuffer.allocate(0)));
        }
    }

    private void watchdog() {
        if (socket == null || stopped) {
            return;
        }
        long now = System.nanoTime();
        long idleMillis = (now - lastFrameNanos) / 1_000_000;
        if (idleMillis > settings.staleMillis()) {
            lost(session, "no message for " + idleMillis + " ms (stale.ms = " + settings.staleMillis()
                    + ") while the socket looked open", false);
            return;
        }
        long ageMillis = (now - connectedAtNanos) / 1_000_000;
        if (ageMillis > settings.maxConnectionAgeMillis()) {
            lost(session, "connection is " + ageMillis + " ms old (max.connection.age.ms = "
                    + settings.maxConnectionAgeMillis() + "): rotating before the venue closes it", true);
            return;
        }
        long retryNanos = 2 * settings.snapshotTimeoutMillis() * 1_000_000;
        for (LiveChannel c : channels.values()) {
            if (c.state() != BookState.LIVE && now - c.snapshotRequestedAt > retryNanos) {
                c.snapshotPending = false;
                c.snapshotFailures++;
                requestSnapshot(c);
            }
        }
    }

    // ---- frames ----

    private void frame(int s, String text, long localNanos) {
        if (s != session) {
            return;
        }
        lastFrameNanos = System.nanoTime();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        frameInstrument = null;
        protocol.onFrame(bytes, bytes.length, localNanos, sink);
        tap(frameInstrument, localNanos, bytes);
    }

    private void tap(InstrumentSpec instrument, long localNanos, byte[] bytes) {
        for (RawMessageSink r : sinks) {
            try {
                r.onRawMessage(settings.feedId(), settings.venue(), instrument == null ? null : instrument.id(), localNanos,
                        bytes, bytes.length);
            } catch (RuntimeException e) {
                logger.warn("Raw message sink {} failed: {}", r, e.toString());
            }
        }
    }

    private LiveChannel channel(InstrumentSpec spec) {
        return spec == null ? null : channels.get(spec.id());
    }

    private final class Sink implements FrameSink {
        @Override
        public void update(InstrumentSpec instrument, BookDelta update) {
            LiveChannel c = channel(instrument);
            if (c == null) {
                malformed(null, "depth update for " + instrument.id() + ", which this feed did not subscribe to");
                return;
            }
            frameInstrument = instrument;
            clock.sample(update.localTimeNanos() / 1_000_000, update.exchangeTimeMillis());
            c.onUpdate(update);
        }

        @Override
        public void snapshot(InstrumentSpec instrument, BookDelta snapshot) {
            LiveChannel c = channel(instrument);
            if (c == null) {
                malformed(null, "snapshot for " + instrument.id() + ", which this feed did not subscribe to");
                return;
            }
            frameInstrument = instrument;
            c.snapshotPending = false;
            c.onSnapshot(snapshot);
        }

        @Override
        public void malformed(InstrumentSpec instrument, String what) {
            LiveChannel c = channel(instrument);
            if (c != null) {
                frameInstrument = instrument;
                c.malformed(what);
            } else {
                sessionMalformed++;
            }
            warn("malformed message" + (c == null ? "" : " for " + c.spec().id()) + ": " + what + " (not applied)");
        }

        @Override
        public void skipped(InstrumentSpec instrument) {
            if (channel(instrument) != null) {
                frameInstrument = instrument;
            }
        }

        @Override
        public void sessionEnding(String why) {
            lost(session, "venue announced the end of the connection (" + why + ")", true);
        }

        @Override
        public void venueError(InstrumentSpec instrument, String what) {
            LiveChannel c = channel(instrument);
            if (c != null) {
                frameInstrument = instrument;
                c.malformed(what);
            }
            detail = "venue error" + (c == null ? "" : " for " + c.spec().id()) + ": " + what;
            warn(detail);
        }
    }

    private void warn(String message) {
        if (warnings++ < WARNINGS_BEFORE_DEBUG) {
            logger.warn("Feed {}: {}", settings.feedId(), message);
            if (warnings == WARNINGS_BEFORE_DEBUG) {
                logger.warn("Feed {}: further problems are logged at debug; te:feeds shows the counters", settings.feedId());
            }
        } else {
            logger.debug("Feed {}: {}", settings.feedId(), message);
        }
    }

    // ---- snapshots ----

    /** Asks for a snapshot now, or after the backoff of the failures so far and any rate-limit pause. */
    private void requestSnapshot(LiveChannel c) {
        if (c.snapshotPending || socket == null || stopped) {
            return;
        }
        c.snapshotPending = true;
        long token = ++c.snapshotToken;
        long delay = c.snapshotFailures == 0 ? 0 : backoff.delayMillis(c.snapshotFailures - 1);
        long blocked = (snapshotsBlockedUntilNanos - System.nanoTime()) / 1_000_000;
        delay = Math.max(delay, blocked);
        c.snapshotRequestedAt = System.nanoTime() + delay * 1_000_000;
        if (delay == 0) {
            fetchSnapshot(c, token, session);
        } else {
            int s = session;
            schedule(() -> fetchSnapshot(c, token, s), delay);
        }
    }

    private void fetchSnapshot(LiveChannel c, long token, int s) {
        if (s != session || token != c.snapshotToken || socket == null) {
            return;
        }
        c.snapshotRequestedAt = System.nanoTime();
        URI uri = protocol.snapshotUri(c.spec());
        if (uri == null) {
            for (String message : protocol.resubscribe(c.spec())) {
                send(message);
            }
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(settings.snapshotTimeoutMillis())).GET()
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
            long at = nowNanos();
            run(() -> snapshotResponse(c, token, s, uri, response, error, at));
        });
    }

    private void snapshotResponse(LiveChannel c, long token, int s, URI uri, HttpResponse<byte[]> response, Throwable error,
            long localNanos) {
        if (s != session || token != c.snapshotToken) {
            return;
        }
        c.snapshotPending = false;
        if (error != null) {
            snapshotFailed(c, "snapshot request " + uri + " failed: " + describe(error));
            return;
        }
        int status = response.statusCode();
        if (status == 429 || status == 418) {
            long retryAfter = retryAfterMillis(response, status == 418 ? 120_000 : 10_000);
            snapshotsBlockedUntilNanos = Math.max(snapshotsBlockedUntilNanos, System.nanoTime() + retryAfter * 1_000_000);
            String why = "snapshot request " + uri + " refused with HTTP " + status
                    + (status == 418 ? " (IP banned for repeated rate-limit violations)" : " (rate limit)")
                    + ": no snapshot request for " + retryAfter + " ms (Retry-After)";
            detail = why;
            warn(why);
            requestSnapshot(c);
            return;
        }
        if (status != 200) {
            String body = new String(response.body(), 0, Math.min(200, response.body().length), StandardCharsets.UTF_8);
            snapshotFailed(c, "snapshot request " + uri + " answered HTTP " + status + ": " + body);
            return;
        }
        byte[] body = response.body();
        frameInstrument = null;
        protocol.onSnapshotBody(body, body.length, localNanos, c.spec(), sink);
        tap(c.spec(), localNanos, body);
    }

    private void snapshotFailed(LiveChannel c, String why) {
        c.snapshotFailures++;
        detail = why;
        warn(why);
        requestSnapshot(c);
    }

    private static long retryAfterMillis(HttpResponse<?> response, long dflt) {
        String v = response.headers().firstValue("Retry-After").orElse("").trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? dflt : Math.max(1, seconds) * 1_000;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    // ---- channel callbacks (feed thread) ----

    SyncRules rules() {
        return protocol.rules();
    }

    long clockOffsetMillis() {
        return clock.estimateMillis();
    }

    void channelLive(LiveChannel c) {
        connectFailures = 0;
        boolean all = channels.values().stream().allMatch(ch -> ch.state() == BookState.LIVE);
        if (all && socket != null) {
            state = FeedState.LIVE;
        }
        logger.info("Feed {}: {} LIVE at update id {}", settings.feedId(), c.spec().id(), c.book().lastUpdateId());
    }

    /**
     * @param c the instrument
     * @param why what broke
     * @param wasLive true for a gap or crossed book on a LIVE book (re-snapshot at once), false for a snapshot that
     *     did not bridge the stream (retried with backoff)
     */
    void channelBroken(LiveChannel c, String why, boolean wasLive) {
        if (socket != null) {
            state = FeedState.DEGRADED;
        }
        logger.warn("Feed {}: {} INVALID: {}; re-synchronising from a new snapshot", settings.feedId(), c.spec().id(), why);
        if (c.announced) {
            c.announced = false;
            announceReset(c.spec().id(), why);
        }
        if (!wasLive) {
            c.snapshotFailures++;
        }
        c.snapshotPending = false;
        requestSnapshot(c);
    }

    void deliver(BookDelta delta) {
        for (FeedListener l : listeners) {
            try {
                l.onDelta(delta);
            } catch (RuntimeException e) {
                listenerFailed(l, e);
            }
        }
    }

    private void announceReset(InstrumentId id, String why) {
        for (FeedListener l : listeners) {
            try {
                l.onReset(id, why);
            } catch (RuntimeException e) {
                listenerFailed(l, e);
            }
        }
    }

    private void listenerFailed(FeedListener l, RuntimeException e) {
        if (failingListeners.add(l)) {
            logger.error("Feed {}: listener {} failed (logged once): {}", settings.feedId(), l, e.toString(), e);
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
        run(() -> {
            long now = nowNanos();
            for (LiveChannel c : channels.values()) {
                if (c.state() == BookState.LIVE) {
                    listener.onDelta(BookSnapshots.of(c.book(), now));
                }
            }
            listeners.add(listener);
        });
    }

    @Override
    public void removeListener(FeedListener listener) {
        listeners.remove(listener);
    }

    @Override
    public InstrumentSpec spec(InstrumentId instrument) {
        LiveChannel c = channels.get(instrument);
        return c != null ? c.spec() : MarketDataFeed.super.spec(instrument);
    }

    @Override
    public FeedStatus status() {
        List<InstrumentFeedStatus> list = new ArrayList<>();
        long malformed = sessionMalformed;
        for (LiveChannel c : channels.values()) {
            list.add(c.status());
            malformed += c.malformedCount();
        }
        FeedState s = state;
        return new FeedStatus(settings.feedId(), settings.venue(), s, s == FeedState.LIVE || s == FeedState.DEGRADED
                ? connectedSince : null, reconnects, malformed, detail, list, clock.estimateMillis());
    }

    /**
     * Adds a raw message sink (the recorder).
     *
     * @param s the sink
     */
    public void addRawSink(RawMessageSink s) {
        sinks.add(s);
    }

    /**
     * Removes a raw message sink.
     *
     * @param s the sink
     */
    public void removeRawSink(RawMessageSink s) {
        sinks.remove(s);
    }

    /** @return the settings */
    public LiveFeedSettings settings() {
        return settings;
    }

    // ---- helpers ----

    private boolean run(Runnable r) {
        try {
            thread.execute(() -> safely(r));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void schedule(Runnable r, long delayMillis) {
        try {
            thread.schedule(() -> safely(r), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopped
        }
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            logger.error("Feed {}: unexpected failure on the feed thread (the feed keeps running): {}", settings.feedId(),
                    e.toString(), e);
        }
    }

    static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static String describe(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return c.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private final class SocketListener implements WebSocket.Listener {
        private final int s;
        private final StringBuilder partial = new StringBuilder();

        SocketListener(int s) {
            this.s = s;
        }

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long at = nowNanos();
            if (!last) {
                partial.append(data);
            } else {
                String text = partial.length() == 0 ? data.toString() : partial.append(data).toString();
                partial.setLength(0);
                run(() -> frame(s, text, at));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            if (last) {
                run(() -> sink.malformed(null, "binary frame (" + data.remaining() + " bytes) on a text protocol"));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            run(() -> lost(s, "venue closed the connection (code " + code + (reason == null || reason.isEmpty() ? ""
                    : ", " + reason) + ")", false));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            run(() -> lost(s, "connection failed: " + describe(error), false));
        }
    }
}
