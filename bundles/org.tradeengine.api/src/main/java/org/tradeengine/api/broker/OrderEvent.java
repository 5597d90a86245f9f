// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.broker;

import java.math.BigDecimal;
import java.time.Instant;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;

/**
 * Something that happened to an order at the venue.
 *
 * @param clientOrderId the order
 * @param correlationId the order's correlation id (links signal, order, fills and exit), may be empty
 * @param instrument the instrument
 * @param type what happened
 * @param side the order's side
 * @param fillQty filled quantity of this event (zero unless FILL)
 * @param fillPrice price of this fill (null unless FILL)
 * @param fee fee of this fill in quote currency, exact (null unless FILL; negative for a rebate)
 * @param liquidity MAKER or TAKER for a fill, null otherwise
 * @param leavesQty what is still open after this event (zero when filled, cancelled or rejected)
 * @param detail venue reason for REJECTED, or a note
 * @param at venue or simulated time
 */
public record OrderEvent(String clientOrderId, String correlationId, InstrumentId instrument, Type type, Side side,
        Quantity fillQty, Price fillPrice, BigDecimal fee, Liquidity liquidity, Quantity leavesQty, String detail, Instant at) {

    /** Order event types. */
    public enum Type {
        /** Accepted by the venue. */
        ACCEPTED,
        /** Rejected by the venue; see detail. */
        REJECTED,
        /** A partial or final fill. */
        FILL,
        /** Cancelled. */
        CANCELLED
    }

    /** Which side of the trade the order was on. */
    public enum Liquidity {
        /** The order rested in the book and was hit. */
        MAKER,
        /** The order took liquidity from the book. */
        TAKER
    }

    /**
     * Normalises nulls.
     *
     * @param clientOrderId id
     * @param correlationId correlation
     * @param instrument instrument
     * @param type type
     * @param side side
     * @param fillQty fill quantity
     * @param fillPrice fill price
     * @param fee fee
     * @param liquidity maker or taker
     * @param leavesQty open quantity
     * @param detail note
     * @param at time
     */
    public OrderEvent {
        correlationId = correlationId == null ? "" : correlationId;
        detail = detail == null ? "" : detail;
    }

    /** @return true for a fill */
    public boolean isFill() {
        return type == Type.FILL;
    }

    /** @return true if the order is no longer open after this event */
    public boolean isFinal() {
        return type == Type.REJECTED || type == Type.CANCELLED || leavesQty != null && leavesQty.raw() == 0
                && type == Type.FILL;
    }
}
