// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.BookView;
import org.tradeengine.api.broker.BookObserver;
import org.tradeengine.api.broker.Broker;
import org.tradeengine.api.broker.OpenOrder;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Liquidity;
import org.tradeengine.api.broker.OrderEvent.Type;
import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Venue;

/**
 * The simulated venue: accepts orders at once, lets each reach the venue after the configured latency, and matches it
 * against the first LIVE book of its instrument at or after that time ({@link BookMatcher} holds the rules). The clock
 * is the books' local time ({@code localTimeNanos} of {@link #onBook}), never the wall clock, so a replay gives the
 * same fills every time. All calls come from the engine's business thread; a lock still keeps the state consistent
 * if another thread (the shell) cancels or reads. Events reach the listeners on the calling thread.
 *
 * <p>Every event is first written to the {@link PaperLedger} and forced to disk, in order, then delivered (and
 * returned from submit and cancel). At start the ledger is replayed: positions, client order ids and open orders
 * come back as they were. An ACCEPTED line is written while the broker holds its lock, because an order whose line
 * cannot be written is refused; the lines of fills and cancels are written after the lock is handed to the ledger's
 * own, so readers of positions and orders never wait for the disk.
 */
public final class PaperBroker implements Broker, BookObserver, BookMatcher.Fills {

    /** Client order ids remembered for idempotency and cancel answers; the oldest finished ones are forgotten first. */
    static final int MAX_REMEMBERED_IDS = 100_000;

    /** The first answer to a client order id, and the order it created (null if rejected). */
    private record Known(OrderEvent answer, SimOrder order) {
    }

    /** An event waiting to be written to the ledger and then delivered. */
    private record Pending(LedgerEntry entry, OrderEvent event) {
    }

    /**
     * What the start restored from the ledger.
     *
     * @param orders ACCEPTED lines
     * @param fills FILL lines (their quantities are in the positions, even when a fill did not fit an order)
     * @param cancels CANCELLED lines
     * @param rejects REJECTED lines
     * @param openOrders orders open again (accepted, not finished, something left)
     * @param positions instruments with a position
     */
    public record Restored(long orders, long fills, long cancels, long rejects, int openOrders, int positions) {
    }

    /**
     * The simulated venue for the operator.
     *
     * @param ledger the ledger's file, counters and failures
     * @param restored what the start restored
     * @param openOrders orders open now
     * @param positions positions now
     */
    public record Status(PaperLedger.Stats ledger, Restored restored, List<OpenOrder> openOrders,
            Map<InstrumentId, BigDecimal> positions) {
    }

    private final Logger logger = LoggerFactory.getLogger(PaperBroker.class);
    private final ReentrantLock lock = new ReentrantLock();
    /** Held from the end of a state change until its lines are written and queued; taken after {@link #lock}. */
    private final ReentrantLock ledgerLock = new ReentrantLock();
    private final List<Pending> pending = new ArrayList<>();
    private final EventDispatcher events = new EventDispatcher();
    private final BookMatcher matcher = new BookMatcher(this);
    private final Map<String, Known> known = new LinkedHashMap<>();
    private final Map<InstrumentId, List<SimOrder>> open = new LinkedHashMap<>();
    private final Map<InstrumentId, InstrumentSpec> specs = new HashMap<>();
    private final Map<InstrumentId, BigDecimal> positions = new LinkedHashMap<>();
    private volatile PaperSettings settings;
    private long clockNanos = SimClock.UNKNOWN;
    /** The time of each instrument's last book: feeds keep their own clocks, so events are stamped per instrument. */
    private final Map<InstrumentId, Long> bookClock = new HashMap<>();
    private Instant eventTime = Instant.EPOCH;
    private long bookErrors;
    private final PaperLedger ledger;
    private final Restored restored;

    /**
     * A simulated venue without a file: nothing survives a restart.
     *
     * @param settings latency and fees
     */
    public PaperBroker(PaperSettings settings) {
        this(settings, null);
    }

    /**
     * A simulated venue that keeps its ledger in a file and restores itself from it.
     *
     * @param settings latency and fees
     * @param ledgerFile the ledger, created if missing; null to keep everything in memory only
     */
    public PaperBroker(PaperSettings settings, Path ledgerFile) {
        this(settings, ledgerFile, PaperLedger.FILES);
    }

