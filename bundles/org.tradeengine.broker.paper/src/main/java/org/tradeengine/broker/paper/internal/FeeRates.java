// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.math.BigDecimal;
import java.util.Objects;

import org.tradeengine.api.broker.OrderEvent.Liquidity;

/**
 * A venue's maker and taker fee rates (fractions of the notional: {@code 0.0002} is 2 bp). A negative rate is a
 * rebate. Fees are exact: {@code price × quantity × rate} with every decimal kept, never rounded.
 *
 * @param maker rate of a fill of a resting order
 * @param taker rate of a fill that took liquidity
 */
public record FeeRates(BigDecimal maker, BigDecimal taker) {

    /**
     * @param maker maker rate
     * @param taker taker rate
     */
    public FeeRates {
        Objects.requireNonNull(maker, "maker");
        Objects.requireNonNull(taker, "taker");
    }

    /**
     * Parses two decimal strings exactly (no binary floating point in between).
     *
     * @param maker maker rate, e.g. {@code "0.0002"}
     * @param taker taker rate, e.g. {@code "0.0005"}
     * @return the rates
     * @throws NumberFormatException if a string is not a plain decimal
     */
    public static FeeRates of(String maker, String taker) {
        return new FeeRates(new BigDecimal(maker), new BigDecimal(taker));
    }

    /**
     * @param liquidity maker or taker
     * @return the rate that applies
     */
    public BigDecimal rate(Liquidity liquidity) {
        return liquidity == Liquidity.MAKER ? maker : taker;
    }

    /**
     * The exact fee of one fill, in quote currency.
     *
     * @param priceRaw fill price, raw at {@code priceScale}
     * @param priceScale decimals of the price
     * @param qtyRaw fill quantity, raw at {@code qtyScale}
     * @param qtyScale decimals of the quantity
     * @param liquidity maker or taker
     * @return {@code price × qty × rate}, full precision (scale = price + quantity + rate decimals)
     */
    public BigDecimal fee(long priceRaw, int priceScale, long qtyRaw, int qtyScale, Liquidity liquidity) {
        return BigDecimal.valueOf(priceRaw, priceScale).multiply(BigDecimal.valueOf(qtyRaw, qtyScale))
                .multiply(rate(liquidity));
    }

    @Override
    public String toString() {
        return "maker " + maker.toPlainString() + ", taker " + taker.toPlainString();
    }
}
