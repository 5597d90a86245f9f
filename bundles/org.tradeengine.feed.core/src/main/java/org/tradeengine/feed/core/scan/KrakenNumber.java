// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.scan;

/**
 * Reads a JSON number {@code -?digits(.digits)?([eE][+-]?digits)?} from bytes exactly at a fixed-point scale, for
 * {@link KrakenScanner}: the digits are gathered as a mantissa without its trailing zeros and a power of ten, so
 * {@code 20108.0}, {@code 1e-05} and {@code 2.5E3} are all exact, and a value with a non-zero digit below the scale is
 * refused rather than rounded. Allocation-free: the outcome of the last call is in {@link #problem}.
 */
final class KrakenNumber {

    /** The last value was read exactly. */
    static final int OK = 0;
    /** Not a JSON number (a string, a literal, a stray character, no digits). */
    static final int NOT_A_NUMBER = 1;
    /** A non-zero digit below the scale. */
    static final int INEXACT = 2;
    /** More than a long holds at the scale. */
    static final int TOO_LARGE = 3;

    private static final long[] POW10 = new long[19];
    private static final int MAX_EXPONENT = 10_000;

    static {
        long v = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = v;
            v *= 10;
        }
    }

    /** Outcome of the last {@link #parse}. */
    int problem;

    /**
     * @param b bytes
     * @param from first byte of the number
     * @param to end of the number (exclusive)
     * @param scale decimals of the result
     * @return the raw value at {@code scale} (negative numbers stay negative), meaningful only if {@link #problem}
     *     is {@link #OK}
     */
    long parse(byte[] b, int from, int to, int scale) {
        problem = OK;
        int i = from;
        boolean negative = i < to && b[i] == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        int pendingZeros = 0;
        int exp10 = 0;
        int intStart = i;
        for (; i < to && isDigit(b[i]); i++) {
            int d = b[i] - '0';
            if (d == 0) {
                pendingZeros += value != 0 ? 1 : 0;
            } else {
                value = append(value, d, pendingZeros);
                pendingZeros = 0;
            }
        }
        boolean digits = i > intStart;
        if (i < to && b[i] == '.') {
            int fracStart = ++i;
            for (; i < to && isDigit(b[i]); i++) {
                int d = b[i] - '0';
                if (d == 0) {
                    pendingZeros += value != 0 ? 1 : 0;
                } else {
                    value = append(value, d, pendingZeros);
                    pendingZeros = 0;
                }
                exp10--;
            }
            digits &= i > fracStart;
        }
        if (digits && i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negExp = i < to && b[i] == '-';
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int expStart = i;
            int e = 0;
            for (; i < to && isDigit(b[i]); i++) {
                e = Math.min(e * 10 + (b[i] - '0'), MAX_EXPONENT);
            }
            digits = i > expStart;
            exp10 += negExp ? -e : e;
        }
        if (!digits || i != to) {
            problem = NOT_A_NUMBER;
            return 0;
        }
        if (problem != OK || value == 0) {
            return 0;
        }
        // the value is mantissa * 10^(exp10 + pendingZeros): trailing zeros never count against the 18 digits
        int shift = scale + exp10 + pendingZeros;
        if (shift < 0) {
            problem = INEXACT;
            return 0;
        }
        if (shift >= POW10.length || value > Long.MAX_VALUE / POW10[shift]) {
            problem = TOO_LARGE;
            return 0;
        }
        long v = value * POW10[shift];
        return negative ? -v : v;
    }

    /** value * 10^(zeros + 1) + digit, or TOO_LARGE. */
    private long append(long value, int digit, int zeros) {
        long v = value;
        for (int k = 0; k <= zeros; k++) {
            if (v > Long.MAX_VALUE / 10) {
                problem = TOO_LARGE;
                return 0;
            }
            v *= 10;
        }
        if (v > Long.MAX_VALUE - digit) {
            problem = TOO_LARGE;
            return 0;
        }
        return v + digit;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
