// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.model;

import java.math.BigDecimal;

/**
 * Exact conversions between decimal strings and fixed-point {@code long} values.
 *
 * <p>A fixed-point value is a {@code long raw} with an implied number of decimal places, the scale:
 * {@code raw = 6180020, scale = 2} is {@code 61800.20}. Parsing never rounds: a string with more significant
 * decimals than the scale, a non-numeric character, a missing digit or a value that does not fit in a
 * {@code long} is rejected with {@link NumberFormatException}, so a bad venue message can never become a
 * silently different number. Trailing zeros beyond the scale are accepted ({@code "0.00100000"} at scale 3
 * is {@code 1}).
 */
public final class FixedPoint {

    /** Largest scale supported: {@code 10^18} is the largest power of ten that fits in a {@code long}. */
    public static final int MAX_SCALE = 18;

    private static final long[] POW10 = new long[MAX_SCALE + 1];
    /** Largest value that may still be multiplied by {@code POW10[k]} without overflow. */
    private static final long[] MAX_BEFORE_SCALING = new long[MAX_SCALE + 1];

    static {
        long p = 1;
        for (int i = 0; i <= MAX_SCALE; i++) {
            POW10[i] = p;
            MAX_BEFORE_SCALING[i] = Long.MAX_VALUE / p;
            p *= 10;
        }
    }

    private FixedPoint() {
    }

    /**
     * Returns {@code 10^scale}.
     *
     * @param scale 0..18
     * @return ten to the power of {@code scale}
     */
    public static long pow10(int scale) {
        checkScale(scale);
        return POW10[scale];
    }

    /**
     * Parses a decimal string such as {@code "61800.20"} or {@code "-0.5"} exactly.
     *
     * @param s the decimal text (optional leading '-', digits, optional '.' and digits; no exponent)
     * @param scale number of implied decimal places of the result
     * @return the raw fixed-point value
     * @throws NumberFormatException if the text is not a plain decimal, has more significant decimals than
     *     {@code scale} or overflows a {@code long}
     */
    public static long parse(CharSequence s, int scale) {
        return parse(s, 0, s.length(), scale);
    }

