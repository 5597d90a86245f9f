// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.trading;

import java.math.BigDecimal;

/**
 * The account, exact, in the quote currency.
 *
 * @param capital starting capital
 * @param equity capital + realized + unrealized - fees
 * @param peakEquity highest equity so far
 * @param dailyPnl equity change since the start of the UTC day (event time)
 * @param drawdown equity - peak (zero or negative)
 * @param realizedPnl realized P&amp;L before fees
 * @param unrealizedPnl open positions marked to market
 * @param fees fees paid
 * @param trades round trips closed
 * @param wins round trips closed with a positive net P&amp;L
 */
public record AccountView(BigDecimal capital, BigDecimal equity, BigDecimal peakEquity, BigDecimal dailyPnl,
        BigDecimal drawdown, BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal fees, long trades, long wins) {
}
