// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.audit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One journaled fill.
 *
 * @param at event time
 * @param recordKey the record key
 * @param correlationId correlation id
 * @param clientOrderId the order
 * @param instrument instrument
 * @param side BUY or SELL
 * @param qty quantity
 * @param price price
 * @param fee fee
 * @param liquidity MAKER or TAKER, if known
 * @param purpose why the order was sent (entry rule, exit rule, kill-switch, ...)
 * @param realizedPnl realized P&amp;L of this fill, if given
 */
public record StoredFill(Instant at, String recordKey, String correlationId, String clientOrderId, String instrument,
        String side, BigDecimal qty, BigDecimal price, BigDecimal fee, String liquidity, String purpose,
        BigDecimal realizedPnl) {
}
