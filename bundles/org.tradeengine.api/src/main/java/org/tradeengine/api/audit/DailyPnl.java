// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.audit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Fills and P&amp;L of one instrument on one UTC day.
 *
 * @param day the UTC day of the fills' event time
 * @param instrument the instrument
 * @param fills number of fills
 * @param boughtQty total quantity bought
 * @param soldQty total quantity sold
 * @param notional sum of quantity x price
 * @param fees fees paid (negative for rebates)
 * @param realizedPnl realized P&amp;L before fees
 * @param netPnl realized P&amp;L minus fees
 */
public record DailyPnl(LocalDate day, String instrument, long fills, BigDecimal boughtQty, BigDecimal soldQty,
        BigDecimal notional, BigDecimal fees, BigDecimal realizedPnl, BigDecimal netPnl) {
}
