// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.orderbook.internal;

import org.tradeengine.api.book.BookDelta;

/**
 * Refuses deltas whose numbers no venue can mean: a price at or below zero or absurdly large, or a negative
 * quantity. Checked before a book changes anything, so a broken message is never half applied.
 */
final class DeltaChecks {

    /** Upper bound of raw prices, leaving the books room to offset (negated) prices without overflow. */
    static final long MAX_PRICE = 1L << 62;

    private DeltaChecks() {
    }

    /**
     * @param delta the delta about to be applied
     * @throws IllegalArgumentException naming the delta, the side, the entry and the raw value
     */
    static void requireValidLevels(BookDelta delta) {
        for (int i = 0, n = delta.bidCount(); i < n; i++) {
            check(delta, "bid", i, delta.bidPrice(i), delta.bidQty(i));
        }
        for (int i = 0, n = delta.askCount(); i < n; i++) {
            check(delta, "ask", i, delta.askPrice(i), delta.askQty(i));
        }
    }

    private static void check(BookDelta delta, String side, int i, long price, long qty) {
        if (price <= 0 || price >= MAX_PRICE || qty < 0) {
            throw new IllegalArgumentException("bad " + side + " entry " + i + " in " + delta + ": raw price " + price
                    + ", raw qty " + qty + " (price must be in (0, 2^62), qty >= 0); delta not applied");
        }
    }
}
