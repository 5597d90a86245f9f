// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.time.Instant;

import org.tradeengine.api.broker.OpenOrder;
import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;

/**
 * One accepted simulated order and its matching state. Quantities and the limit are raw longs at the instrument's
 * scales. Touched only under the broker's lock.
 */
final class SimOrder {

    /** Where the order is in its life. */
    enum Status {
        /** Accepted, not yet at the simulated venue (latency), or due but no LIVE book came yet. */
        PENDING,
        /** Met its first LIVE book and rests (limit orders only). */
        RESTING,
        /** Completely filled. */
        FILLED,
        /** Cancelled by request, IOC, or reduce-only. */
        CANCELLED
    }

    final OrderIntent intent;
    final long dueNanos;
    final Instant acceptedAt;
    int priceScale;
    int qtyScale;
    long qtyRaw;
    long limitRaw;
    long filledRaw;
    Status status = Status.PENDING;
    /** Queue estimate: quantity ahead of us at our price (resting limit orders). */
    long sizeAhead;
    /** Quantity at our price on our side in the last LIVE book seen since we joined. */
    long lastLevelQty;

    SimOrder(OrderIntent intent, InstrumentSpec spec, long qtyRaw, long limitRaw, long dueNanos, Instant acceptedAt) {
        this(intent, spec.priceScale(), spec.qtyScale(), qtyRaw, limitRaw, dueNanos, acceptedAt);
    }

    /** An order at given scales: one restored from the ledger keeps the scales it was accepted at. */
    SimOrder(OrderIntent intent, int priceScale, int qtyScale, long qtyRaw, long limitRaw, long dueNanos,
            Instant acceptedAt) {
        this.intent = intent;
        this.priceScale = priceScale;
        this.qtyScale = qtyScale;
        this.qtyRaw = qtyRaw;
        this.limitRaw = limitRaw;
        this.dueNanos = dueNanos;
        this.acceptedAt = acceptedAt;
    }

    String id() {
        return intent.clientOrderId();
    }

    InstrumentId instrument() {
        return intent.instrument();
    }

    Side side() {
        return intent.side();
    }

    boolean isBuy() {
        return intent.side() == Side.BUY;
    }

    boolean isLimit() {
        return intent.type() == OrderType.LIMIT;
    }

    boolean isOpen() {
        return status == Status.PENDING || status == Status.RESTING;
    }

    long leavesRaw() {
        return qtyRaw - filledRaw;
    }

    /**
     * Moves the order to the scales of the book it trades on, if those differ from the scales known at submit.
     *
     * @param spec the book's spec
     * @return null if done, else why the order cannot trade on that book
     */
    String adoptScales(InstrumentSpec spec) {
        if (spec.priceScale() == priceScale && spec.qtyScale() == qtyScale) {
            return null;
        }
        try {
            long q = FixedPoint.rescale(qtyRaw, qtyScale, spec.qtyScale());
            long f = FixedPoint.rescale(filledRaw, qtyScale, spec.qtyScale());
            long l = isLimit() ? FixedPoint.rescale(limitRaw, priceScale, spec.priceScale()) : 0;
            qtyRaw = q;
            filledRaw = f;
            limitRaw = l;
            priceScale = spec.priceScale();
            qtyScale = spec.qtyScale();
            return null;
        } catch (ArithmeticException e) {
            return "cannot trade on the book of " + spec.id() + " (price " + spec.priceScale() + " and quantity "
                    + spec.qtyScale() + " decimals): " + e.getMessage();
        }
    }

    /**
     * Gives the quantities more decimals (exact), so a restored fill with more decimals than the order's ACCEPTED line
     * (it traded on a finer book) can be added.
     *
     * @param scale the wanted quantity scale; nothing happens if the order already has as many decimals
     * @throws ArithmeticException if the quantities no longer fit in a long
     */
    void widenQtyScale(int scale) {
        if (scale <= qtyScale) {
            return;
        }
        long q = FixedPoint.rescale(qtyRaw, qtyScale, scale);
        filledRaw = FixedPoint.rescale(filledRaw, qtyScale, scale);
        qtyRaw = q;
        qtyScale = scale;
    }

    Quantity quantity(long raw) {
        return new Quantity(raw, qtyScale);
    }

    Price price(long raw) {
        return new Price(raw, priceScale);
    }

    OpenOrder toOpenOrder() {
        return new OpenOrder(id(), intent.correlationId(), instrument(), side(), intent.type(), quantity(qtyRaw),
                quantity(leavesRaw()), isLimit() ? price(limitRaw) : null, intent.reduceOnly(), acceptedAt);
    }

    @Override
    public String toString() {
        return intent.type() + " " + side() + " " + FixedPoint.format(qtyRaw, qtyScale) + " " + instrument()
                + (isLimit() ? " @ " + FixedPoint.format(limitRaw, priceScale) : "") + " [" + id() + "]";
    }
}
