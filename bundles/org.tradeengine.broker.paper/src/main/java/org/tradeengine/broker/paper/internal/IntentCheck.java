// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.math.BigDecimal;

import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Side;

/**
 * What the simulated venue checks before it accepts an order: a positive quantity at the instrument's lot, a positive
 * limit price at its tick for a LIMIT order, and for a reduce-only order that it neither increases nor flips the
 * position. Answers a human reason, or null if the order is fine.
 */
final class IntentCheck {

    private IntentCheck() {
    }

    /**
     * @param intent the order
     * @param spec the instrument's scales, tick and lot
     * @return null, or why the order is rejected
     */
    static String check(OrderIntent intent, InstrumentSpec spec) {
        if (intent.clientOrderId().isBlank()) {
            return "client order id is blank";
        }
        String q = checkQuantity(intent, spec);
        if (q != null || intent.type() != OrderType.LIMIT) {
            return q;
        }
        return checkLimit(intent, spec);
    }

    /**
     * @param intent the order (valid)
     * @param spec the instrument's scales
     * @return the quantity, raw at the instrument's quantity scale
     */
    static long qtyRaw(OrderIntent intent, InstrumentSpec spec) {
        return FixedPoint.rescale(intent.quantity().raw(), intent.quantity().scale(), spec.qtyScale());
    }

    /**
     * @param intent the order (valid)
     * @param spec the instrument's scales
     * @return the limit, raw at the instrument's price scale (0 for a market order)
     */
    static long limitRaw(OrderIntent intent, InstrumentSpec spec) {
        if (intent.type() != OrderType.LIMIT) {
            return 0;
        }
        return FixedPoint.rescale(intent.limitPrice().raw(), intent.limitPrice().scale(), spec.priceScale());
    }

    /**
     * A reduce-only order may only bring the position towards zero: it must be against the position and no larger.
     *
     * @param intent the order
     * @param position the simulated signed position (positive long)
     * @return null, or why the order is rejected
     */
    static String checkReduceOnly(OrderIntent intent, BigDecimal position) {
        if (!intent.reduceOnly()) {
            return null;
        }
        BigDecimal qty = intent.quantity().toBigDecimal();
        String what = "reduce-only " + intent.side() + " " + qty.toPlainString() + " " + intent.instrument();
        if (position.signum() == 0) {
            return what + ": no position to reduce (flat)";
        }
        boolean againstPosition = intent.side() == Side.BUY ? position.signum() < 0 : position.signum() > 0;
        if (!againstPosition) {
            return what + " would increase the position " + position.toPlainString();
        }
        if (qty.compareTo(position.abs()) > 0) {
            BigDecimal after = intent.side() == Side.BUY ? position.add(qty) : position.subtract(qty);
            return what + " would flip the position " + position.toPlainString() + " to " + after.toPlainString();
        }
        return null;
    }

    private static String checkQuantity(OrderIntent intent, InstrumentSpec spec) {
        String lot = spec.formatQty(spec.lotSize());
        String qty = intent.quantity().toBigDecimal().toPlainString();
        if (intent.quantity().raw() <= 0) {
            return "quantity " + qty + " must be positive for " + spec.id();
        }
        long raw;
        try {
            raw = qtyRaw(intent, spec);
        } catch (ArithmeticException e) {
            return "quantity " + qty + " has more decimals than the lot " + lot + " of " + spec.id();
        }
        if (raw % spec.lotSize() != 0) {
            return "quantity " + qty + " is not a multiple of the lot " + lot + " of " + spec.id();
        }
        return null;
    }

    private static String checkLimit(OrderIntent intent, InstrumentSpec spec) {
        if (intent.limitPrice() == null) {
            return "a LIMIT order needs a limit price";
        }
        String tick = spec.formatPrice(spec.tickSize());
        String price = intent.limitPrice().toBigDecimal().toPlainString();
        if (intent.limitPrice().raw() <= 0) {
            return "limit price " + price + " must be positive for " + spec.id();
        }
        long raw;
        try {
            raw = limitRaw(intent, spec);
        } catch (ArithmeticException e) {
            return "limit price " + price + " has more decimals than the tick " + tick + " of " + spec.id();
        }
        if (raw % spec.tickSize() != 0) {
            return "limit price " + price + " is not a multiple of the tick " + tick + " of " + spec.id();
        }
        return null;
    }
}
