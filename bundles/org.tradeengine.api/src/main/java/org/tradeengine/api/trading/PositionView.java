// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.trading;

import java.math.BigDecimal;
import java.time.Instant;

import org.tradeengine.api.model.InstrumentId;

/**
 * One position.
 *
 * @param instrument the instrument
 * @param quantity signed quantity (positive long)
 * @param entryPrice average entry price
 * @param markPrice the price it would close at now
 * @param unrealizedPnl (mark - entry) x quantity
 * @param realizedPnl realized on this instrument so far
 * @param fees fees paid on this instrument
 * @param openedAt when the position was opened (event time)
 * @param correlationId the correlation id of the entry
 */
public record PositionView(InstrumentId instrument, BigDecimal quantity, BigDecimal entryPrice, BigDecimal markPrice,
        BigDecimal unrealizedPnl, BigDecimal realizedPnl, BigDecimal fees, Instant openedAt, String correlationId) {
}
