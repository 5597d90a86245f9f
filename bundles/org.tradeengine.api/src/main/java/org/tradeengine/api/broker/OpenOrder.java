// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.broker;

import java.time.Instant;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;

/**
 * An order open at a venue.
 *
 * @param clientOrderId our id of the order
 * @param correlationId links the order to its signal and its fills
 * @param instrument the instrument
 * @param side buy or sell
 * @param type market or limit
 * @param quantity the ordered quantity
 * @param leavesQty what is still open
 * @param limitPrice the limit, null for a market order
 * @param reduceOnly whether it may only reduce a position
 * @param acceptedAt when the venue accepted it
 */
public record OpenOrder(String clientOrderId, String correlationId, InstrumentId instrument, Side side, OrderType type,
        Quantity quantity, Quantity leavesQty, Price limitPrice, boolean reduceOnly, Instant acceptedAt) {
}
