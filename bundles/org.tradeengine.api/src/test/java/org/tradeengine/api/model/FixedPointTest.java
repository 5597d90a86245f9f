// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact parsing (chars and bytes alike), formatting and conversions of fixed-point values. */
class FixedPointTest {

    private static long parseBytes(String s, int scale) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return FixedPoint.parse(b, 0, b.length, scale);
    }

    /** Parses with both entry points, asserts they agree and returns the value. */
    private static long parseBoth(String s, int scale) {
        long chars = FixedPoint.parse(s, scale);
        assertEquals(chars, parseBytes(s, scale), "bytes and chars disagree on \"" + s + "\" at scale " + scale);
        return chars;
    }

    /** Asserts both entry points refuse the text with a NumberFormatException naming it. */
    private static void assertRefused(String s, int scale, String why) {
        NumberFormatException c = assertThrows(NumberFormatException.class, () -> FixedPoint.parse(s, scale), s);
        NumberFormatException b = assertThrows(NumberFormatException.class, () -> parseBytes(s, scale), s);
        assertTrue(c.getMessage().contains(why), c.getMessage());
        assertTrue(b.getMessage().contains(why), b.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"61800.20, 2, 6180020", "61800.2, 2, 6180020", "61800, 2, 6180000", "0.001, 3, 1", "1., 3, 1000",
        ".5, 3, 500", "-0.5, 3, -500", "-.5, 3, -500", "-61800.2, 1, -618002", "0, 0, 0", "-0, 2, 0", "007.50, 2, 750",
        "9223372036854775, 3, 9223372036854775000"})
    void parsesPlainDecimalsExactly(String text, int scale, long raw) {
        assertEquals(raw, parseBoth(text, scale));
    }

    @ParameterizedTest
    @CsvSource({"0.00100000, 3, 1", "61800.20000000, 1, 618002", "1.000, 0, 1", "0.000, 3, 0", "5.10, 1, 51"})
    void trailingZerosBeyondTheScaleAreAccepted(String text, int scale, long raw) {
        assertEquals(raw, parseBoth(text, scale));
    }

    @ParameterizedTest
    @CsvSource({"0.0011, 3", "1.5, 0", "61800.25, 1", "0.000000001, 8", "1.0001, 3", ".5, 0"})
    void moreSignificantDecimalsThanTheScaleAreRefused(String text, int scale) {
        assertRefused(text, scale, "more than " + scale + " decimals");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "+1", " 1", "1 ", "1-", "--1", "12a", "1,5", "0x10", "1.2.3", "1..", "NaN"})
    void nonDigitsAreRefused(String text) {
        assertThrows(NumberFormatException.class, () -> FixedPoint.parse(text, 3), text);
        assertThrows(NumberFormatException.class, () -> parseBytes(text, 3), text);
    }

    @Test
    void emptyTextIsRefused() {
        assertRefused("", 2, "empty");
        assertThrows(NumberFormatException.class, () -> FixedPoint.parse("12345", 2, 2, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", ".", "-."})
    void signOrPointWithoutDigitsIsRefused(String text) {
        assertRefused(text, 2, "no digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"92233720368547758070", "-92233720368547758070", "99999999999999999999.5"})
    void integerDigitsBeyondALongAreRefused(String text) {
        assertRefused(text, 1, "overflows a long");
    }

    @Test
    void aRangeInsideLongerTextIsParsedAlone() {
        assertEquals(618002, FixedPoint.parse("[\"61800.20\",", 2, 10, 1));
        byte[] b = "{\"p\":\"-0.125\"}".getBytes(StandardCharsets.US_ASCII);
        assertEquals(-125, FixedPoint.parse(b, 6, 12, 3));
    }

    @Test
    void scalesOutsideZeroToEighteenAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.parse("1", 19));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.parse("1", -1));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.pow10(19));
        assertEquals(1_000_000_000_000_000_000L, FixedPoint.pow10(18));
        assertEquals(1, FixedPoint.pow10(0));
    }

    @ParameterizedTest
    @CsvSource({"6180020, 2, 61800.20, 61800.2", "300, 2, 3.00, 3", "0, 3, 0.000, 0", "100, 0, 100, 100",
        "-1500, 3, -1.500, -1.5", "-5, 3, -0.005, -0.005", "1, 8, 0.00000001, 0.00000001"})
    void formatsWithExactScaleOrTrimmed(long raw, int scale, String exact, String trimmed) {
        assertEquals(exact, FixedPoint.format(raw, scale));
        assertEquals(trimmed, FixedPoint.formatTrimmed(raw, scale));
        assertEquals(new BigDecimal(exact), FixedPoint.toBigDecimal(raw, scale));
    }

    @Test
    void formatParseAndBigDecimalRoundTripsKeepEveryValue() {
        Random rng = new Random(61800);
        for (int i = 0; i < 20_000; i++) {
            int scale = rng.nextInt(9);
            long raw = rng.nextInt(4) == 0 ? rng.nextInt(2001) - 1000 : rng.nextLong() / FixedPoint.pow10(rng.nextInt(19));
            assertEquals(raw, parseBoth(FixedPoint.format(raw, scale), scale));
            assertEquals(raw, parseBoth(FixedPoint.formatTrimmed(raw, scale), scale));
            BigDecimal d = FixedPoint.toBigDecimal(raw, scale);
            assertEquals(raw, FixedPoint.fromBigDecimal(d, scale));
            long small = raw % 1_000_000_000_000L;
            int finer = scale + rng.nextInt(6);
            assertEquals(small, FixedPoint.rescale(FixedPoint.rescale(small, scale, finer), finer, scale));
        }
    }

    @Test
    void fromBigDecimalIsExactOrRefuses() {
        assertEquals(15, FixedPoint.fromBigDecimal(new BigDecimal("1.50"), 1));
        assertEquals(1500, FixedPoint.fromBigDecimal(new BigDecimal("1.5"), 3));
        assertEquals(100, FixedPoint.fromBigDecimal(new BigDecimal("1E+2"), 0));
        assertThrows(ArithmeticException.class, () -> FixedPoint.fromBigDecimal(new BigDecimal("0.0011"), 3));
        assertThrows(ArithmeticException.class, () -> FixedPoint.fromBigDecimal(new BigDecimal("1E+30"), 0));
    }

    @Test
    void rescaleIsExactOrRefuses() {
        assertEquals(1500, FixedPoint.rescale(15, 1, 3));
        assertEquals(15, FixedPoint.rescale(1500, 3, 1));
        assertEquals(-7, FixedPoint.rescale(-7, 2, 2));
        ArithmeticException lossy = assertThrows(ArithmeticException.class, () -> FixedPoint.rescale(1501, 3, 1));
        assertTrue(lossy.getMessage().contains("1.501"), lossy.getMessage());
        assertThrows(ArithmeticException.class, () -> FixedPoint.rescale(Long.MAX_VALUE / 10, 0, 2));
    }

    @Test
    void valueThatOverflowsOnlyOnceScaledIsANumberFormatException() {
        assertRefused("100000000000", 8, "overflows a long");
        assertRefused("9223372036854775807", 3, "overflows a long");
    }

    @Test
    void bytesAcceptTheLargestLongsAsCharsDo() {
        assertEquals(Long.MAX_VALUE, parseBoth("9223372036854775807", 0));
    }
}
