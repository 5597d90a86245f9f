// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Type;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;

/**
 * A paper broker, a synthetic book and the events the broker sent, with a simulation clock in milliseconds after
 * {@link #T0}. The tests drive the broker exactly as the engine does: {@code onBook} after each book change, orders
 * in between.
 */
final class Harness {

    /** 2024-08-08T23:55:00Z in epoch nanoseconds: the clock's origin. */
    static final long T0 = Instant.parse("2024-08-08T23:55:00Z").getEpochSecond() * 1_000_000_000L;
    static final InstrumentSpec BTC_PERP = InstrumentSpecs.lookup(InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES"));

    final PaperBroker broker;
    final SyntheticBook book;
    final List<OrderEvent> events = new CopyOnWriteArrayList<>();

    Harness() {
        this(BTC_PERP, Map.of());
    }

    Harness(InstrumentSpec spec, Map<String, String> config) {
        this(new PaperBroker(TestConfig.settings(config)), spec);
    }

    /** A harness around a given broker (one with a ledger file), trading {@link #BTC_PERP}. */
    Harness(PaperBroker broker) {
        this(broker, BTC_PERP);
    }

    private Harness(PaperBroker broker, InstrumentSpec spec) {
        this.broker = broker;
        this.book = new SyntheticBook(spec);
        broker.addListener(events::add);
    }

    /** A broker with default settings and its ledger in {@code file}. */
    static Harness withLedger(java.nio.file.Path file) {
        return new Harness(new PaperBroker(TestConfig.settings(Map.of()), file));
    }

    /** Shows the current book to the broker at {@code T0 + ms}. */
    void show(long ms) {
        broker.onBook(book, nanos(ms));
    }

    static long nanos(long ms) {
        return T0 + ms * 1_000_000L;
    }

    static Instant at(long ms) {
        return Instant.ofEpochSecond(0, nanos(ms));
    }

    OrderEvent submit(OrderIntent intent) {
        return broker.submit(intent).toCompletableFuture().join();
    }

    OrderEvent cancel(String id) {
        return broker.cancel(id).toCompletableFuture().join();
    }

    OrderIntent market(String id, Side side, String qty, long createdMs) {
        return intent(id, side, OrderType.MARKET, qty, null, false, createdMs);
    }

    OrderIntent limit(String id, Side side, String qty, String price, long createdMs) {
        return intent(id, side, OrderType.LIMIT, qty, price, false, createdMs);
    }

    OrderIntent intent(String id, Side side, OrderType type, String qty, String price, boolean reduceOnly, long createdMs) {
        InstrumentSpec spec = book.spec();
        return new OrderIntent(id, "corr-" + id, spec.id(), side, type, Quantity.parse(qty, spec.qtyScale()),
                price == null ? null : Price.parse(price, spec.priceScale()), reduceOnly, "test", at(createdMs));
    }

    List<OrderEvent> fills(String id) {
        return events.stream().filter(e -> e.clientOrderId().equals(id) && e.type() == Type.FILL).toList();
    }

    List<OrderEvent> of(String id) {
        return events.stream().filter(e -> e.clientOrderId().equals(id)).toList();
    }

    OrderEvent last(String id) {
        List<OrderEvent> l = of(id);
        return l.isEmpty() ? null : l.get(l.size() - 1);
    }

    /** Sum of the fill quantities of an order. */
    BigDecimal filled(String id) {
        return fills(id).stream().map(e -> e.fillQty().toBigDecimal()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal position() {
        return broker.positions().getOrDefault(book.instrument(), BigDecimal.ZERO);
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
