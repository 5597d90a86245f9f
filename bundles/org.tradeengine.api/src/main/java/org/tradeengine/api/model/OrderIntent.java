// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An order the engine wants to send, before risk and before the broker. Journaled before it is sent.
 *
 * @param clientOrderId idempotency key sent to the venue
 * @param correlationId links signal, order, fills and exit
 * @param instrument the instrument
 * @param side BUY or SELL
 * @param type MARKET or LIMIT
 * @param quantity order size
 * @param limitPrice limit price for LIMIT orders, null for MARKET
 * @param reduceOnly true if it may only reduce a position
 * @param reason why the engine wants it (signal rule, exit rule, kill switch)
 * @param createdAt when it was made
 */
public record OrderIntent(String clientOrderId, String correlationId, InstrumentId instrument, Side side, OrderType type,
        Quantity quantity, Price limitPrice, boolean reduceOnly, String reason, Instant createdAt) {

    /**
     * Validates the intent.
     *
     * @param clientOrderId id
     * @param correlationId correlation
     * @param instrument instrument
     * @param side side
     * @param type type
     * @param quantity size
     * @param limitPrice limit, or null for MARKET
     * @param reduceOnly reduce-only flag
     * @param reason why
     * @param createdAt time
     */
    public OrderIntent {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.raw() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity + " for " + instrument);
        }
        if (type == OrderType.LIMIT && limitPrice == null) {
            throw new IllegalArgumentException("a LIMIT order needs a limit price: " + clientOrderId);
        }
    }
}
