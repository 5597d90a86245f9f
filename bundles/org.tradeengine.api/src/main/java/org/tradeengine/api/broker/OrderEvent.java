// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.broker;

import java.time.Instant;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;

/**
 * Something that happened to an order at the venue.
 *
 * @param clientOrderId the order
 * @param instrument the instrument
 * @param type what happened
 * @param side the order's side
 * @param fillQty filled quantity of this event (0 unless FILL)
 * @param fillPrice price of this fill (null unless FILL)
 * @param fee fee of this fill in quote currency (null unless FILL)
 * @param detail venue reason for REJECTED, or a note
 * @param at venue or simulated time
 */
public record OrderEvent(String clientOrderId, InstrumentId instrument, Type type, Side side, Quantity fillQty, Price fillPrice,
        java.math.BigDecimal fee, String detail, Instant at) {

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
}
