// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.audit.RestorePoint;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.BookView;
import org.tradeengine.api.broker.Broker;
import org.tradeengine.api.broker.OpenOrder;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.risk.OrderCheck;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.api.risk.RiskAction;
import org.tradeengine.api.risk.RiskDecision;
import org.tradeengine.api.strategy.ExitDecision;
import org.tradeengine.api.strategy.Signal;
import org.tradeengine.api.trading.FillView;
import org.tradeengine.api.trading.RiskEvent;

/**
 * What the desk does, always under its lock: entries from signals, fills into positions, marks, account risk and
 * exits, closes, and the kill switch. Numbered stages follow the life of an order.
 */
final class DeskCore {

    /** Purpose of the kill switch's closes. */
    static final String KILL_SWITCH = "kill-switch";
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** While a position is open, a point of the equity curve at most this often (event time); always after a fill. */
    private static final long EQUITY_INTERVAL_NANOS = 1_000_000_000L;

    /** Per-instrument market data: scales, last book time, LIVE or not, top of book (raw; MIN_VALUE if none). */
    private static final class Market {
        InstrumentSpec spec;
        long lastBookNanos;
        boolean live;
        long bid = Long.MIN_VALUE;
        long ask = Long.MIN_VALUE;
    }

    private final Logger logger = LoggerFactory.getLogger(DeskCore.class);
    private final DeskSettings settings;
    private final Clock clock;
    private final DeskLock lock;
    final Ledger ledger;
    final Orders orders;
    final Brokers brokers = new Brokers();
    final RiskGate gate = new RiskGate();
    final History history;
    final AuditTrail audit;
    final StateKeeper state;
    private final Map<InstrumentId, Market> markets = new HashMap<>();
    private final Sweep.Desk sweepOps = new SweepOps();
    private Sweep sweep;
    private long eventNanos;
    private long badEvents;
    private long lastEquityNanos = Long.MIN_VALUE;
    /** Restart: whether entries wait for the journal's restore point and each broker's reconciliation. */
    private final boolean restoreRequired;
    private boolean restored;
    private String restoreSummary = "";
    private String restoreProblem = "waiting for the audit journal (AuditQueries service) to restore positions, orders"
            + " and the trading state";
    private final Set<Broker> reconciled = Collections.newSetFromMap(new IdentityHashMap<>());

    DeskCore(DeskSettings settings, Clock clock, DeskLock lock) {
        this.settings = settings;
        this.clock = clock;
        this.lock = lock;
        this.ledger = new Ledger(settings.capital());
        this.orders = new Orders(clock.millis());
        this.history = new History(settings.historySize(), clock);
        this.state = new StateKeeper(new StateStore(settings.stateFile()), clock, history, settings.problems());
        this.audit = new AuditTrail(clock.millis());
        state.audit(audit);
        this.restoreRequired = settings.restoreFromJournal();
    }

    // ---- 0. market data ----

    void onBook(BookView book, long nanos) {
        Market m = touch(book, nanos);
        Position p = ledger.position(book.instrument());
        if (p != null && !p.isFlat()) {
            long raw = p.quantity().signum() > 0 ? m.bid : m.ask;
            if (m.live && raw != Long.MIN_VALUE) {
                ledger.mark(book.instrument(), raw, m.spec.priceScale(), true, nanos);
            } else {
                p.markStale(); // not LIVE: keep the last mark, but the risk check still runs, with bookLive false
            }
            afterMark(nanos);
            if (lastEquityNanos == Long.MIN_VALUE || nanos - lastEquityNanos >= EQUITY_INTERVAL_NANOS
                    || nanos < lastEquityNanos) {
                journalEquity(nanos);
            }
        }
        if (sweep != null) {
            stepSweep();
        }
    }

