// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;

/**
 * A copy of the emulator's true book of one symbol.
 *
 * @param symbol venue symbol (upper case)
 * @param lastUpdateId id of the last event applied (Binance {@code u}, Kraken {@code seq}); the recorded snapshot's
 *        id before any event was applied
 * @param bids price to quantity, best (highest) first, unmodifiable
 * @param asks price to quantity, best (lowest) first, unmodifiable
 */
public record TrueBook(String symbol, long lastUpdateId, NavigableMap<BigDecimal, BigDecimal> bids,
        NavigableMap<BigDecimal, BigDecimal> asks) {

    /** Wraps the maps unmodifiable; callers hand over copies. */
    public TrueBook {
        Objects.requireNonNull(symbol, "symbol");
        bids = Collections.unmodifiableNavigableMap(bids);
        asks = Collections.unmodifiableNavigableMap(asks);
    }

    /** @return {@link BookDigest#of} of this book */
    public long digest() {
        return BookDigest.of(bids, asks);
    }
}
