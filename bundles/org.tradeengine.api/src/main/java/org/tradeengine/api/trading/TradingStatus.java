// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.trading;

import java.time.Instant;

import org.tradeengine.api.model.TradingState;

/**
 * The desk's state.
 *
 * @param state ACTIVE, REDUCING or HALTED
 * @param reason why it is in that state
 * @param by who or which rule put it there
 * @param since when (wall clock)
 * @param account the account figures
 * @param openPositions positions not flat
 * @param openOrders orders open at the brokers
 * @param flattening true while the kill switch is still closing positions
 * @param restore the start's restore from the audit journal and reconciliation with the brokers, in words (entries
 *        wait until the restore is done and their broker reconciled)
 */
public record TradingStatus(TradingState state, String reason, String by, Instant since, AccountView account,
        int openPositions, int openOrders, boolean flattening, String restore) {
}
