// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One journal entry.
 *
 * @param type what kind of event
 * @param at when it happened
 * @param key idempotency key (unique per record; replays of the same record are ignored)
 * @param correlationId links signal, order, fills and exit; may be empty
 * @param fields the event's values as exact text (decimals as plain strings)
 */
public record AuditRecord(Type type, Instant at, String key, String correlationId, Map<String, String> fields) {

    /** Kinds of journaled events. */
    public enum Type {
        /** A strategy signal. */
        SIGNAL,
        /** An order intent (written before it is sent). */
        ORDER,
        /** An order state change. */
        ORDER_EVENT,
        /** A fill. */
        FILL,
        /** A risk decision. */
        RISK_DECISION,
        /** A trading-state change or kill-switch event. */
        TRADING_STATE,
        /** A rule deployment attempt. */
        RULE_DEPLOYMENT,
        /** The state of one position after a change (what a restart restores it from). */
        POSITION,
        /** A point of the equity curve with the account's figures (what a restart restores the account from). */
        EQUITY
    }

    /**
     * Makes the field map unmodifiable.
     *
     * @param type type
     * @param at time
     * @param key idempotency key
     * @param correlationId correlation id
     * @param fields values
     */
    public AuditRecord {
        fields = Map.copyOf(fields);
        correlationId = correlationId == null ? "" : correlationId;
    }
}
