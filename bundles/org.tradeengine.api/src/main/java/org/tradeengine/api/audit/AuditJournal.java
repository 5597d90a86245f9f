// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.audit;

/**
 * The durable journal of everything that happened. Appends return quickly (writes happen off the hot path)
 * but are never lost: if the store is down they go to a local journal and are written when it is back.
 */
public interface AuditJournal {

    /**
     * Appends a record.
     *
     * @param record the record; its key makes repeated appends idempotent
     */
    void append(AuditRecord record);

    /** @return records accepted but not yet in the store */
    long backlog();
}
