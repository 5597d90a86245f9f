// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.RestorePoint;
import org.tradeengine.api.book.BookView;
import org.tradeengine.api.broker.BookObserver;
import org.tradeengine.api.broker.Broker;
import org.tradeengine.api.broker.OpenOrder;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.risk.RiskService;
import org.tradeengine.api.strategy.ExitService;
import org.tradeengine.api.strategy.Signal;
import org.tradeengine.api.strategy.SignalListener;
import org.tradeengine.api.trading.Alert;
import org.tradeengine.api.trading.FillView;
import org.tradeengine.api.trading.PositionView;
import org.tradeengine.api.trading.RiskEvent;
import org.tradeengine.api.trading.TradingDesk;
import org.tradeengine.api.trading.TradingStatus;

/**
 * The trading desk without OSGi: turns signals into risk-checked orders, keeps positions and the account from the
 * fills, marks them on every book, runs the account risk and exit checks, and owns the trading state and the kill
 * switch. Every entry point runs under one lock ({@link DeskLock}); the work itself is in {@link DeskCore}.
 */
public class Desk implements TradingDesk, SignalListener, BookObserver {

    private static final long RESTORE_RETRY_MILLIS = 1000;
    private static final Duration RESTORE_WAIT = Duration.ofSeconds(5);

    private final Logger logger = LoggerFactory.getLogger(Desk.class);
    private final DeskSettings settings;
    private final DeskLock lock = new DeskLock();
    private final DeskCore core;
    private final Consumer<OrderEvent> listener;
    private ScheduledExecutorService watchdog;
    private ScheduledExecutorService restorer;
    private volatile AuditQueries queries;
    private long restoreFailures;

    /**
     * Builds the desk and restores the trading state from the state file (missing: ACTIVE; unreadable: HALTED).
     *
     * @param settings configuration
     * @param clock wall clock (state changes, alerts, retry periods)
     */
    public Desk(DeskSettings settings, Clock clock) {
        this.settings = settings;
        this.core = new DeskCore(settings, clock, lock);
        this.listener = ev -> lock.deliver(() -> core.onOrderEvent(ev));
    }

