// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How an instrument's prices and quantities map to fixed-point longs.
 *
 * <p>A price is stored as {@code raw = price * 10^priceScale}, a quantity as {@code raw = qty * 10^qtyScale}.
 * The scales are chosen so every price and quantity the venue can send is an exact integer: at least the number
 * of decimals of the tick size and lot size. {@code tickSize} and {@code lotSize} are raw values at those scales.
 *
 * @param id the instrument
 * @param priceScale decimals of a price
 * @param qtyScale decimals of a quantity
 * @param tickSize smallest price increment, raw at {@code priceScale} (at least 1)
 * @param lotSize smallest quantity increment, raw at {@code qtyScale} (at least 1)
 */
public record InstrumentSpec(InstrumentId id, int priceScale, int qtyScale, long tickSize, long lotSize) {

    /**
     * Validates the spec.
     *
     * @param id the instrument
     * @param priceScale decimals of a price
     * @param qtyScale decimals of a quantity
     * @param tickSize raw tick size
     * @param lotSize raw lot size
     */
    public InstrumentSpec {
        Objects.requireNonNull(id, "id");
        if (priceScale < 0 || priceScale > 12 || qtyScale < 0 || qtyScale > 12) {
            throw new IllegalArgumentException("scales must be 0..12 for " + id + ": price " + priceScale + ", qty " + qtyScale);
        }
        if (tickSize < 1 || lotSize < 1) {
            throw new IllegalArgumentException("tick and lot size must be positive for " + id);
        }
    }

    /**
     * Builds a spec from decimal tick and lot sizes; the scales are their numbers of decimals.
     *
     * @param id the instrument
     * @param tick tick size, e.g. {@code "0.10"}
     * @param lot lot size, e.g. {@code "0.001"}
     * @return the spec
     */
    public static InstrumentSpec of(InstrumentId id, String tick, String lot) {
        BigDecimal t = new BigDecimal(tick).stripTrailingZeros();
        BigDecimal l = new BigDecimal(lot).stripTrailingZeros();
        int ps = Math.max(t.scale(), 0);
        int qs = Math.max(l.scale(), 0);
        return new InstrumentSpec(id, ps, qs, FixedPoint.fromBigDecimal(t, ps), FixedPoint.fromBigDecimal(l, qs));
    }

    /**
     * Parses a price string exactly at this instrument's scale.
     *
     * @param text decimal text
     * @return raw price
     */
    public long parsePrice(CharSequence text) {
        return FixedPoint.parse(text, priceScale);
    }

    /**
     * Parses a quantity string exactly at this instrument's scale.
     *
     * @param text decimal text
     * @return raw quantity
     */
    public long parseQty(CharSequence text) {
        return FixedPoint.parse(text, qtyScale);
    }

    /**
     * Formats a raw price with exactly {@link #priceScale()} decimals.
     *
     * @param raw raw price
     * @return decimal text
     */
    public String formatPrice(long raw) {
        return FixedPoint.format(raw, priceScale);
    }

    /**
     * Formats a raw quantity with exactly {@link #qtyScale()} decimals.
     *
     * @param raw raw quantity
     * @return decimal text
     */
    public String formatQty(long raw) {
        return FixedPoint.format(raw, qtyScale);
    }
}
