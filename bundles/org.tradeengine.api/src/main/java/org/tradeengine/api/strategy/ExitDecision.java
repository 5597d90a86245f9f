// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.strategy;

import java.util.Objects;

import org.tradeengine.api.model.InstrumentId;

/**
 * A position to close.
 *
 * @param instrument the position's instrument
 * @param rule the exit rule ({@code profit-target}, {@code stop-loss}, {@code time-stop})
 * @param reason a human reason with the figures ("+0.2135 % >= +0.20 % target")
 */
public record ExitDecision(InstrumentId instrument, String rule, String reason) {

    /**
     * Checks the fields.
     *
     * @param instrument instrument
     * @param rule rule
     * @param reason reason
     */
    public ExitDecision {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }
}
