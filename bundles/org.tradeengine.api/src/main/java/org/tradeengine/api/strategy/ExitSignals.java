// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.strategy;

import org.tradeengine.api.risk.PositionMark;

/** The global {@code exits} through which exit rules close positions. */
public interface ExitSignals {

    /**
     * Close this position.
     *
     * @param position the position fact the rule matched
     * @param rule the rule's name ({@code drools.getRule().getName()})
     * @param reason a human reason with the figures
     */
    void exit(PositionMark position, String rule, String reason);
}
