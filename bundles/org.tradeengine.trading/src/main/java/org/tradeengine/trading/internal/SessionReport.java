// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The session's trading figures, exact. A round trip runs from flat to flat; its net P&amp;L is its realized P&amp;L
 * minus every fee paid on it.
 *
 * @param trades round trips closed
 * @param wins round trips with a positive net
 * @param grossProfit sum of the winning round trips' nets
 * @param grossLoss sum of the losing round trips' nets, as a positive number
 * @param netPnl equity - capital (realized + unrealized - fees)
 * @param realizedPnl realized P&amp;L before fees
 * @param fees fees paid
 * @param maxDrawdown the lowest equity - peak seen (zero or negative)
 * @param peakEquity the highest equity seen
 */
public record SessionReport(long trades, long wins, BigDecimal grossProfit, BigDecimal grossLoss, BigDecimal netPnl,
        BigDecimal realizedPnl, BigDecimal fees, BigDecimal maxDrawdown, BigDecimal peakEquity) {

    /** @return wins / trades in percent, 2 decimals, null without trades */
    public BigDecimal winRatePercent() {
        return trades == 0 ? null
                : BigDecimal.valueOf(wins).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(trades), 2,
                        RoundingMode.HALF_EVEN);
    }

    /** @return gross profit / gross loss, 4 decimals, null when there is no loss */
    public BigDecimal profitFactor() {
        return grossLoss.signum() == 0 ? null : grossProfit.divide(grossLoss, 4, RoundingMode.HALF_EVEN);
    }
}