    private Market touch(BookView book, long nanos) {
        Market m = markets.computeIfAbsent(book.instrument(), k -> new Market());
        m.spec = book.spec();
        m.lastBookNanos = nanos;
        m.live = book.state() == BookState.LIVE;
        m.bid = book.bidDepth() > 0 ? book.bidPrice(0) : Long.MIN_VALUE;
        m.ask = book.askDepth() > 0 ? book.askPrice(0) : Long.MIN_VALUE;
        eventNanos = Math.max(eventNanos, nanos);
        ledger.rollDay(nanos); // the day's P&L starts at the first event of the UTC day, positioned or not
        return m;
    }

    // ---- 1. entries ----

    void onSignal(Signal signal, BookView book, long nanos) {
        Market m = touch(book, nanos);
        audit.signal(signal, orders.correlation(signal.sequence()), instant(nanos));
        InstrumentId id = book.instrument();
        // 1a. only in ACTIVE, only when flat with nothing pending, never a short on spot
        if (state.state() != TradingState.ACTIVE || !id.equals(signal.instrument())) {
            return;
        }
        if (ledger.quantity(id).signum() != 0 || orders.hasPending(id)) {
            return;
        }
        if (id.venue().isSpotOnly() && signal.side() == Side.SELL) {
            return;
        }
        // 1b. price from the book, size from the notional
        long raw = signal.side() == Side.BUY ? m.ask : m.bid;
        if (raw <= 0) {
            return;
        }
        BigDecimal price = BigDecimal.valueOf(raw, m.spec.priceScale());
        Quantity qty = entrySize(price, m.spec);
        if (qty == null) {
            if (gate.first("size:" + id)) {
                logger.warn("order.notional {} does not make a valid size (at least one lot) of {} at {}; its signals are skipped",
                        settings.orderNotional().toPlainString(), id, price.toPlainString());
            }
            return;
        }
        Instant at = instant(nanos);
        OrderIntent intent = new OrderIntent(orders.nextId(), orders.correlation(signal.sequence()), id, signal.side(),
                OrderType.MARKET, qty, null, false, signal.rule(), at);
        // 1c. a broker for it, then risk
        Broker broker = brokers.route(id);
        if (broker == null) {
            deny(at, "no-broker", "no broker for " + id.venue() + " and no PAPER broker to take " + intent.clientOrderId(),
                    intent);
            return;
        }
        if (!ready(broker)) {
            if (gate.first("restore-pending")) {
                logger.warn("Entries wait for the restart's restore and reconciliation: {}", restoreStatus());
            }
            return; // fail closed: positions, orders and state not known yet
        }
        RiskDecision d = gate.checkOrder(check(intent, price, m.live, nanos));
        switch (d.verdict()) {
            case ALLOW -> send(intent, broker, false, nanos);
            case DENY -> deny(at, d.rule(), d.reason(), intent);
            case HALT -> {
                recordRisk(new RiskEvent(at, "HALT", d.rule(), d.reason(), id, intent.clientOrderId()));
                kill(d.reason(), d.rule());
            }
        }
    }

