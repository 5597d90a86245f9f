// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.risk;

import org.tradeengine.api.model.InstrumentId;

/**
 * The global {@code verdicts} through which risk rules decide. For an order check, one DENY or HALT is enough to stop
 * the order (HALT also fires the kill switch); no call means ALLOW. For an account check, each call is an action.
 */
public interface RiskVerdicts {

    /**
     * The order must not be sent.
     *
     * @param rule the rule's name ({@code drools.getRule().getName()})
     * @param reason a human reason with the figures
     */
    void deny(String rule, String reason);

    /**
     * The order must not be sent and the kill switch fires; in an account check: fire the kill switch.
     *
     * @param rule the rule's name
     * @param reason a human reason with the figures
     */
    void halt(String rule, String reason);

    /**
     * From now on only orders that reduce exposure (account checks).
     *
     * @param rule the rule's name
     * @param reason a human reason
     */
    void reduce(String rule, String reason);

    /**
     * Close one position reduce-only (account checks, e.g. the maximum holding time).
     *
     * @param instrument the position
     * @param rule the rule's name
     * @param reason a human reason
     */
    void flatten(InstrumentId instrument, String rule, String reason);
}
