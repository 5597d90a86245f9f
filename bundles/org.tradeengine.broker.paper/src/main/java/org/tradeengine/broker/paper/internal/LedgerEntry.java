// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Liquidity;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;

/**
 * One line of the paper broker's ledger: one venue event, exactly as the listeners got it. {@link #toEvent()} gives
 * back that event, equal to the one delivered (decimals keep their scale, times their nanoseconds). The line format
 * is in the module README and {@link LedgerFormat}.
 */
public sealed interface LedgerEntry {

    /** @return the line's sequence number: 1, 2, 3… in the order the events happened */
    long seq();

    /** @return the event type */
    OrderEvent.Type event();

    /** @return the order's client id */
    String clientOrderId();

    /** @return the order's correlation id (may be empty) */
    String correlationId();

    /** @return the instrument */
    InstrumentId instrument();

    /** @return the order's side */
    Side side();

    /** @return the event's detail (reason, note) */
    String detail();

    /** @return the simulated venue time of the event */
    Instant at();

    /** @return the order event this line records */
    OrderEvent toEvent();

    /**
     * The venue accepted an order: the whole order, at the instrument's scales.
     *
     * @param seq sequence number
     * @param clientOrderId id
     * @param correlationId correlation
     * @param instrument instrument
     * @param side side
     * @param type MARKET or LIMIT
     * @param qty ordered quantity
     * @param limitPrice limit, null for MARKET
     * @param reduceOnly reduce-only flag
     * @param reason why the engine sent it
     * @param createdAt the intent's creation time, may be null
     * @param detail the ACCEPTED event's detail (when it reaches the simulated venue)
     * @param at acceptance time
     */
    record Accepted(long seq, String clientOrderId, String correlationId, InstrumentId instrument, Side side,
            OrderType type, Quantity qty, Price limitPrice, boolean reduceOnly, String reason, Instant createdAt,
            String detail, Instant at) implements LedgerEntry {

        /**
         * Checks the parts.
         *
         * @param seq sequence number
         * @param clientOrderId id
         * @param correlationId correlation
         * @param instrument instrument
         * @param side side
         * @param type MARKET or LIMIT
         * @param qty ordered quantity
         * @param limitPrice limit, null for MARKET
         * @param reduceOnly reduce-only flag
         * @param reason why
         * @param createdAt creation time, may be null
         * @param detail detail
         * @param at acceptance time
         */
        public Accepted {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(qty, "qty");
            if (type == OrderType.LIMIT && limitPrice == null) {
                throw new IllegalArgumentException("a LIMIT order needs a limit price");
            }
            reason = reason == null ? "" : reason;
        }

        @Override
        public OrderEvent.Type event() {
            return OrderEvent.Type.ACCEPTED;
        }

        /** @return the order as the engine sent it (at the instrument's scales) */
        public OrderIntent intent() {
            return new OrderIntent(clientOrderId, correlationId, instrument, side, type, qty, limitPrice, reduceOnly,
                    reason, createdAt);
        }

        @Override
        public OrderEvent toEvent() {
            return new OrderEvent(clientOrderId, correlationId, instrument, OrderEvent.Type.ACCEPTED, side,
                    new Quantity(0, qty.scale()), null, null, null, qty, detail, at);
        }
    }

    /**
     * A fill.
     *
     * @param seq sequence number
     * @param clientOrderId id
     * @param correlationId correlation
     * @param instrument instrument
     * @param side the order's side
     * @param qty filled quantity
     * @param price fill price
     * @param fee exact fee in quote currency (negative: rebate)
     * @param liquidity MAKER or TAKER
     * @param leavesQty what is left of the order after the fill
     * @param detail what happened (level taken, queue, trade-through)
     * @param at fill time
     */
    record Fill(long seq, String clientOrderId, String correlationId, InstrumentId instrument, Side side, Quantity qty,
            Price price, BigDecimal fee, Liquidity liquidity, Quantity leavesQty, String detail, Instant at)
            implements LedgerEntry {

        /**
         * Checks the parts.
         *
         * @param seq sequence number
         * @param clientOrderId id
         * @param correlationId correlation
         * @param instrument instrument
         * @param side side
         * @param qty filled quantity
         * @param price price
         * @param fee fee
         * @param liquidity maker or taker
         * @param leavesQty leaves
         * @param detail detail
         * @param at time
         */
        public Fill {
            Objects.requireNonNull(qty, "qty");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(fee, "fee");
            Objects.requireNonNull(liquidity, "liquidity");
            Objects.requireNonNull(leavesQty, "leavesQty");
        }

        @Override
        public OrderEvent.Type event() {
            return OrderEvent.Type.FILL;
        }

        /** @return the fill's signed effect on the position (positive for a buy) */
        public BigDecimal signedQty() {
            BigDecimal q = qty.toBigDecimal();
            return side == Side.BUY ? q : q.negate();
        }

        @Override
        public OrderEvent toEvent() {
            return new OrderEvent(clientOrderId, correlationId, instrument, OrderEvent.Type.FILL, side, qty, price, fee,
                    liquidity, leavesQty, detail, at);
        }
    }

    /**
     * The order was cancelled (on request, IOC rest, reduce-only with nothing left to reduce).
     *
     * @param seq sequence number
     * @param clientOrderId id
     * @param correlationId correlation
     * @param instrument instrument
     * @param side side
     * @param leavesQty zero, at the order's quantity scale
     * @param detail why
     * @param at time
     */
    record Cancelled(long seq, String clientOrderId, String correlationId, InstrumentId instrument, Side side,
            Quantity leavesQty, String detail, Instant at) implements LedgerEntry {

        /**
         * Checks the parts.
         *
         * @param seq sequence number
         * @param clientOrderId id
         * @param correlationId correlation
         * @param instrument instrument
         * @param side side
         * @param leavesQty zero
         * @param detail why
         * @param at time
         */
        public Cancelled {
            Objects.requireNonNull(leavesQty, "leavesQty");
        }

        @Override
        public OrderEvent.Type event() {
            return OrderEvent.Type.CANCELLED;
        }

        @Override
        public OrderEvent toEvent() {
            return new OrderEvent(clientOrderId, correlationId, instrument, OrderEvent.Type.CANCELLED, side,
                    new Quantity(0, leavesQty.scale()), null, null, null, leavesQty, detail, at);
        }
    }

    /**
     * The venue refused a new order (lot, tick, reduce-only); the id stays answered with this rejection.
     *
     * @param seq sequence number
     * @param clientOrderId id
     * @param correlationId correlation
     * @param instrument instrument
     * @param side side
     * @param qty the quantity of the refused order, as sent
     * @param detail why
     * @param at time
     */
    record Rejected(long seq, String clientOrderId, String correlationId, InstrumentId instrument, Side side,
            Quantity qty, String detail, Instant at) implements LedgerEntry {

        /**
         * Checks the parts.
         *
         * @param seq sequence number
         * @param clientOrderId id
         * @param correlationId correlation
         * @param instrument instrument
         * @param side side
         * @param qty the refused order's quantity
         * @param detail why
         * @param at time
         */
        public Rejected {
            Objects.requireNonNull(qty, "qty");
        }

        @Override
        public OrderEvent.Type event() {
            return OrderEvent.Type.REJECTED;
        }

        @Override
        public OrderEvent toEvent() {
            Quantity zero = new Quantity(0, qty.scale());
            return new OrderEvent(clientOrderId, correlationId, instrument, OrderEvent.Type.REJECTED, side, zero, null,
                    null, null, zero, detail, at);
        }
    }
}
