// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.live;

import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * {@code min(max, initial * 2^n)}, so reconnecting clients spread out while the first retry stays quick.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final LongUnaryOperator random;

    /**
     * @param initialMillis the ceiling of the first delay
     * @param maxMillis the largest ceiling
     * @param random {@code bound -> a value in [0, bound)}; e.g. {@code b -> ThreadLocalRandom.current().nextLong(b)}
     */
    public Backoff(long initialMillis, long maxMillis, LongUnaryOperator random) {
        if (initialMillis < 1 || maxMillis < initialMillis) {
            throw new IllegalArgumentException("need 1 <= initial <= max: " + initialMillis + ", " + maxMillis);
        }
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.random = random;
    }

    /**
     * @param attempt 0 for the first retry
     * @return the delay before that retry, ms
     */
    public long delayMillis(int attempt) {
        long ceiling = initialMillis;
        for (int i = 0; i < attempt && ceiling < maxMillis; i++) {
            ceiling = ceiling > maxMillis / 2 ? maxMillis : ceiling * 2;
        }
        ceiling = Math.min(ceiling, maxMillis);
        long half = ceiling / 2;
        return half + random.applyAsLong(ceiling - half + 1);
    }
}
