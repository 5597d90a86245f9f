// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces a replay by the recording's local timestamps: at speed {@code s}, a line recorded {@code t} after the
 * first one is released {@code t / s} after the pass started. Speed 0 means as fast as possible. The speed is
 * an exact decimal {@code unscaled / 10^scale}; no floating point.
 */
final class Pacer {

    private static final int MAX_SCALE = 9;

    private final long unscaled;
    private final long pow10;
    private long recordedStart = -1;
    private long wallStart;

    /**
     * @param speed a speed accepted by {@link #parseSpeed(String)}
     */
    Pacer(BigDecimal speed) {
        BigDecimal s = speed.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        this.unscaled = s.unscaledValue().longValueExact();
        this.pow10 = BigInteger.TEN.pow(s.scale()).longValueExact();
    }

    /**
     * @param speed decimal text: "1" recorded pace, "10" ten times faster, "0.5" half, "0" unpaced
     * @return the speed
     * @throws IllegalArgumentException for a negative, non-numeric, too precise or too large speed
     */
    static BigDecimal parseSpeed(String speed) {
        BigDecimal s;
        try {
            s = new BigDecimal(speed.trim()).stripTrailingZeros();
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("speed must be a decimal number such as 1, 10 or 0.5, not '" + speed + "'");
        }
        if (s.signum() < 0) {
            throw new IllegalArgumentException("speed must not be negative: " + speed);
        }
        if (s.scale() > MAX_SCALE) {
            throw new IllegalArgumentException("speed has more than " + MAX_SCALE + " decimals: " + speed);
        }
        if (s.precision() - s.scale() > 12) {
            throw new IllegalArgumentException("speed is too large: " + speed);
        }
        return s;
    }

    /** @return true if the replay runs as fast as possible */
    boolean unpaced() {
        return unscaled == 0;
    }

    /** Starts a pass: the next line sets the time origin. */
    void start() {
        recordedStart = -1;
    }

    /**
     * Waits until the line recorded at {@code recordedNanos} is due; returns early if the thread is interrupted.
     *
     * @param recordedNanos the line's local timestamp
     */
    void await(long recordedNanos) {
        if (unscaled == 0) {
            return;
        }
        if (recordedStart < 0) {
            recordedStart = recordedNanos;
            wallStart = System.nanoTime();
            return;
        }
        long elapsed = recordedNanos - recordedStart;
        if (elapsed <= 0) {
            return;
        }
        long due = wallStart + wallNanos(elapsed);
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(wait);
        }
    }

    /**
     * @param recordedElapsed nanoseconds of recording
     * @return nanoseconds of wall time they take at this speed
     */
    long wallNanos(long recordedElapsed) {
        try {
            return Math.multiplyExact(recordedElapsed / unscaled, pow10)
                    + Math.multiplyExact(recordedElapsed % unscaled, pow10) / unscaled;
        } catch (ArithmeticException e) {
            return BigInteger.valueOf(recordedElapsed).multiply(BigInteger.valueOf(pow10))
                    .divide(BigInteger.valueOf(unscaled)).min(BigInteger.valueOf(Long.MAX_VALUE / 2)).longValue();
        }
    }
}
