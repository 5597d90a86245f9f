// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.tradeengine.api.broker.Broker;
import org.tradeengine.api.broker.OpenOrder;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.Venue;

/**
 * A broker for the tests: fills market orders synchronously inside submit at the price set per instrument, with a
 * fee of quantity x price x rate; can leave entries resting, and can reject or swallow (never complete) the first N
 * cancels and closes.
 */
final class TestBroker implements Broker {

    private final Venue venue;
    private final List<Consumer<OrderEvent>> listeners = new CopyOnWriteArrayList<>();
    final Map<InstrumentId, BigDecimal> positions = new LinkedHashMap<>();
    final Map<String, OpenOrder> open = new LinkedHashMap<>();
    final List<OrderIntent> submitted = new ArrayList<>();
    final List<String> cancels = new ArrayList<>();
    final Map<InstrumentId, BigDecimal> prices = new HashMap<>();
    BigDecimal feeRate = new BigDecimal("0.0005");
    boolean restEntries;
    int rejectCloses;
    int hangCloses;
    int rejectCancels;
    int hangCancels;

    TestBroker(Venue venue) {
        this.venue = venue;
    }

    TestBroker price(String instrument, String price) {
        prices.put(InstrumentId.parse(instrument), new BigDecimal(price));
        return this;
    }

    List<OrderIntent> closes() {
        return submitted.stream().filter(OrderIntent::reduceOnly).toList();
    }

    List<OrderIntent> entries() {
        return submitted.stream().filter(i -> !i.reduceOnly()).toList();
    }

    @Override
    public Venue venue() {
        return venue;
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public CompletionStage<OrderEvent> submit(OrderIntent intent) {
        submitted.add(intent);
        if (intent.reduceOnly() && rejectCloses > 0) {
            rejectCloses--;
            return CompletableFuture.completedFuture(emit(event(intent, OrderEvent.Type.REJECTED, null, null, null,
                    zero(intent), "test: close rejected", intent.createdAt())));
        }
        if (intent.reduceOnly() && hangCloses > 0) {
            hangCloses--;
            return new CompletableFuture<>(); // swallowed: no answer, no fill
        }
        OrderEvent accepted = emit(event(intent, OrderEvent.Type.ACCEPTED, null, null, null, intent.quantity(), "",
                intent.createdAt()));
        if (restEntries && !intent.reduceOnly()) {
            open.put(intent.clientOrderId(), new OpenOrder(intent.clientOrderId(), intent.correlationId(),
                    intent.instrument(), intent.side(), intent.type(), intent.quantity(), intent.quantity(), null, false,
                    intent.createdAt()));
            return CompletableFuture.completedFuture(accepted);
        }
        BigDecimal qty = intent.quantity().toBigDecimal();
        BigDecimal pos = positions.getOrDefault(intent.instrument(), BigDecimal.ZERO);
        if (intent.reduceOnly()) {
            qty = qty.min(pos.abs());
            if (qty.signum() == 0 || (intent.side() == Side.SELL) != (pos.signum() > 0)) {
                return CompletableFuture.completedFuture(emit(event(intent, OrderEvent.Type.REJECTED, null, null, null,
                        zero(intent), "test: reduce-only would not reduce", intent.createdAt())));
            }
        }
        fill(intent, qty, intent.createdAt());
        return CompletableFuture.completedFuture(accepted);
    }

    /** Fills {@code qty} of an order at the instrument's price; updates the position. */
    void fill(OrderIntent intent, BigDecimal qty, Instant at) {
        BigDecimal price = prices.get(intent.instrument());
        if (price == null) {
            throw new IllegalStateException("test broker has no price for " + intent.instrument());
        }
        BigDecimal signed = intent.side() == Side.BUY ? qty : qty.negate();
        BigDecimal after = positions.getOrDefault(intent.instrument(), BigDecimal.ZERO).add(signed);
        if (after.signum() == 0) {
            positions.remove(intent.instrument());
        } else {
            positions.put(intent.instrument(), after);
        }
        int scale = intent.quantity().scale();
        emit(event(intent, OrderEvent.Type.FILL, Quantity.of(qty, scale), Price.of(price, price.scale()),
                qty.multiply(price).multiply(feeRate), new Quantity(0, scale), "", at));
    }

    @Override
    public CompletionStage<OrderEvent> cancel(String clientOrderId) {
        cancels.add(clientOrderId);
        OpenOrder o = open.get(clientOrderId);
        if (rejectCancels > 0) {
            rejectCancels--;
            return CompletableFuture.completedFuture(new OrderEvent(clientOrderId, "", o == null ? null : o.instrument(),
                    OrderEvent.Type.REJECTED, o == null ? null : o.side(), null, null, null, null, null, "test: cancel rejected",
                    Instant.EPOCH));
        }
        if (hangCancels > 0) {
            hangCancels--;
            return new CompletableFuture<>();
        }
        if (o == null) {
            return CompletableFuture.completedFuture(new OrderEvent(clientOrderId, "", null, OrderEvent.Type.REJECTED, null,
                    null, null, null, null, null, "test: unknown order", Instant.EPOCH));
        }
        open.remove(clientOrderId);
        return CompletableFuture.completedFuture(emit(new OrderEvent(clientOrderId, o.correlationId(), o.instrument(),
                OrderEvent.Type.CANCELLED, o.side(), null, null, null, null, new Quantity(0, o.quantity().scale()), "",
                o.acceptedAt())));
    }

    @Override
    public List<OpenOrder> openOrders() {
        return new ArrayList<>(open.values());
    }

    @Override
    public Map<InstrumentId, BigDecimal> positions() {
        return new LinkedHashMap<>(positions);
    }

    @Override
    public void addListener(Consumer<OrderEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Consumer<OrderEvent> listener) {
        listeners.remove(listener);
    }

    /** Sends an event to the listeners (also used by tests to play fills by hand). */
    OrderEvent emit(OrderEvent ev) {
        listeners.forEach(l -> l.accept(ev));
        return ev;
    }

    private static Quantity zero(OrderIntent intent) {
        return new Quantity(0, intent.quantity().scale());
    }

    private static OrderEvent event(OrderIntent i, OrderEvent.Type type, Quantity fillQty, Price fillPrice, BigDecimal fee,
            Quantity leaves, String detail, Instant at) {
        return new OrderEvent(i.clientOrderId(), i.correlationId(), i.instrument(), type, i.side(), fillQty, fillPrice, fee,
                fillQty == null ? null : OrderEvent.Liquidity.TAKER, leaves, detail, at);
    }
}
