// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.emulator.EmulatedVenue;
import org.tradeengine.emulator.EmulatorOptions;
import org.tradeengine.emulator.EmulatorStats;
import org.tradeengine.emulator.Fault;
import org.tradeengine.emulator.TrueBook;
import org.tradeengine.emulator.internal.recording.Frame;
import org.tradeengine.emulator.internal.recording.Recording;

/**
 * The heart of one emulator: symbol states (truth), open sessions, pending faults, the timeline thread and the
 * housekeeping task. One lock guards the timeline, the truth, snapshots and every send, so a snapshot is always
 * consistent with what the sessions have been sent.
 */
public final class Engine implements AutoCloseable {

    /** A snapshot as served. @param body the bytes @param recorded whether they are the recorded ones */
    public record Snapshot(String body, boolean recorded) {
    }

    private final Logger logger = LoggerFactory.getLogger(Engine.class);
    private final EmulatedVenue venue;
    private final EmulatorOptions options;
    private final Recording recording;
    private final VenueProtocol protocol;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Map<String, SymbolState> symbols = new LinkedHashMap<>();
    private final Set<EmuSession> sessions = ConcurrentHashMap.newKeySet();
    private final FaultBook faults = new FaultBook();
    private final Dispatcher dispatcher;
    private final AtomicLong sessionsOpened = new AtomicLong();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong restRequests = new AtomicLong();
    private long snapshotsServed;
    private long recordedSnapshotsServed;
    private long faultsInjected;
    private long pongTimeouts;
    private long passesCompleted;
    private volatile boolean paused;
    private volatile boolean finished;
    private volatile boolean closing;
    private ScheduledExecutorService scheduler;
    private Thread timeline;

    /**
     * @param venue the venue
     * @param options settings
     * @param recording the parsed recording
     * @param protocol the venue protocol
     */
    public Engine(EmulatedVenue venue, EmulatorOptions options, Recording recording, VenueProtocol protocol) {
        this.venue = venue;
        this.options = options;
        this.recording = recording;
        this.protocol = protocol;
        for (String s : recording.symbols()) {
            symbols.put(s, new SymbolState(recording.snapshots().get(s), protocol.syncRule(), options.digestHistory(),
                    recording.priceScale().getOrDefault(s, 0), recording.qtyScale().getOrDefault(s, 0)));
        }
        this.paused = options.startPaused();
        this.dispatcher = new Dispatcher(symbols, sessions, faults, protocol);
    }

    // 1. Lifecycle.

