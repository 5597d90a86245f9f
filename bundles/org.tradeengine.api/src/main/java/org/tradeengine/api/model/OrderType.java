// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.model;

/** Order types the platform sends. */
public enum OrderType {
    /** Takes liquidity at the best available prices. */
    MARKET,
    /** Rests at a limit price unless it crosses. */
    LIMIT
}
