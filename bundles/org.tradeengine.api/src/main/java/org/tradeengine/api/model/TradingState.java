// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.model;

/**
 * What the engine may do. Cancels are allowed in every state.
 */
public enum TradingState {
    /** New entries, exits and cancels are allowed (subject to risk rules). */
    ACTIVE,
    /** Only orders that reduce exposure, and cancels. */
    REDUCING,
    /** Only cancels and flattening; latched by the kill switch until an explicit reset with a reason. */
    HALTED;

    /**
     * Tells whether an order that would open or increase exposure may be sent in this state.
     *
     * @return true only for {@link #ACTIVE}
     */
    public boolean allowsNewExposure() {
        return this == ACTIVE;
    }
}