    /**
     * @param settings latency and fees
     * @param ledgerFile the ledger, or null for memory only
     * @param opener how the ledger file is opened for writing (tests put a failing channel in between)
     */
    PaperBroker(PaperSettings settings, Path ledgerFile, PaperLedger.Opener opener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (ledgerFile == null) {
            this.ledger = PaperLedger.memory();
            this.restored = new Restored(0, 0, 0, 0, 0, 0);
            return;
        }
        Restorer r = new Restorer();
        lock.lock();
        try {
            this.ledger = PaperLedger.open(ledgerFile, opener, r::apply);
            this.restored = r.finish();
        } finally {
            lock.unlock();
        }
        PaperLedger.Scan scan = ledger.scanAtStart();
        if (scan.lines() == 0) {
            logger.info("Paper broker: ledger {} is new or empty: nothing to restore", ledger.file());
            return;
        }
        logger.info("Paper broker: restored {} orders, {} fills, {} open orders and {} positions from {} ({} cancels,"
                + " {} rejects; {} bad lines skipped{})", restored.orders(), restored.fills(), restored.openOrders(),
                restored.positions(), ledger.file(), restored.cancels(), restored.rejects(), scan.bad().size(),
                scan.truncated() == null ? "" : "; cut-off last line " + scan.truncated().line() + " removed");
    }

