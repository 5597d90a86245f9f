// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.trading;

import java.math.BigDecimal;
import java.time.Instant;

import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Side;

/**
 * One fill.
 *
 * @param clientOrderId the order
 * @param correlationId links it to the signal and the exit
 * @param instrument the instrument
 * @param side buy or sell
 * @param quantity filled quantity
 * @param price fill price
 * @param fee fee paid
 * @param liquidity maker or taker
 * @param purpose why the order was sent: the entry rule, the exit rule, or the kill switch
 * @param at event time
 */
public record FillView(String clientOrderId, String correlationId, InstrumentId instrument, Side side, BigDecimal quantity,
        BigDecimal price, BigDecimal fee, OrderEvent.Liquidity liquidity, String purpose, Instant at) {
}