    /** Starts the timeline thread and the housekeeping task. */
    public void startTimeline() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "emulator-" + venue.cliName()
                + "-scheduler"));
        long tick = housekeepingTickNanos();
        scheduler.scheduleAtFixedRate(this::housekeeping, tick, tick, TimeUnit.NANOSECONDS);
        timeline = daemon(new Timeline(this), "emulator-" + venue.cliName() + "-timeline");
        timeline.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private long housekeepingTickNanos() {
        long min = Math.min(Math.min(options.pingInterval().toNanos(), options.pongTimeout().toNanos()),
                Math.min(options.maxConnectionAge().toNanos(), options.heartbeatInterval().toNanos()));
        return Math.max(TimeUnit.MILLISECONDS.toNanos(5), Math.min(TimeUnit.SECONDS.toNanos(1), min / 4));
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            wake.signalAll();
            sessions.forEach(s -> s.close(1001, "emulator closed"));
        } finally {
            lock.unlock();
        }
        if (timeline != null) {
            timeline.interrupt();
            try {
                timeline.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    boolean isClosing() {
        return closing;
    }

    // 2. Timeline (called by Timeline with the lock held).

    /** @return true if it had to wait because the timeline was paused */
    boolean awaitRunnable() throws InterruptedException {
        boolean waited = false;
        while (paused && !closing) {
            waited = true;
            wake.await();
        }
        return waited;
    }

    void process(Frame f) {
        dispatcher.process(f);
    }

    /** @return whether the timeline goes on with another pass */
    boolean endOfPass() {
        lock.lock();
        try {
            passesCompleted++;
            if (!options.loop() || closing) {
                finished = true;
                logger.debug("{} timeline finished after pass {}", venue, passesCompleted);
                return false;
            }
            for (EmuSession s : sessions) {
                protocol.shutdown(s);
            }
            symbols.values().forEach(SymbolState::reset);
            return true;
        } finally {
            lock.unlock();
        }
    }

    // 3. Sessions (called by EmuSession).

    void opened(EmuSession s) {
        lock.lock();
        try {
            sessions.add(s);
            sessionsOpened.incrementAndGet();
            s.opened();
        } finally {
            lock.unlock();
        }
    }

    void received(EmuSession s, String text) {
        lock.lock();
        try {
            s.received(text);
        } catch (RuntimeException e) {
            logger.warn("session {}: cannot handle client message {}: {}", s.id(), abbreviate(text), e.toString());
        } finally {
            lock.unlock();
        }
    }

    void pong(EmuSession s) {
        lock.lock();
        try {
            s.pingSentNanos = -1;
        } finally {
            lock.unlock();
        }
    }

    void closed(EmuSession s) {
        sessions.remove(s);
    }

    void countSent() {
        framesSent.incrementAndGet();
    }

    private void housekeeping() {
        lock.lock();
        try {
            long now = System.nanoTime();
            for (EmuSession s : sessions) {
                if (now - s.openedNanos() >= options.maxConnectionAge().toNanos()) {
                    s.close(1000, "max connection age");
                    continue;
                }
                if (s.isSilent() || s.isClosing()) {
                    continue;
                }
                if (protocol.serverPings()) {
                    if (s.pingSentNanos >= 0 && now - s.pingSentNanos >= options.pongTimeout().toNanos()) {
                        pongTimeouts++;
                        logger.debug("session {} did not answer a ping in {}; dropped", s.id(), options.pongTimeout());
                        s.disconnect();
                        continue;
                    }
                    if (now - s.lastPingNanos >= options.pingInterval().toNanos()) {
                        s.ping();
                        s.lastPingNanos = now;
                        if (s.pingSentNanos < 0) {
                            s.pingSentNanos = now;
                        }
                    }
                }
                s.tick(now);
            }
        } catch (RuntimeException e) {
            logger.warn("emulator housekeeping failed: {}", e.toString());
        } finally {
            lock.unlock();
        }
    }

    // 4. API.

    /**
     * @param kind fault
     * @param symbol target (mandatory for event faults, else optional)
     * @param param count (0 counts as 1)
     */
    public void inject(Fault kind, String symbol, long param) {
        Objects.requireNonNull(kind, "fault kind");
        if (param < 0) {
            throw new IllegalArgumentException("fault param must be >= 0, was " + param);
        }
        long n = Math.max(1, param);
        String sym = symbol == null || symbol.isBlank() ? null : requireSymbol(symbol);
        if (kind.needsSymbol() && sym == null) {
            throw new IllegalArgumentException("fault " + kind + " needs a symbol; known: " + symbols.keySet());
        }
        lock.lock();
        try {
            faultsInjected++;
            switch (kind) {
                case DROP_CONNECTION -> sessions.forEach(s -> {
                    faults.applied(1);
                    s.disconnect();
                });
                case SILENT -> sessions.forEach(s -> {
                    faults.applied(1);
                    s.silence();
                });
                case SERVER_SHUTDOWN -> sessions.forEach(s -> {
                    faults.applied(1);
                    protocol.shutdown(s);
                });
                case HTTP_429, HTTP_418 -> faults.add(kind, FaultBook.ANY, n);
                case SLOW_SNAPSHOT -> faults.add(kind, sym == null ? FaultBook.ANY : sym, n);
                default -> faults.add(kind, sym, n);
            }
        } finally {
            lock.unlock();
        }
        logger.debug("{} fault {} injected for {} (param {})", venue, kind, sym, param);
    }

    /** @param kind HTTP_429 or HTTP_418 @return whether the next REST depth request takes it */
    public boolean takeHttpFault(Fault kind) {
        lock.lock();
        try {
            return faults.take(kind, FaultBook.ANY);
        } finally {
            lock.unlock();
        }
    }

    /** @param symbol venue symbol @return whether its next snapshot is delayed */
    public boolean takeSlowSnapshot(String symbol) {
        lock.lock();
        try {
            return faults.take(Fault.SLOW_SNAPSHOT, symbol) || faults.take(Fault.SLOW_SNAPSHOT, FaultBook.ANY);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The snapshot a client gets now: the recorded bytes while the timeline has not passed the recorded snapshot's
     * id, else the full truth with the id of the last event sent.
     *
     * @param symbol venue symbol (resolved)
     * @return the snapshot
     */
    public Snapshot snapshot(String symbol) {
        lock.lock();
        try {
            SymbolState st = symbols.get(symbol);
            snapshotsServed++;
            if (st.recordedSnapshotValid()) {
                recordedSnapshotsServed++;
                return new Snapshot(st.recorded().body(), true);
            }
            return new Snapshot(protocol.synthesizeSnapshot(st), false);
        } finally {
            lock.unlock();
        }
    }

    /** Pauses the timeline; when this returns no frame is being sent. */
    public void pause() {
        lock.lock();
        try {
            paused = true;
        } finally {
            lock.unlock();
        }
    }

    /** Resumes the timeline, paced from now. */
    public void resume() {
        lock.lock();
        try {
            paused = false;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @param symbol any case @return the venue symbol, empty if the recording has none such */
    public Optional<String> resolveSymbol(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        String u = symbol.trim().toUpperCase(Locale.ROOT);
        return symbols.containsKey(u) ? Optional.of(u) : Optional.empty();
    }

    /** @param symbol any case @return the venue symbol @throws IllegalArgumentException if unknown */
    public String requireSymbol(String symbol) {
        return resolveSymbol(symbol).orElseThrow(() -> new IllegalArgumentException("unknown symbol '" + symbol
                + "' for " + venue.cliName() + "; known: " + symbols.keySet()));
    }

    /** @param symbol any case @return last depth event id the timeline emitted, -1 before the first */
    public long lastSentUpdateId(String symbol) {
        String s = requireSymbol(symbol);
        lock.lock();
        try {
            return symbols.get(s).lastSentId();
        } finally {
            lock.unlock();
        }
    }

    /** @param symbol any case @param updateId applied id @return truth digest right after it */
    public OptionalLong truthDigest(String symbol, long updateId) {
        String s = requireSymbol(symbol);
        lock.lock();
        try {
            return symbols.get(s).truth().digestAt(updateId);
        } finally {
            lock.unlock();
        }
    }

    /** @param symbol any case @return copy of the true book */
    public TrueBook trueBook(String symbol) {
        String s = requireSymbol(symbol);
        lock.lock();
        try {
            return symbols.get(s).truth().copy();
        } finally {
            lock.unlock();
        }
    }

    /** @return counters */
    public EmulatorStats stats() {
        lock.lock();
        try {
            return new EmulatorStats(sessionsOpened.get(), sessions.size(), snapshotsServed,
                    recordedSnapshotsServed, framesSent.get(), dispatcher.eventsReplayed(), faultsInjected, faults.applied(),
                    restRequests.get(), pongTimeouts, passesCompleted, paused, finished);
        } finally {
            lock.unlock();
        }
    }

    /** @return pending fault counts per symbol ({@code *} = venue-wide); call with the lock held */
    public Map<String, Map<Fault, Long>> pendingFaults() {
        return faults.pending();
    }

    /** Counts a venue REST request. */
    public void countRest() {
        restRequests.incrementAndGet();
    }

    /** @return the lock guarding timeline, truth and sends */
    public ReentrantLock lock() {
        return lock;
    }

    /** @return the scheduler for delayed answers */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** @return the symbol states in recording order; use with the lock held */
    public Map<String, SymbolState> symbolStates() {
        return symbols;
    }

    /** @return open sessions */
    public Set<EmuSession> sessions() {
        return sessions;
    }

    /** @return settings */
    public EmulatorOptions options() {
        return options;
    }

    /** @return the recording */
    public Recording recording() {
        return recording;
    }

    /** @return the venue */
    public EmulatedVenue venue() {
        return venue;
    }

    /** @return the protocol */
    public VenueProtocol protocol() {
        return protocol;
    }

    /** @param text a message @return at most 200 characters of it */
    public static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
