// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * What a restart resumes from, as the records the desk wrote.
 *
 * @param tradingState the last {@code TRADING_STATE} state change (not a kill-switch event), or null if none
 * @param account the last {@code EQUITY} record, or null if none
 * @param positions the last {@code POSITION} record of every instrument whose last one is not flat
 * @param openOrders the {@code ORDER} records with no final event yet (filled, cancelled, rejected); each carries
 *        the extra field {@code leavesQty} when an event told it
 * @param storedRecords records in the store when it was read (all types)
 * @param asOf when it was read
 */
public record RestorePoint(AuditRecord tradingState, AuditRecord account, List<AuditRecord> positions,
        List<AuditRecord> openOrders, long storedRecords, Instant asOf) {

    /**
     * Copies the lists.
     *
     * @param tradingState state
     * @param account account
     * @param positions positions
     * @param openOrders orders
     * @param storedRecords count
     * @param asOf when
     */
    public RestorePoint {
        positions = List.copyOf(positions);
        openOrders = List.copyOf(openOrders);
    }

    /** @return true if nothing was ever journaled that a restart needs */
    public boolean isEmpty() {
        return tradingState == null && account == null && positions.isEmpty() && openOrders.isEmpty();
    }
}
