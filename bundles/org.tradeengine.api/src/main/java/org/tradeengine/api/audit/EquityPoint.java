// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.audit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One point of the equity curve.
 *
 * @param at event time
 * @param equity equity
 * @param peakEquity the peak so far
 * @param drawdown equity minus peak
 * @param realizedPnl realized P&amp;L
 * @param unrealizedPnl unrealized P&amp;L
 * @param fees fees paid
 */
public record EquityPoint(Instant at, BigDecimal equity, BigDecimal peakEquity, BigDecimal drawdown,
        BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal fees) {
}
