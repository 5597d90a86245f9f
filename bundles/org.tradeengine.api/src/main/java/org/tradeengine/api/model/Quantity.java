// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.model;

import java.math.BigDecimal;

/**
 * An exact fixed-point quantity: {@code raw / 10^scale}. Used at the edges (order intents, journals, APIs);
 * the hot path keeps bare {@code long}s at the instrument's scale.
 *
 * @param raw the unscaled value
 * @param scale implied decimal places (0..18)
 */
public record Quantity(long raw, int scale) implements Comparable<Quantity> {

    /**
     * Validates the scale.
     *
     * @param raw the unscaled value
     * @param scale implied decimal places
     */
    public Quantity {
        FixedPoint.pow10(scale);
    }

    /**
     * Parses a decimal string exactly.
     *
     * @param text plain decimal text such as {@code "61800.20"}
     * @param scale implied decimal places of the result
     * @return the quantity
     * @throws NumberFormatException if the text is not an exact decimal at {@code scale}
     */
    public static Quantity parse(String text, int scale) {
        return new Quantity(FixedPoint.parse(text, scale), scale);
    }

    /**
     * Converts exactly from a {@link BigDecimal}.
     *
     * @param value the decimal
     * @param scale implied decimal places of the result
     * @return the quantity
     * @throws ArithmeticException if {@code value} needs more decimals than {@code scale}
     */
    public static Quantity of(BigDecimal value, int scale) {
        return new Quantity(FixedPoint.fromBigDecimal(value, scale), scale);
    }

    /**
     * Returns the exact decimal value.
     *
     * @return {@code raw / 10^scale}
     */
    public BigDecimal toBigDecimal() {
        return FixedPoint.toBigDecimal(raw, scale);
    }

    @Override
    public int compareTo(Quantity o) {
        return scale == o.scale ? Long.compare(raw, o.raw) : toBigDecimal().compareTo(o.toBigDecimal());
    }

    /** Returns the plain decimal text with exactly {@code scale} decimals. */
    @Override
    public String toString() {
        return FixedPoint.format(raw, scale);
    }
}
