// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.risk;

import java.util.Objects;

/**
 * The outcome of a risk check, with the rule that decided and a human reason, e.g.
 * {@code DENY max-position "notional 12,000.00 > max 10,000.00 for BTCUSDT-PERP"}.
 *
 * @param verdict allow, deny or halt
 * @param rule name of the deciding rule ({@code default-allow} when no rule objected)
 * @param reason what a risk officer reads
 */
public record RiskDecision(Verdict verdict, String rule, String reason) {

    /** Risk verdicts. */
    public enum Verdict {
        /** The order may be sent. */
        ALLOW,
        /** The order must not be sent. */
        DENY,
        /** The order must not be sent and the kill switch must fire. */
        HALT
    }

    /**
     * Validates the decision.
     *
     * @param verdict verdict
     * @param rule rule name
     * @param reason human reason
     */
    public RiskDecision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * A denial that fails closed (no risk service, rule error, unknown state).
     *
     * @param rule what failed
     * @param reason why
     * @return a DENY decision
     */
    public static RiskDecision deny(String rule, String reason) {
        return new RiskDecision(Verdict.DENY, rule, reason);
    }

    /** @return true if the order may be sent */
    public boolean allowed() {
        return verdict == Verdict.ALLOW;
    }
}