    /** floor(notional / price) to the lot; null if that is not one lot (or does not fit a long). */
    private Quantity entrySize(BigDecimal price, InstrumentSpec spec) {
        long raw;
        try {
            raw = settings.orderNotional().divide(price, spec.qtyScale(), RoundingMode.DOWN).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
        raw -= raw % spec.lotSize();
        return raw > 0 ? new Quantity(raw, spec.qtyScale()) : null;
    }

    private void deny(Instant at, String rule, String reason, OrderIntent intent) {
        recordRisk(new RiskEvent(at, "DENY", rule, reason, intent.instrument(), intent.clientOrderId()));
        if (gate.first("deny:" + rule)) {
            String msg = "Entries denied by " + rule + " (logged once per rule; te:trading lists every denial): " + reason;
            if (rule.equals(RiskGate.NO_RISK_SERVICE) || rule.equals("no-broker") || rule.equals(RiskGate.RISK_ERROR)) {
                logger.warn(msg);
            } else {
                logger.info(msg);
            }
        }
    }

    private OrderCheck check(OrderIntent intent, BigDecimal price, boolean live, long nanos) {
        InstrumentId id = intent.instrument();
        Market m = markets.get(id);
        long dataAge = m == null ? Long.MAX_VALUE : Math.max(0, (nanos - m.lastBookNanos) / NANOS_PER_MILLI);
        Position p = ledger.position(id);
        long positionAge = p == null || p.isFlat() ? 0 : Math.max(0, (nanos - p.openedNanos()) / NANOS_PER_MILLI);
        return new OrderCheck(intent, price, ledger.quantity(id), orders.openQty(id),
                ledger.accountMark(state.state(), instant(nanos)), live, dataAge, orders.sentInLastMinute(nanos), positionAge);
    }

    // ---- 2. sending and the broker's answers ----

    private OrderRecord send(OrderIntent intent, Broker broker, boolean close, long nanos) {
        // journaled before it reaches the broker; an entry the journal refused is not sent, a close always is
        if (!audit.order(intent, broker.venue()) && !close) {
            deny(instant(nanos), "journal-unavailable", "the audit journal refused order " + intent.clientOrderId()
                    + ": an entry is only sent once it is journaled", intent);
            return null;
        }
        OrderRecord r = new OrderRecord(intent, broker, close, clock.millis());
        orders.add(r, nanos); // before submit: a simulated broker fills inside it
        try {
            CompletionStage<OrderEvent> stage = broker.submit(intent);
            if (stage == null) {
                answered(r, null, new IllegalStateException("the broker returned no answer"));
            } else {
                lock.whenDone(stage, (ev, err) -> answered(r, ev, err));
            }
        } catch (RuntimeException e) {
            answered(r, null, e);
        }
        return r;
    }

    /** The submit's answer only tells accepted or rejected; fills come through the listener. */
    private void answered(OrderRecord r, OrderEvent ev, Throwable err) {
        r.answered = true;
        if (err != null || ev == null || ev.type() == OrderEvent.Type.REJECTED) {
            rejected(r, err != null ? err.toString() : ev == null ? "empty answer" : ev.detail());
        }
    }

    private void rejected(OrderRecord r, String detail) {
        r.failed = true;
        r.detail = detail;
        if (!r.done) {
            orders.finish(r);
            logger.info("Order {} {} {} {} ({}) rejected by {}: {}", r.id(), r.intent.side(), r.intent.quantity(),
                    r.intent.instrument(), r.purpose(), r.broker.venue(), detail);
        }
    }

    void onOrderEvent(OrderEvent ev) {
        OrderRecord r = orders.get(ev.clientOrderId());
        String corr = !ev.correlationId().isEmpty() ? ev.correlationId() : r != null ? r.intent.correlationId() : "";
        String purpose = r != null ? r.purpose() : "unknown order";
        switch (ev.type()) {
            case FILL -> fill(ev, r, corr, purpose);
            case REJECTED -> {
                audit.orderEvent(ev, corr, purpose, null);
                if (r != null) {
                    rejected(r, ev.detail());
                }
            }
            case ACCEPTED, CANCELLED -> {
                audit.orderEvent(ev, corr, purpose, null);
                if (r != null && ev.leavesQty() != null) {
                    r.leaves = ev.leavesQty().toBigDecimal();
                }
            }
        }
        if (r != null && ev.isFinal()) {
            orders.finish(r);
        }
    }

    // ---- 3. fills into positions and P&L ----

    /**
     * Applies a fill to its position and journals it with the realized P&amp;L it made, then the position and the
     * account it left (what a restart reads back). An unusable fill is journaled as it came, counted and logged once.
     */
    private void fill(OrderEvent ev, OrderRecord r, String corr, String purpose) {
        if (ev.fillQty() == null || ev.fillQty().raw() <= 0 || ev.fillPrice() == null || ev.instrument() == null
                || ev.side() == null) {
            audit.orderEvent(ev, corr, purpose, null);
            badEvents++;
            if (gate.first("bad-fill")) {
                logger.warn("Ignored a fill without quantity, price, instrument or side (logged once): {}", ev);
            }
            return;
        }
        BigDecimal qty = ev.fillQty().toBigDecimal();
        BigDecimal price = ev.fillPrice().toBigDecimal();
        BigDecimal fee = ev.fee() == null ? BigDecimal.ZERO : ev.fee();
        Instant at = ev.at() != null ? ev.at() : instant(eventNanos);
        long atNanos = Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L) + at.getNano();
        eventNanos = Math.max(eventNanos, atNanos);
        Position.FillResult result = ledger.fill(ev.instrument(), ev.side(), qty, price, fee, at, atNanos, corr);
        audit.orderEvent(ev, corr, purpose, result.realized());
        audit.position(ledger.position(ev.instrument()), at);
        journalEquity(eventNanos);
        if (r != null) {
            r.leaves = ev.leavesQty() != null ? ev.leavesQty().toBigDecimal() : r.leaves.subtract(qty).max(BigDecimal.ZERO);
        } else if (gate.first("unknown-order:" + ev.instrument())) {
            logger.warn("Fill for an order the desk did not send (applied to the position; logged once): {}", ev);
        }
        history.fills.add(new FillView(ev.clientOrderId(), corr, ev.instrument(), ev.side(), qty, price, fee,
                ev.liquidity(), purpose, at));
    }

