// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.risk;

import java.util.Objects;

import org.tradeengine.api.model.InstrumentId;

/**
 * Something the risk rules require after a mark update.
 *
 * @param kind what to do
 * @param instrument the position concerned (FLATTEN), null otherwise
 * @param rule the rule that asked for it
 * @param reason a human reason with the figures ("daily P&amp;L -512.40 below the limit -500.00")
 */
public record RiskAction(Kind kind, InstrumentId instrument, String rule, String reason) {

    /** Kinds of action. */
    public enum Kind {
        /** Fire the kill switch: latch HALTED, cancel everything, flatten everything. */
        HALT,
        /** Only orders that reduce exposure from now on (trading state REDUCING). */
        REDUCE,
        /** Close this one position (reduce-only), e.g. held too long. */
        FLATTEN
    }

    /**
     * Checks the fields.
     *
     * @param kind kind
     * @param instrument instrument (FLATTEN only)
     * @param rule rule
     * @param reason reason
     */
    public RiskAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        if (kind == Kind.FLATTEN && instrument == null) {
            throw new IllegalArgumentException("FLATTEN needs an instrument: " + rule);
        }
    }
}
