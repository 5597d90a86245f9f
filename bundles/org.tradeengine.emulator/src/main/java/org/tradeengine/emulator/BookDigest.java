// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;

import org.tradeengine.emulator.internal.truth.LevelHash;

/**
 * A stable 64-bit digest of a whole L2 book, to compare a client's book with the emulator's truth at one update id
 * ({@link VenueEmulator#truthDigest}).
 *
 * <p>Canonical form: every level as side, {@code price.stripTrailingZeros().toPlainString()} and the same of the
 * quantity, so {@code "58710.20"} and {@code 58710.2} are the same price. Each level is hashed (FNV-1a 64 plus a
 * murmur3 finaliser) and the level hashes are summed, so the digest does not depend on the maps' iteration order and
 * the emulator can keep it up to date per event. Levels with quantity zero count as absent. Equal books have equal
 * digests; different books differ except with probability about 2<sup>-64</sup>.
 */
public final class BookDigest {

    private BookDigest() {
    }

    /**
     * @param bids price to quantity (any order)
     * @param asks price to quantity (any order)
     * @return the digest of the book
     */
    public static long of(NavigableMap<BigDecimal, BigDecimal> bids, NavigableMap<BigDecimal, BigDecimal> asks) {
        long sum = 0;
        long count = 0;
        for (Map.Entry<BigDecimal, BigDecimal> e : bids.entrySet()) {
            if (e.getValue().signum() != 0) {
                sum += LevelHash.of(true, e.getKey(), e.getValue());
                count++;
            }
        }
        for (Map.Entry<BigDecimal, BigDecimal> e : asks.entrySet()) {
            if (e.getValue().signum() != 0) {
                sum += LevelHash.of(false, e.getKey(), e.getValue());
                count++;
            }
        }
        return LevelHash.finish(sum, count);
    }
}