    // ---- 4. account risk and exits after a mark ----

    private void afterMark(long nanos) {
        List<PositionMark> marks = ledger.marks(nanos);
        if (marks.isEmpty()) {
            return;
        }
        Instant at = instant(nanos);
        List<RiskAction> actions = gate.checkAccount(ledger.accountMark(state.state(), at), marks);
        for (RiskAction a : actions) {
            if (a.kind() == RiskAction.Kind.HALT && !flattening()) {
                recordRisk(new RiskEvent(at, "HALT", a.rule(), a.reason(), a.instrument(), ""));
                kill(a.reason(), a.rule());
            } else if (a.kind() == RiskAction.Kind.REDUCE && state.state() == TradingState.ACTIVE) {
                recordRisk(new RiskEvent(at, "REDUCE", a.rule(), a.reason(), a.instrument(), ""));
                state.set(TradingState.REDUCING, a.reason(), a.rule());
                logger.info("Trading REDUCING by risk rule {}: {}", a.rule(), a.reason());
            }
        }
        if (flattening()) {
            return; // the kill switch closes everything
        }
        // the strategy's own exits first; a risk FLATTEN (e.g. max-hold) is the backstop for a position still open
        for (ExitDecision x : gate.checkExits(marks)) {
            if (canClose(x.instrument())) {
                logger.debug("Exit {} closes {}: {}", x.rule(), x.instrument(), x.reason());
                closePosition(x.instrument(), x.rule());
            }
        }
        for (RiskAction a : actions) {
            if (a.kind() == RiskAction.Kind.FLATTEN && canClose(a.instrument())) {
                OrderRecord c = closePosition(a.instrument(), a.rule());
                recordRisk(new RiskEvent(at, "FLATTEN", a.rule(), a.reason(), a.instrument(),
                        c == null ? "" : c.id()));
            }
        }
    }

    /** At most one close pending per instrument, and only for a position. */
    private boolean canClose(InstrumentId id) {
        return orders.pendingClose(id) == null && ledger.quantity(id).signum() != 0;
    }

    // ---- 5. closes: reduce-only, checked and recorded, never blocked ----

    private OrderRecord closePosition(InstrumentId id, String purpose) {
        Broker b = brokers.route(id);
        if (b == null) {
            if (gate.first("no-broker-close:" + id)) {
                history.alert("WARN", "Cannot close " + id + " (" + purpose + "): no broker for " + id.venue()
                        + " and no PAPER broker");
            }
            return null;
        }
        Position p = ledger.position(id);
        return sendClose(b, id, p.quantity(), purpose, p.correlationId(), nowNanos(id));
    }

