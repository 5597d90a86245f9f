// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.truth;

import java.math.BigDecimal;

/** The level hash and finaliser behind {@link org.tradeengine.emulator.BookDigest}, shared with the true book. */
public final class LevelHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private LevelHash() {
    }

    /**
     * @param bid side
     * @param price price
     * @param qty quantity
     * @return 64-bit hash of the canonical text {@code B|A price @ qty}
     */
    public static long of(boolean bid, BigDecimal price, BigDecimal qty) {
        long h = FNV_OFFSET;
        h = (h ^ (bid ? 'B' : 'A')) * FNV_PRIME;
        h = text(h, canonical(price));
        h = (h ^ '@') * FNV_PRIME;
        h = text(h, canonical(qty));
        return mix(h);
    }

    /**
     * @param v a decimal
     * @return {@code v.stripTrailingZeros().toPlainString()}
     */
    public static String canonical(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    /**
     * @param sum sum of the level hashes
     * @param count number of levels
     * @return the book digest
     */
    public static long finish(long sum, long count) {
        return mix(sum ^ mix(count + 0x9E3779B97F4A7C15L));
    }

    private static long text(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /** murmur3 fmix64. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