    /**
     * Parses {@code s[from, to)} exactly; see {@link #parse(CharSequence, int)}.
     *
     * @param s text holding the number
     * @param from first index (inclusive)
     * @param to last index (exclusive)
     * @param scale number of implied decimal places of the result
     * @return the raw fixed-point value
     */
    public static long parse(CharSequence s, int from, int to, int scale) {
        checkScale(scale);
        if (from >= to) {
            throw new NumberFormatException("empty number");
        }
        int i = from;
        boolean negative = s.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        int intDigits = 0;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                break;
            }
            value = appendDigit(value, c, s, from, to);
            intDigits++;
        }
        int fracDigits = 0;
        if (i < to) {
            i++; // skip '.'
            for (; i < to; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    throw error("'" + c + "' is not a digit", s, from, to);
                }
                if (fracDigits < scale) {
                    value = appendDigit(value, c, s, from, to);
                } else if (c != '0') {
                    throw error("more than " + scale + " decimals", s, from, to);
                } else {
                    continue;
                }
                fracDigits++;
            }
            if (fracDigits == 0 && intDigits == 0) {
                throw error("no digits", s, from, to);
            }
        } else if (intDigits == 0) {
            throw error("no digits", s, from, to);
        }
        for (; fracDigits < scale; fracDigits++) {
            if (value > Long.MAX_VALUE / 10) {
                throw error("overflows a long at scale " + scale, s, from, to);
            }
            value *= 10;
        }
        return negative ? -value : value;
    }

    /**
     * Parses ASCII bytes {@code b[from, to)} exactly, without creating a String; see
     * {@link #parse(CharSequence, int)}. Meant for hand-written JSON scanners on the hot path.
     *
     * @param b ASCII bytes holding the number
     * @param from first index (inclusive)
     * @param to last index (exclusive)
     * @param scale number of implied decimal places of the result
     * @return the raw fixed-point value
     */
    public static long parse(byte[] b, int from, int to, int scale) {
        // fast path for the common shape (at most 18 significant digits, well formed); anything else, including
        // every error, goes through the careful parser below, which says exactly what is wrong
        if (scale < 0 || scale > MAX_SCALE || from >= to) {
            return parseCarefully(b, from, to, scale);
        }
        int i = from;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        int start = i;
        long value = 0;
        int d;
        while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
            value = value * 10 + d;
            i++;
        }
        int intDigits = i - start;
        int fracDigits = 0;
        if (i < to && b[i] == '.') {
            int fracStart = ++i;
            int limit = Math.min(to, fracStart + scale);
            while (i < limit && (d = b[i] - '0') >= 0 && d <= 9) {
                value = value * 10 + d;
                i++;
            }
            fracDigits = i - fracStart;
            while (i < to && b[i] == '0') {
                i++; // zeros beyond the scale change nothing
            }
        }
        if (i != to || intDigits + fracDigits == 0 || intDigits + fracDigits > 18
                || value > MAX_BEFORE_SCALING[scale - fracDigits]) {
            return parseCarefully(b, from, to, scale);
        }
        value *= POW10[scale - fracDigits];
        return negative ? -value : value;
    }

    private static long parseCarefully(byte[] b, int from, int to, int scale) {
        checkScale(scale);
        if (from >= to) {
            throw new NumberFormatException("empty number");
        }
        int i = from;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        int digits = 0;
        int fracDigits = -1;
        for (; i < to; i++) {
            int c = b[i];
            if (c == '.') {
                if (fracDigits >= 0) {
                    throw errorBytes("two decimal points", b, from, to);
                }
                fracDigits = 0;
                continue;
            }
            if (c < '0' || c > '9') {
                throw errorBytes("'" + (char) c + "' is not a digit", b, from, to);
            }
            if (fracDigits >= 0) {
                if (fracDigits >= scale) {
                    if (c != '0') {
                        throw errorBytes("more than " + scale + " decimals", b, from, to);
                    }
                    continue;
                }
                fracDigits++;
            }
            digits++;
            if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
                throw errorBytes("overflows a long at scale " + scale, b, from, to);
            }
            value = value * 10 + (c - '0');
        }
        if (digits == 0 && fracDigits <= 0) {
            throw errorBytes("no digits", b, from, to);
        }
        for (int f = Math.max(fracDigits, 0); f < scale; f++) {
            if (value > Long.MAX_VALUE / 10) {
                throw errorBytes("overflows a long at scale " + scale, b, from, to);
            }
            value *= 10;
        }
        return negative ? -value : value;
    }

    /**
     * Formats a raw value as a plain decimal string with exactly {@code scale} decimals
     * ({@code format(6180020, 2)} is {@code "61800.20"}).
     *
     * @param raw fixed-point value
     * @param scale implied decimal places
     * @return plain decimal text
     */
    public static String format(long raw, int scale) {
        return toBigDecimal(raw, scale).toPlainString();
    }

    /**
     * Formats a raw value without trailing zeros after the decimal point ({@code "61800.2"}, {@code "3"}).
     *
     * @param raw fixed-point value
     * @param scale implied decimal places
     * @return shortest plain decimal text
     */
    public static String formatTrimmed(long raw, int scale) {
        BigDecimal d = toBigDecimal(raw, scale).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }

    /**
     * Converts to an exact {@link BigDecimal} (for JSON, SQL and REST edges).
     *
     * @param raw fixed-point value
     * @param scale implied decimal places
     * @return {@code raw / 10^scale} exactly
     */
    public static BigDecimal toBigDecimal(long raw, int scale) {
        return BigDecimal.valueOf(raw, scale);
    }

    /**
     * Converts a {@link BigDecimal} to a raw value at {@code scale}, exactly.
     *
     * @param value the decimal
     * @param scale implied decimal places of the result
     * @return the raw value
     * @throws ArithmeticException if {@code value} has more significant decimals than {@code scale} or
     *     does not fit in a {@code long}
     */
    public static long fromBigDecimal(BigDecimal value, int scale) {
        return value.setScale(scale).unscaledValue().longValueExact();
    }

    /**
     * Changes the scale of a raw value exactly.
     *
     * @param raw value at {@code fromScale}
     * @param fromScale its scale
     * @param toScale wanted scale
     * @return the same number at {@code toScale}
     * @throws ArithmeticException if precision would be lost or the result overflows
     */
    public static long rescale(long raw, int fromScale, int toScale) {
        if (toScale >= fromScale) {
            return Math.multiplyExact(raw, pow10(toScale - fromScale));
        }
        long div = pow10(fromScale - toScale);
        if (raw % div != 0) {
            throw new ArithmeticException(format(raw, fromScale) + " has more than " + toScale + " decimals");
        }
        return raw / div;
    }

    private static long appendDigit(long value, char c, CharSequence s, int from, int to) {
        if (c < '0' || c > '9') {
            throw error("'" + c + "' is not a digit", s, from, to);
        }
        try {
            return Math.addExact(Math.multiplyExact(value, 10L), c - '0');
        } catch (ArithmeticException e) {
            throw error("overflows a long", s, from, to);
        }
    }

    private static void checkScale(int scale) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be 0.." + MAX_SCALE + ": " + scale);
        }
    }

    private static NumberFormatException error(String what, CharSequence s, int from, int to) {
        return new NumberFormatException("not an exact decimal (" + what + "): \"" + s.subSequence(from, to) + "\"");
    }

    private static NumberFormatException errorBytes(String what, byte[] b, int from, int to) {
        int end = Math.min(to, from + 40);
        return new NumberFormatException("not an exact decimal (" + what + "): \""
                + new String(b, from, end - from, java.nio.charset.StandardCharsets.ISO_8859_1) + "\"");
    }
}