    private OrderRecord sendClose(Broker b, InstrumentId id, BigDecimal signedQty, String purpose, String corr, long nanos) {
        Side side = signedQty.signum() > 0 ? Side.SELL : Side.BUY;
        Quantity qty;
        try {
            InstrumentSpec spec = spec(id);
            qty = Quantity.of(signedQty.abs(), Math.max(spec.qtyScale(), signedQty.stripTrailingZeros().scale()));
        } catch (ArithmeticException | IllegalArgumentException e) {
            history.alert("WARN", "Cannot close " + id + ": quantity " + signedQty.toPlainString() + " does not fit: "
                    + e.getMessage());
            return null;
        }
        Instant at = instant(nanos);
        OrderIntent intent = new OrderIntent(orders.nextId(), corr, id, side, OrderType.MARKET, qty, null, true, purpose, at);
        Market m = markets.get(id);
        RiskDecision d = gate.hasRisk() ? gate.checkOrder(check(intent, expectedPrice(m, side, id), m != null && m.live,
                nanos)) : null;
        if (d != null && !d.allowed()) {
            recordRisk(new RiskEvent(at, d.verdict().name(), d.rule(), d.reason()
                    + " (reduce-only close sent anyway: closes are never blocked)", id, intent.clientOrderId()));
        }
        OrderRecord r = send(intent, b, true, nanos);
        if (d != null && d.verdict() == RiskDecision.Verdict.HALT && !flattening()) {
            kill(d.reason(), d.rule());
        }
        return r;
    }

    private BigDecimal expectedPrice(Market m, Side side, InstrumentId id) {
        long raw = m == null ? Long.MIN_VALUE : side == Side.BUY ? m.ask : m.bid;
        if (raw != Long.MIN_VALUE) {
            return BigDecimal.valueOf(raw, m.spec.priceScale());
        }
        Position p = ledger.position(id);
        return p == null ? BigDecimal.ZERO : p.markPrice();
    }

    private void recordRisk(RiskEvent e) {
        history.riskEvents.add(e);
        audit.risk(e.at(), e.outcome(), e.rule(), e.reason(), e.instrument() == null ? null : e.instrument().toString(),
                e.clientOrderId());
    }

    // ---- 6. the kill switch and halts ----

    boolean flattening() {
        return sweep != null && sweep.flatten();
    }

    /** Latches HALTED, cancels everything, closes everything; already flattening: retries what is due now. */
    void kill(String reason, String by) {
        if (flattening()) {
            stepSweep();
            return;
        }
        state.set(TradingState.HALTED, reason, by);
        if (sweep == null) {
            sweep = new Sweep(sweepOps, true, settings.flattenRetryMillis());
        } else {
            sweep.upgradeToFlatten();
        }
        history.alert("CRITICAL", "Kill switch fired by " + by + ": " + reason + "; cancelling every order and closing "
                + ledger.open().size() + " position(s)");
        audit.killSwitch("FIRED", reason, by, ledger.open().size() + " position(s) to close", clock.instant());
        stepSweep();
    }

    /** Latches HALTED and cancels every open order; positions stay. */
    void halt(String reason, String by) {
        if (state.state() != TradingState.HALTED) {
            state.set(TradingState.HALTED, reason, by);
            logger.info("Trading HALTED by {}: {}", by, reason);
        }
        if (sweep == null) {
            sweep = new Sweep(sweepOps, false, settings.flattenRetryMillis());
        }
        stepSweep();
    }

    /** Ends a sweep that is no longer needed (reset, when flat). */
    void endSweep() {
        sweep = null;
    }