    /** @param settings new latency and fees: the latency applies to orders submitted from now, the fees to new fills */
    public void update(PaperSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Venue venue() {
        return Venue.PAPER;
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public CompletionStage<OrderEvent> submit(OrderIntent intent) {
        if (intent == null) {
            return CompletableFuture.completedFuture(refusal("", null, "no order (null intent)"));
        }
        lock.lock();
        try {
            Known first = known.get(intent.clientOrderId());
            if (first != null) {
                return CompletableFuture.completedFuture(first.answer());
            }
            return CompletableFuture.completedFuture(accept(intent));
        } catch (RuntimeException e) {
            logger.warn("Paper broker: cannot take order {}: {}", intent.clientOrderId(), e.toString(), e);
            return CompletableFuture.completedFuture(refusal(intent.clientOrderId(), intent.instrument(),
                    "paper broker error: " + e));
        } finally {
            unlockAndLog();
            events.deliver();
        }
    }

    private OrderEvent accept(OrderIntent intent) {
        // 1. the instrument's scales: from its book if one was seen, else the known specs
        InstrumentSpec spec = specs.computeIfAbsent(intent.instrument(), InstrumentSpecs::lookup);
        Long own = bookClock.get(intent.instrument());
        Instant now = own != null ? SimClock.instant(own) : clockNanos == SimClock.UNKNOWN
                ? (intent.createdAt() != null ? intent.createdAt() : Instant.EPOCH) : SimClock.instant(clockNanos);
        // 2. what the venue checks: lot, tick, reduce-only against the simulated position
        String reason = IntentCheck.check(intent, spec);
        if (reason == null) {
            reason = IntentCheck.checkReduceOnly(intent, position(intent.instrument()));
        }
        if (reason != null) {
            Quantity zero = new Quantity(0, intent.quantity().scale());
            OrderEvent rejected = new OrderEvent(intent.clientOrderId(), intent.correlationId(), intent.instrument(),
                    Type.REJECTED, intent.side(), zero, null, null, null, zero, reason, now);
            remember(intent.clientOrderId(), new Known(rejected, null));
            pending.add(new Pending(new LedgerEntry.Rejected(0, intent.clientOrderId(), intent.correlationId(),
                    intent.instrument(), intent.side(), intent.quantity(), reason, now), rejected));
            return rejected;
        }
        // 3. accepted at once; it reaches the venue after the latency and meets the first LIVE book from then on
        long due = SimClock.due(intent.createdAt(), clockNanos, settings.latencyNanos());
        SimOrder order = new SimOrder(intent, spec, IntentCheck.qtyRaw(intent, spec), IntentCheck.limitRaw(intent, spec),
                due, now);
        OrderEvent accepted = event(order, Type.ACCEPTED, "paper: reaches the simulated venue at "
                + SimClock.instant(due), now);
        // 4. the venue knows the order once its line is on disk; if it cannot be written, the order is refused
        String failure = logNow(new Pending(new LedgerEntry.Accepted(0, intent.clientOrderId(), intent.correlationId(),
                intent.instrument(), intent.side(), intent.type(), order.quantity(order.qtyRaw),
                order.isLimit() ? order.price(order.limitRaw) : null, intent.reduceOnly(), intent.reason(),
                intent.createdAt(), accepted.detail(), now), accepted));
        if (failure != null) {
            Quantity zero = new Quantity(0, intent.quantity().scale());
            return new OrderEvent(intent.clientOrderId(), intent.correlationId(), intent.instrument(), Type.REJECTED,
                    intent.side(), zero, null, null, null, zero, failure, now); // not remembered: a retry may pass
        }
        open.computeIfAbsent(intent.instrument(), k -> new ArrayList<>()).add(order);
        remember(intent.clientOrderId(), new Known(accepted, order));
        return accepted;
    }

    @Override
    public CompletionStage<OrderEvent> cancel(String clientOrderId) {
        lock.lock();
        try {
            Known k = clientOrderId == null ? null : known.get(clientOrderId);
            if (k == null) {
                return CompletableFuture.completedFuture(refusal(clientOrderId, null, "unknown order"));
            }
            SimOrder o = k.order();
            if (o == null) {
                return CompletableFuture.completedFuture(refusal(clientOrderId, k.answer().instrument(),
                        "order was rejected: " + k.answer().detail()));
            }
            if (!o.isOpen()) {
                return CompletableFuture.completedFuture(refusal(clientOrderId, o.instrument(),
                        o.status == SimOrder.Status.FILLED ? "already filled" : "already cancelled"));
            }
            Long own = bookClock.get(o.instrument());
            OrderEvent cancelled = cancelOrder(o, "cancelled on request", own != null ? SimClock.instant(own) : now());
            List<SimOrder> orders = open.get(o.instrument());
            if (orders != null && orders.remove(o) && orders.isEmpty()) {
                open.remove(o.instrument());
            }
            return CompletableFuture.completedFuture(cancelled);
        } finally {
            unlockAndLog();
            events.deliver();
        }
    }

    @Override
    public void onBook(BookView book, long localTimeNanos) {
        if (book == null) {
            return;
        }
        lock.lock();
        try {
            clockNanos = Math.max(clockNanos, localTimeNanos);
            InstrumentId id = book.instrument();
            bookClock.merge(id, localTimeNanos, Math::max);
            InstrumentSpec spec = book.spec() != null ? book.spec() : specs.computeIfAbsent(id, InstrumentSpecs::lookup);
            specs.put(id, spec);
            List<SimOrder> orders = open.get(id);
            if (orders == null || book.state() != BookState.LIVE) {
                return; // only LIVE books match; orders wait for the next one
            }
            eventTime = SimClock.instant(localTimeNanos);
            matcher.newBook();
            for (int i = 0; i < orders.size(); i++) {
                match(orders.get(i), book, spec, localTimeNanos);
            }
            for (SimOrder o : orders) {
                if (o.status == SimOrder.Status.RESTING) {
                    cancelIfNothingToReduce(o); // a later order of this book may have closed the position
                }
            }
            orders.removeIf(o -> !o.isOpen());
            if (orders.isEmpty()) {
                open.remove(id);
            }
        } catch (RuntimeException e) {
            bookErrors++;
            if (bookErrors == 1 || bookErrors % 10_000 == 0) { // a bug, but never a warning per event
                logger.warn("Paper broker: book {} of {} could not be matched ({} such errors so far); its orders wait"
                        + " for the next book", book.lastUpdateId(), book.instrument(), bookErrors, e);
            } else {
                logger.debug("Paper broker: book {} of {} could not be matched: {}", book.lastUpdateId(),
                        book.instrument(), e.toString());
            }
        } finally {
            unlockAndLog();
            events.deliver();
        }
    }

    private void match(SimOrder o, BookView book, InstrumentSpec spec, long timeNanos) {
        if (!o.isOpen()) {
            return; // cancelled since the last book; removed below
        }
        if (o.status == SimOrder.Status.PENDING) {
            if (timeNanos < o.dueNanos) {
                return; // still on its way to the venue: this book is older than its arrival
            }
            String wrong = o.adoptScales(spec);
            if (wrong != null) {
                cancelOrder(o, wrong, eventTime);
                return;
            }
            long before = o.leavesRaw();
            matcher.take(o, book);
            if (!o.isLimit() && o.isOpen() && allowed(o) > 0) {
                cancelOrder(o, "IOC: the book's " + (o.isBuy() ? "asks" : "bids") + " held only "
                        + spec.formatQty(before - o.leavesRaw()) + " of " + spec.formatQty(before) + "; the remaining "
                        + spec.formatQty(o.leavesRaw()) + " is cancelled", eventTime);
                return;
            }
            if (o.isLimit() && o.isOpen()) {
                o.status = SimOrder.Status.RESTING;
                matcher.join(o, book);
            }
        } else {
            matcher.rest(o, book);
        }
        cancelIfNothingToReduce(o);
    }

    /** A reduce-only order whose position is gone (or turned) is cancelled, as a venue does. */
    private void cancelIfNothingToReduce(SimOrder o) {
        if (o.isOpen() && o.intent.reduceOnly() && allowed(o) == 0) {
            cancelOrder(o, "reduce-only: no position left to reduce (position " + position(o.instrument()).toPlainString()
                    + ")", eventTime);
        }
    }

    @Override
    public long allowed(SimOrder o) {
        if (!o.intent.reduceOnly()) {
            return Long.MAX_VALUE;
        }
        BigDecimal p = position(o.instrument());
        boolean against = o.isBuy() ? p.signum() < 0 : p.signum() > 0;
        return against ? p.abs().movePointRight(o.qtyScale).setScale(0, RoundingMode.DOWN).longValueExact() : 0;
    }

    @Override
    public void fill(SimOrder o, long qtyRaw, long priceRaw, Liquidity liquidity, String note) {
        o.filledRaw += qtyRaw;
        if (o.leavesRaw() == 0) {
            o.status = SimOrder.Status.FILLED;
        }
        addPosition(o.instrument(), BigDecimal.valueOf(o.isBuy() ? qtyRaw : -qtyRaw, o.qtyScale));
        BigDecimal fee = settings.feesOf(o.instrument().venue()).fee(priceRaw, o.priceScale, qtyRaw, o.qtyScale, liquidity);
        emit(new OrderEvent(o.id(), o.intent.correlationId(), o.instrument(), Type.FILL, o.side(), o.quantity(qtyRaw),
                o.price(priceRaw), fee, liquidity, o.quantity(o.leavesRaw()), note, eventTime));
    }

    private OrderEvent cancelOrder(SimOrder o, String reason, Instant at) {
        o.status = SimOrder.Status.CANCELLED;
        OrderEvent e = event(o, Type.CANCELLED, reason, at);
        emit(e);
        return e;
    }

    /** A FILL or CANCELLED: written to the ledger and delivered when the call releases the lock. */
    private void emit(OrderEvent e) {
        pending.add(new Pending(LedgerFormat.of(e), e));
    }

    /**
     * Writes what is pending and {@code p} now, while the broker's lock is held (for an ACCEPTED: the order exists
     * only if its line was written), and queues the events for delivery.
     *
     * @return null if written, else why not; {@code p} is then not queued (the others are: they happened)
     */
    private String logNow(Pending p) {
        List<Pending> batch = new ArrayList<>(pending);
        pending.clear();
        batch.add(p);
        ledgerLock.lock();
        try {
            String failure = ledger.append(batch.stream().map(Pending::entry).toList());
            for (Pending b : batch) {
                if (failure == null || b != p) {
                    events.enqueue(b.event());
                }
            }
            return failure;
        } finally {
            ledgerLock.unlock();
        }
    }

    /**
     * Releases the broker's lock and writes the events of this call to the ledger, then queues them for delivery.
     * The ledger's lock is taken before the broker's is released, so lines are written and events queued in the
     * order they happened even when another thread changes the state meanwhile. A line that cannot be written is
     * counted (the ledger logs it); its event has happened, so it is still delivered.
     */
    private void unlockAndLog() {
        if (pending.isEmpty()) {
            lock.unlock();
            return;
        }
        List<Pending> batch = List.copyOf(pending);
        pending.clear();
        ledgerLock.lock();
        lock.unlock();
        try {
            ledger.append(batch.stream().map(Pending::entry).toList());
            for (Pending b : batch) {
                events.enqueue(b.event());
            }
        } finally {
            ledgerLock.unlock();
        }
    }

    @Override
    public List<OpenOrder> openOrders() {
        lock.lock();
        try {
            List<OpenOrder> result = new ArrayList<>();
            for (List<SimOrder> orders : open.values()) {
                for (SimOrder o : orders) {
                    if (o.isOpen()) {
                        result.add(o.toOpenOrder());
                    }
                }
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map<InstrumentId, BigDecimal> positions() {
        lock.lock();
        try {
            return Map.copyOf(positions);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void addListener(Consumer<OrderEvent> listener) {
        events.add(listener);
    }

    @Override
    public void removeListener(Consumer<OrderEvent> listener) {
        events.remove(listener);
    }

    /** @return books that could not be matched because reading them failed */
    public long bookErrors() {
        lock.lock();
        try {
            return bookErrors;
        } finally {
            lock.unlock();
        }
    }

    /** @return how many times an order listener threw */
    public long listenerFailures() {
        return events.listenerFailures();
    }

    /** @return the ledger's file and counters, what was restored, open orders and positions */
    public Status status() {
        List<OpenOrder> orders;
        Map<InstrumentId, BigDecimal> pos;
        lock.lock();
        try {
            orders = openOrders();
            pos = Map.copyOf(positions);
        } finally {
            lock.unlock();
        }
        return new Status(ledger.stats(), restored, orders, pos);
    }

    /** @return what the start restored from the ledger */
    public Restored restored() {
        return restored;
    }

    /** @return the ledger file, or null when the broker keeps everything in memory only */
    public Path ledgerFile() {
        return ledger.file();
    }

    /**
     * Releases the ledger file for good. Call when the broker is no longer used (the component's deactivation); a
     * call that still reaches it afterwards is refused (new orders) or not written (fills, cancels).
     */
    public void close() {
        lock.lock();
        try {
            ledgerLock.lock();
            try {
                ledger.close();
            } finally {
                ledgerLock.unlock();
            }
        } finally {
            lock.unlock();
        }
    }

    private BigDecimal position(InstrumentId id) {
        return positions.getOrDefault(id, BigDecimal.ZERO);
    }

    private void addPosition(InstrumentId id, BigDecimal signedQty) {
        BigDecimal after = position(id).add(signedQty);
        if (after.signum() == 0) {
            positions.remove(id);
        } else {
            positions.put(id, after);
        }
    }

    private Instant now() {
        return clockNanos == SimClock.UNKNOWN ? Instant.EPOCH : SimClock.instant(clockNanos);
    }

    /** An event about an open order (ACCEPTED keeps the whole quantity open; CANCELLED leaves nothing). */
    private static OrderEvent event(SimOrder o, Type type, String detail, Instant at) {
        long leaves = type == Type.ACCEPTED ? o.leavesRaw() : 0;
        return new OrderEvent(o.id(), o.intent.correlationId(), o.instrument(), type, o.side(), o.quantity(0), null, null,
                null, o.quantity(leaves), detail, at);
    }

    /** An answer that changes nothing (cancel of an unknown or finished order, a null intent): not sent to listeners. */
    private OrderEvent refusal(String clientOrderId, InstrumentId instrument, String reason) {
        Quantity zero = new Quantity(0, 0);
        return new OrderEvent(clientOrderId == null ? "" : clientOrderId, "", instrument, Type.REJECTED, null, zero, null,
                null, null, zero, reason, now());
    }

    private void remember(String clientOrderId, Known k) {
        known.put(clientOrderId, k);
        if (known.size() <= MAX_REMEMBERED_IDS) {
            return;
        }
        Iterator<Known> it = known.values().iterator();
        while (it.hasNext() && known.size() > MAX_REMEMBERED_IDS * 9 / 10) {
            Known old = it.next();
            if (old.order() == null || !old.order().isOpen()) {
                it.remove();
            }
        }
    }

    /**
     * Replays the ledger at start (under the lock): positions are the signed sum of the fills per instrument; every
     * client id answers again as it did; an order accepted, not finished and with something left is open again. A
     * restored order meets the first LIVE book of its instrument, as an order that has just arrived: a market order
     * takes, a limit order takes what is marketable and rests the rest at the back of its level. A line that does not
     * fit (a fill of an order that is not open, a second answer for one id) is reported by the ledger and skipped;
     * a fill's quantity still counts in the position.
     */
    private final class Restorer {
        private final Map<String, SimOrder> live = new LinkedHashMap<>();
        private long orders;
        private long fills;
        private long cancels;
        private long rejects;

        void apply(LedgerEntry e) {
            if (e instanceof LedgerEntry.Accepted a) {
                accepted(a);
            } else if (e instanceof LedgerEntry.Fill f) {
                fill(f);
            } else if (e instanceof LedgerEntry.Cancelled c) {
                SimOrder o = live.remove(c.clientOrderId());
                if (o == null) {
                    throw new IllegalArgumentException(notOpen(c.clientOrderId()));
                }
                o.status = SimOrder.Status.CANCELLED;
                cancels++;
            } else if (e instanceof LedgerEntry.Rejected r) {
                if (known.containsKey(r.clientOrderId())) {
                    throw new IllegalArgumentException("the id was already answered earlier in the ledger");
                }
                remember(r.clientOrderId(), new Known(r.toEvent(), null));
                rejects++;
            }
        }

        private void accepted(LedgerEntry.Accepted a) {
            if (known.containsKey(a.clientOrderId())) {
                throw new IllegalArgumentException("the id was already answered earlier in the ledger");
            }
            InstrumentSpec spec = specs.computeIfAbsent(a.instrument(), InstrumentSpecs::lookup);
            int priceScale = a.limitPrice() != null ? a.limitPrice().scale() : spec.priceScale();
            long limitRaw = a.limitPrice() != null ? a.limitPrice().raw() : 0;
            // due at once: it meets the first LIVE book of its instrument after the restart
            SimOrder o = new SimOrder(a.intent(), priceScale, a.qty().scale(), a.qty().raw(), limitRaw, Long.MIN_VALUE,
                    a.at());
            remember(a.clientOrderId(), new Known(a.toEvent(), o));
            live.put(a.clientOrderId(), o);
            orders++;
        }

        private void fill(LedgerEntry.Fill f) {
            fills++;
            addPosition(f.instrument(), f.signedQty()); // the position is the sum of the fills, whatever else is wrong
            SimOrder o = live.get(f.clientOrderId());
            if (o == null) {
                throw new IllegalArgumentException(notOpen(f.clientOrderId()) + " (its quantity is in the position)");
            }
            o.widenQtyScale(f.qty().scale());
            o.filledRaw += FixedPoint.rescale(f.qty().raw(), f.qty().scale(), o.qtyScale);
            if (o.leavesRaw() <= 0) {
                o.status = SimOrder.Status.FILLED;
                live.remove(f.clientOrderId());
                if (o.leavesRaw() < 0) {
                    throw new IllegalArgumentException("fills exceed the order's " + o.quantity(o.qtyRaw)
                            + " (its quantity is in the position)");
                }
            }
        }

        private String notOpen(String id) {
            Known k = known.get(id);
            return k == null ? "no ACCEPTED line for this id before it"
                    : k.order() == null ? "the order was rejected" : "the order is no longer open (" + k.order().status + ")";
        }

        Restored finish() {
            for (SimOrder o : live.values()) {
                open.computeIfAbsent(o.instrument(), k -> new ArrayList<>()).add(o);
            }
            return new Restored(orders, fills, cancels, rejects, live.size(), positions.size());
        }
    }
}
