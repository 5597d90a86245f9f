// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.model;

/** The side of a book level, a signal or an order. */
public enum Side {
    /** Bid side of a book; a buy order or signal. */
    BUY,
    /** Ask side of a book; a sell order or signal. */
    SELL;

    /**
     * Returns the other side.
     *
     * @return SELL for BUY and BUY for SELL
     */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