    void stepSweep() {
        Sweep s = sweep;
        if (s == null || !s.step(brokers.all(), ledger.open().isEmpty(), clock.millis()) || sweep != s) {
            return;
        }
        sweep = null;
        if (!s.flatten()) {
            logger.info("Halt: every open order is cancelled");
            return;
        }
        history.alert("INFO", "Kill switch confirmed flat: no open order and no position at any broker"
                + (s.retries() > 0 ? " after " + s.retries() + " retries" : ""));
        audit.killSwitch("CONFIRMED_FLAT", state.current().reason(), state.current().by(), s.retries() + " retries",
                clock.instant());
        if (!ledger.open().isEmpty()) {
            history.alert("WARN", "The brokers report flat but the desk still shows " + ledger.open().size()
                    + " position(s); check te:fills against the venue");
        }
    }

    /** One watchdog round: retries the kill switch or halt, gives up lost orders. */
    void watchdogTick() {
        if (sweep != null) {
            stepSweep();
        }
        if (restored) {
            reconcileAll(); // a broker that could not answer at its bind is tried again
        }
        long now = clock.millis();
        for (OrderRecord r : orders.pending()) {
            if (now - r.sentWallMillis >= 5 * settings.flattenRetryMillis() && !openAtBroker(r)) {
                orders.finish(r);
                logger.warn("Gave up order {} ({} {}): no final event from {} after {} ms and it is not open there",
                        r.id(), r.purpose(), r.intent.instrument(), r.broker.venue(), now - r.sentWallMillis);
            }
        }
    }

    private static boolean openAtBroker(OrderRecord r) {
        try {
            return r.broker.openOrders().stream().anyMatch(o -> o.clientOrderId().equals(r.id()));
        } catch (RuntimeException e) {
            return true; // cannot tell: keep waiting
        }
    }

    /** The desk stops: the account as it is now, so a restart resumes from exactly these figures. */
    void onStop() {
        if (ledger.hasPositions()) {
            Instant at = instant(nowNanos());
            for (Position p : ledger.open()) {
                audit.position(p, at); // with its last mark
            }
            journalEquity(nowNanos());
        }
    }

    private void journalEquity(long nanos) {
        lastEquityNanos = nanos;
        audit.equity(ledger.account(), ledger.equity(), ledger.unrealized(), instant(nanos));
    }

    // ---- 7. restart: restore from the journal, reconcile with every broker before its first entry ----

    /** @return true if entries may go to this broker: restored and reconciled (or no restore configured) */
    private boolean ready(Broker b) {
        return !restoreRequired || restored && reconciled.contains(b);
    }

    /** @return true while the desk still needs the journal's restore point */
    boolean needsRestore() {
        return restoreRequired && !restored;
    }

    /** @param problem why the restore point could not be read (yet) */
    void restoreWaiting(String problem) {
        restoreProblem = problem;
    }

    /**
     * Applies the journal's restore point once: the stricter trading state, the account, the open positions and
     * open orders; then reconciles every bound broker. A record that cannot be read exactly latches HALTED.
     *
     * @param rp the restore point
     */
    void applyRestore(RestorePoint rp) {
        if (restored) {
            return;
        }
        restored = true;
        Restore.Plan plan;
        try {
            plan = Restore.plan(rp, settings.capital());
        } catch (Restore.BadRecord e) {
            restoreSummary = "restore FAILED: " + e.getMessage();
            state.set(TradingState.HALTED, "restart could not read the journal (" + e.getMessage()
                    + "); positions are taken from the brokers; check them, then te:kill or te:reset", "restore");
            history.alert("CRITICAL", "Trading HALTED: " + state.current().reason());
            reconcileAll();
            return;
        }
        if (plan.state() != null && strictness(plan.state().state()) > strictness(state.state())) {
            state.set(plan.state().state(), plan.state().reason(), plan.state().by());
        }
        if (plan.account() != null) {
            ledger.restore(plan.account());
        }
        plan.positions().forEach((id, snap) -> ledger.positionFor(id).restore(snap));
        for (Restore.OpenOrder o : plan.orders()) {
            orders.restore(OrderRecord.restored(o.intent(), brokers.route(o.intent().instrument()), o.leaves(),
                    clock.millis()));
        }
        restoreSummary = "restored from the journal (" + plan.storedRecords() + " records, read " + plan.asOf() + "): "
                + state.state() + ", " + plan.positions().size() + " position(s), " + plan.orders().size()
                + " open order(s)";
        history.alert("INFO", "Restart " + restoreSummary + (plan.positions().isEmpty() ? "" : ": " + positionsText()));
        reconcileAll();
    }