    /** Starts the {@code trading-watchdog} thread that retries the kill switch and gives up lost orders. */
    public void start() {
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trading-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = settings.flattenRetryMillis();
        watchdog.scheduleWithFixedDelay(this::watchdogTick, period, period, TimeUnit.MILLISECONDS);
        if (settings.restoreFromJournal()) {
            restorer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "trading-restore");
                t.setDaemon(true);
                return t;
            });
            restorer.scheduleWithFixedDelay(this::restoreTick, 0, RESTORE_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One attempt to restore from the journal (the {@code trading-restore} thread calls it every second until it
     * worked). The journal is asked outside the desk's lock, since it may wait for its database to catch up; the
     * restore point is applied under it.
     */
    void restoreTick() {
        if (!lock.call(core::needsRestore)) {
            return;
        }
        AuditQueries q = queries;
        if (q == null) {
            lock.run(() -> core.restoreWaiting("no audit journal service to restore from (install feature"
                    + " trade-engine-journal, or set restore.from.journal=false in etc/org.tradeengine.trading.cfg)"));
            return;
        }
        try {
            RestorePoint rp = q.restorePoint(RESTORE_WAIT);
            lock.run(() -> core.applyRestore(rp));
            logger.info("Trading desk: {}", lock.call(core::restoreStatus));
            if (restorer != null) {
                restorer.shutdown(); // done: brokers bound later are reconciled at their bind
            }
        } catch (RuntimeException e) {
            String why = "the audit journal cannot answer yet: " + e.getMessage();
            lock.run(() -> core.restoreWaiting(why));
            if (restoreFailures++ % 30 == 0) {
                logger.warn("Trading desk: entries wait for the restore; {}", why);
            }
        }
    }

    /** Stops the watchdog and leaves the brokers. */
    public void close() {
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        if (restorer != null) {
            restorer.shutdownNow();
        }
        lock.run(() -> {
            core.onStop();
            core.brokers.all().forEach(b -> b.removeListener(listener));
        });
    }

    /** One watchdog round (the watchdog thread calls it every {@code flatten.retry.ms}). */
    void watchdogTick() {
        lock.run(core::watchdogTick);
    }

    // ---- bindings ----

    /**
     * Binds a broker: its venue's orders, and those of venues without a broker if it is the paper broker, go to it.
     *
     * @param broker the broker
     * @param venue its {@code venue} service property
     */
    public void addBroker(Broker broker, Venue venue) {
        lock.run(() -> {
            Broker old = core.brokers.put(venue, broker);
            if (old != null && old != broker) {
                old.removeListener(listener);
            }
            broker.addListener(listener);
            logger.info("Broker {} bound ({})", venue, broker.isLive() ? "LIVE" : "simulated");
            core.reconcile(broker);
        });
    }

    /**
     * Unbinds a broker.
     *
     * @param broker the broker
     * @param venue its {@code venue} service property
     */
    public void removeBroker(Broker broker, Venue venue) {
        lock.run(() -> {
            if (core.brokers.remove(venue, broker)) {
                broker.removeListener(listener);
                core.forget(broker);
                logger.info("Broker {} unbound; its venue's orders go to the PAPER broker if there is one, else are refused",
                        venue);
            }
        });
    }

    /** @param service the risk service now in force */
    public void setRiskService(RiskService service) {
        core.gate.setRisk(service);
    }

    /** @param service the risk service going away */
    public void clearRiskService(RiskService service) {
        core.gate.clearRisk(service);
    }

    /** @param journal the audit journal now bound: every signal, order (before it is sent), event and decision goes to it */
    public void setJournal(org.tradeengine.api.audit.AuditJournal journal) {
        core.audit.set(journal);
    }

    /** @param journal the audit journal going away */
    public void clearJournal(org.tradeengine.api.audit.AuditJournal journal) {
        core.audit.clear(journal);
    }

    /** @param q the journal's queries: the desk restores from them at start */
    public void setAuditQueries(AuditQueries q) {
        queries = q;
    }

    /** @param q the journal's queries going away */
    public void clearAuditQueries(AuditQueries q) {
        if (queries == q) {
            queries = null;
        }
    }

    /** @param service the exit service now in force */
    public void setExitService(ExitService service) {
        core.gate.setExits(service);
    }

    /** @param service the exit service going away */
    public void clearExitService(ExitService service) {
        core.gate.clearExits(service);
    }

    // ---- engine callbacks ----

    @Override
    public void onSignal(Signal signal, BookView book, long localTimeNanos) {
        lock.run(() -> core.onSignal(signal, book, localTimeNanos));
    }

    @Override
    public void onBook(BookView book, long localTimeNanos) {
        lock.run(() -> core.onBook(book, localTimeNanos));
    }

    // ---- commands ----

    @Override
    public TradingStatus halt(String reason, String by) {
        String why = requireReason(reason);
        return lock.call(() -> {
            core.halt(why, who(by));
            return statusNow();
        });
    }

    @Override
    public TradingStatus kill(String reason, String by) {
        String why = requireReason(reason);
        return lock.call(() -> {
            core.kill(why, who(by));
            return statusNow();
        });
    }

    @Override
    public TradingStatus reduce(String reason, String by) {
        String why = requireReason(reason);
        return lock.call(() -> {
            TradingState s = core.state.state();
            if (s == TradingState.HALTED) {
                throw new IllegalStateException("trading is HALTED (latched: " + core.state.current().reason()
                        + "); te:reset first");
            }
            if (s == TradingState.ACTIVE) {
                core.state.set(TradingState.REDUCING, why, who(by));
                logger.info("Trading REDUCING by {}: {}", who(by), why);
            }
            return statusNow();
        });
    }

    @Override
    public TradingStatus resume(String reason, String by) {
        String why = requireReason(reason);
        return lock.call(() -> {
            TradingState s = core.state.state();
            if (s == TradingState.HALTED) {
                throw new IllegalStateException("trading is HALTED (latched: " + core.state.current().reason()
                        + "); only te:reset leaves HALTED, when flat");
            }
            if (s == TradingState.REDUCING) {
                core.state.set(TradingState.ACTIVE, why, who(by));
                logger.info("Trading ACTIVE again by {}: {}", who(by), why);
            }
            return statusNow();
        });
    }

    @Override
    public TradingStatus reset(String reason, String by) {
        String why = requireReason(reason);
        return lock.call(() -> {
            if (core.state.state() != TradingState.HALTED) {
                throw new IllegalStateException("trading is " + core.state.state() + ", not HALTED: nothing to reset");
            }
            core.stepSweep();
            String open = notFlat();
            if (!open.isEmpty()) {
                throw new IllegalStateException("not flat yet: " + open + "; te:kill flattens");
            }
            core.endSweep();
            core.state.set(TradingState.ACTIVE, why, who(by));
            logger.info("Trading reset to ACTIVE by {}: {}", who(by), why);
            return statusNow();
        });
    }

    /** @return what is still open (positions and orders at the brokers, the desk's positions), empty when flat */
    private String notFlat() {
        List<String> open = new ArrayList<>();
        for (Broker b : core.brokers.all()) {
            try {
                b.positions().forEach((id, q) -> {
                    if (q != null && q.signum() != 0) {
                        open.add(id + " " + q.toPlainString() + " at " + b.venue());
                    }
                });
                b.openOrders().forEach(o -> open.add("order " + o.clientOrderId() + " " + o.instrument() + " at " + b.venue()));
            } catch (RuntimeException e) {
                open.add("broker " + b.venue() + " cannot tell (" + e + ")");
            }
        }
        for (Position p : core.ledger.open()) {
            open.add("desk position " + p.instrument + " " + p.quantity().toPlainString());
        }
        return String.join(", ", open);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        return reason.strip();
    }

    private static String who(String by) {
        return by == null || by.isBlank() ? "unknown" : by.strip();
    }

    // ---- queries ----

    @Override
    public TradingStatus status() {
        return lock.call(this::statusNow);
    }

    private TradingStatus statusNow() {
        StateStore.Saved s = core.state.current();
        return new TradingStatus(s.state(), s.reason(), s.by(), s.since(), core.ledger.view(), core.ledger.open().size(),
                openOrdersNow().size(), core.flattening(), core.restoreStatus());
    }

    @Override
    public List<PositionView> positions() {
        return lock.call(core.ledger::views);
    }

    @Override
    public List<OpenOrder> openOrders() {
        return lock.call(this::openOrdersNow);
    }

    private List<OpenOrder> openOrdersNow() {
        List<OpenOrder> out = new ArrayList<>();
        for (Broker b : core.brokers.all()) {
            try {
                List<OpenOrder> open = b.openOrders();
                if (open != null) {
                    out.addAll(open);
                }
            } catch (RuntimeException e) {
                logger.debug("Broker {} failed to list its open orders: {}", b.venue(), e.toString());
            }
        }
        return out;
    }

    @Override
    public List<FillView> fills(int limit) {
        return lock.call(() -> core.history.fills.latest(limit));
    }

    @Override
    public List<RiskEvent> riskEvents(int limit) {
        return lock.call(() -> core.history.riskEvents.latest(limit));
    }

    @Override
    public List<Alert> alerts(int limit) {
        return lock.call(() -> core.history.alerts.latest(limit));
    }

    /** @return the session's round trips, win rate, profit factor, drawdown and fees */
    public SessionReport sessionReport() {
        return lock.call(core.ledger::report);
    }

    /** @return callbacks that failed (bugs) or brought unusable data; each was logged */
    public long callbackErrors() {
        return lock.failures() + lock.call(core::badEvents);
    }
}
