// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 */
public final class PaperBroker implements Broker, BookObserver, BookMatcher.Fills {

    /** Client order ids remembered for idempotency and cancel answers; the oldest finished ones are forgotten first. */
    static final int MAX_REMEMBERED_IDS = 100_000;

    /** The first answer to a client order id, and the order it created (null if rejected). */
    private record Known(OrderEvent answer, SimOrder order) {
    }

    private final Logger logger = LoggerFactory.getLogger(PaperBroker.class);
    private final ReentrantLock lock = new ReentrantLock();
    private final EventDispatcher events = new EventDispatcher();
    private final BookMatcher matcher = new BookMatcher(this);
    private final Map<String, Known> known = new LinkedHashMap<>();
    private final Map<InstrumentId, List<SimOrder>> open = new LinkedHashMap<>();
    private final Map<InstrumentId, InstrumentSpec> specs = new HashMap<>();
    private final Map<InstrumentId, BigDecimal> positions = new LinkedHashMap<>();
    private volatile PaperSettings settings;
    private long clockNanos = SimClock.UNKNOWN;
    private Instant eventTime = Instant.EPOCH;
    private long bookErrors;

    /** @param settings latency and fees */
    public PaperBroker(PaperSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
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
            lock.unlock();
            events.deliver();
        }
    }

    private OrderEvent accept(OrderIntent intent) {
        // 1. the instrument's scales: from its book if one was seen, else the known specs
        InstrumentSpec spec = specs.computeIfAbsent(intent.instrument(), InstrumentSpecs::lookup);
        Instant now = clockNanos == SimClock.UNKNOWN ? (intent.createdAt() != null ? intent.createdAt() : Instant.EPOCH)
                : SimClock.instant(clockNanos);
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
            events.enqueue(rejected);
            return rejected;
        }
        // 3. accepted at once; it reaches the venue after the latency and meets the first LIVE book from then on
        long due = SimClock.due(intent.createdAt(), clockNanos, settings.latencyNanos());
        SimOrder order = new SimOrder(intent, spec, IntentCheck.qtyRaw(intent, spec), IntentCheck.limitRaw(intent, spec),
                due, now);
        open.computeIfAbsent(intent.instrument(), k -> new ArrayList<>()).add(order);
        OrderEvent accepted = event(order, Type.ACCEPTED, "paper: reaches the simulated venue at "
                + SimClock.instant(due), now);
        remember(intent.clientOrderId(), new Known(accepted, order));
        events.enqueue(accepted);
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
            OrderEvent cancelled = cancelOrder(o, "cancelled on request", now());
            List<SimOrder> orders = open.get(o.instrument());
            if (orders != null && orders.remove(o) && orders.isEmpty()) {
                open.remove(o.instrument());
            }
            return CompletableFuture.completedFuture(cancelled);
        } finally {
            lock.unlock();
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
            lock.unlock();
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
        BigDecimal qty = BigDecimal.valueOf(o.isBuy() ? qtyRaw : -qtyRaw, o.qtyScale);
        BigDecimal after = position(o.instrument()).add(qty);
        if (after.signum() == 0) {
            positions.remove(o.instrument());
        } else {
            positions.put(o.instrument(), after);
        }
        BigDecimal fee = settings.feesOf(o.instrument().venue()).fee(priceRaw, o.priceScale, qtyRaw, o.qtyScale, liquidity);
        events.enqueue(new OrderEvent(o.id(), o.intent.correlationId(), o.instrument(), Type.FILL, o.side(),
                o.quantity(qtyRaw), o.price(priceRaw), fee, liquidity, o.quantity(o.leavesRaw()), note, eventTime));
    }

    private OrderEvent cancelOrder(SimOrder o, String reason, Instant at) {
        o.status = SimOrder.Status.CANCELLED;
        OrderEvent e = event(o, Type.CANCELLED, reason, at);
        events.enqueue(e);
        return e;
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

    private BigDecimal position(InstrumentId id) {
        return positions.getOrDefault(id, BigDecimal.ZERO);
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
}