    private String positionsText() {
        StringBuilder sb = new StringBuilder();
        for (Position p : ledger.open()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.instrument).append(' ').append(p.quantity().toPlainString())
                    .append(" @ ").append(p.entryPrice().toPlainString());
        }
        return sb.toString();
    }

    private static int strictness(TradingState s) {
        return switch (s) {
            case ACTIVE -> 0;
            case REDUCING -> 1;
            case HALTED -> 2;
        };
    }

    private void reconcileAll() {
        for (Broker b : brokers.all()) {
            reconcile(b);
        }
    }

    /** A broker went away: when it (or another) comes back it is reconciled again before its next entry. */
    void forget(Broker b) {
        reconciled.remove(b);
    }

    /**
     * Compares the desk's positions and open orders of the instruments this broker takes with what the broker
     * reports. The broker is the truth: a different quantity is taken from it, an order it no longer has is
     * finished, one the desk does not know is adopted; any difference latches HALTED with a CRITICAL alert naming
     * it. Nothing to compare before the restore; a broker that cannot answer is tried again at the next watchdog tick.
     *
     * @param b the broker
     */
    void reconcile(Broker b) {
        if (!restoreRequired || !restored || reconciled.contains(b)) {
            return;
        }
        Map<InstrumentId, BigDecimal> held;
        List<OpenOrder> open;
        try {
            held = b.positions();
            open = b.openOrders();
        } catch (RuntimeException e) {
            if (gate.first("reconcile-failed:" + b.venue())) {
                history.alert("WARN", "Cannot reconcile with " + b.venue() + " yet (" + e + "); its entries wait");
            }
            return;
        }
        Instant now = clock.instant();
        long nowNanos = nowNanos();
        Set<InstrumentId> ids = new TreeSet<>();
        for (InstrumentId id : ledger.instruments()) {
            if (brokers.route(id) == b) {
                ids.add(id);
            }
        }
        held.keySet().stream().filter(id -> brokers.route(id) == b).forEach(ids::add);
        List<String> diffs = new ArrayList<>();
        for (InstrumentId id : ids) {
            BigDecimal desk = ledger.quantity(id);
            BigDecimal venue = held.getOrDefault(id, BigDecimal.ZERO);
            if (desk.compareTo(venue) != 0) {
                diffs.add(id + ": desk " + desk.toPlainString() + ", " + b.venue() + " " + venue.toPlainString());
                Position p = ledger.positionFor(id);
                p.adopt(venue, now, nowNanos);
                audit.position(p, now);
            }
        }
        Map<String, OpenOrder> atBroker = new HashMap<>();
        for (OpenOrder o : open) {
            if (brokers.route(o.instrument()) == b) {
                atBroker.put(o.clientOrderId(), o);
            }
        }
        int finished = 0;
        for (OrderRecord r : orders.pending()) {
            if (brokers.route(r.intent.instrument()) != b) {
                continue;
            }
            if (atBroker.remove(r.id()) != null) {
                r.broker = b;
            } else if (r.broker == null || r.broker == b) {
                r.broker = b;
                orders.finish(r);
                finished++;
            }
        }
        for (OpenOrder o : atBroker.values()) {
            diffs.add("order " + o.clientOrderId() + " " + o.side() + " " + o.leavesQty() + " " + o.instrument()
                    + " open at " + b.venue() + " but not in the journal");
            OrderIntent intent = new OrderIntent(o.clientOrderId(), o.correlationId(), o.instrument(), o.side(), o.type(),
                    o.quantity(), o.limitPrice(), o.reduceOnly(), "adopted at restart", o.acceptedAt());
            orders.restore(OrderRecord.restored(intent, b, o.leavesQty() == null ? intent.quantity().toBigDecimal()
                    : o.leavesQty().toBigDecimal(), clock.millis()));
        }
        reconciled.add(b);
        String compared = ids.size() + " instrument(s), " + open.size() + " open order(s) at the broker"
                + (finished > 0 ? ", " + finished + " journaled order(s) no longer open there (finished)" : "");
        if (diffs.isEmpty()) {
            audit.reconciliation("RECONCILED", b.venue().name(), compared, now);
            history.alert("INFO", "Reconciled with " + b.venue() + " after restart: " + compared + "; no difference");
            return;
        }
        String detail = String.join("; ", diffs);
        audit.reconciliation("MISMATCH", b.venue().name(), compared + ": " + detail, now);
        journalEquity(nowNanos);
        if (state.state() != TradingState.HALTED) {
            state.set(TradingState.HALTED, "restart reconciliation with " + b.venue() + " found differences (" + detail
                    + "); the broker's figures were taken; check them, then te:kill or te:reset", "reconciliation");
        }
        history.alert("CRITICAL", "Reconciliation with " + b.venue() + " after restart: " + detail
                + "; the broker's figures were taken and trading is HALTED");
    }

    /** @return the restart's restore and reconciliation, in words */
    String restoreStatus() {
        if (!restoreRequired) {
            return "not used (restore.from.journal=false)";
        }
        if (!restored) {
            return "WAITING: " + restoreProblem;
        }
        List<String> pending = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (Broker b : brokers.all()) {
            (reconciled.contains(b) ? done : pending).add(b.venue().name());
        }
        return restoreSummary + "; reconciled with " + (done.isEmpty() ? "no broker yet" : String.join(", ", done))
                + (pending.isEmpty() ? "" : "; waiting for " + String.join(", ", pending));
    }

    long badEvents() {
        return badEvents;
    }

    // ---- helpers ----

    private InstrumentSpec spec(InstrumentId id) {
        Market m = markets.get(id);
        return m != null && m.spec != null ? m.spec : InstrumentSpecs.lookup(id);
    }

    private long nowNanos() {
        return eventNanos > 0 ? eventNanos : Math.multiplyExact(clock.millis(), NANOS_PER_MILLI);
    }

    /**
     * The clock of one instrument: the time of its last book event. Feeds keep their own clocks (two replays started
     * together, two venues with skewed clocks), and a simulated broker judges an order's latency by the book of its
     * instrument: an order stamped with another instrument's later clock would wait for that skew first.
     */
    private long nowNanos(InstrumentId id) {
        Market m = markets.get(id);
        return m != null && m.lastBookNanos > 0 ? m.lastBookNanos : nowNanos();
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** The sweep's way back into the desk. */
    private final class SweepOps implements Sweep.Desk {
        @Override
        public OrderRecord close(Broker broker, InstrumentId instrument, BigDecimal signedQty) {
            Position p = ledger.position(instrument);
            String corr = p != null && !p.isFlat() ? p.correlationId() : "";
            return sendClose(broker, instrument, signedQty, KILL_SWITCH, corr, nowNanos(instrument));
        }

        @Override
        public OrderRecord pendingClose(InstrumentId instrument) {
            return orders.pendingClose(instrument);
        }

        @Override
        public void whenDone(CompletionStage<OrderEvent> stage, java.util.function.BiConsumer<OrderEvent, Throwable> action) {
            lock.whenDone(stage, action);
        }

        @Override
        public void giveUp(OrderRecord close) {
            if (!close.done) {
                orders.finish(close);
            }
        }

        @Override
        public void alert(String severity, String message) {
            history.alert(severity, message);
        }
    }
}
