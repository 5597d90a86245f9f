// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Side;

/**
 * One instrument's position, average-cost method, exact: the signed quantity and the signed cost of the open part
 * (sum of quantity x price) are kept as exact decimals, so equity (capital + realized + unrealized - fees) always
 * equals capital plus the exact cash flows. Only when a reduction leaves an average that does not terminate (buy 1 at
 * 100, buy 2 at 101, sell 1) is the cost of the closed part rounded to {@value #SCALE} decimals; the position's cost
 * carries the remainder, and a position that goes flat releases its whole cost, so a round trip's realized P&amp;L is
 * exact.
 */
final class Position {

    /** Decimals kept when an average does not terminate. */
    static final int SCALE = 18;

    /** What a fill did: realized P&amp;L, and the net result of a round trip that it closed (null if none). */
    record FillResult(BigDecimal realized, BigDecimal closedTripNet) {
    }

    final InstrumentId instrument;
    private BigDecimal qty = BigDecimal.ZERO;
    private BigDecimal cost = BigDecimal.ZERO;
    private BigDecimal realized = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal tripRealized = BigDecimal.ZERO;
    private BigDecimal tripFees = BigDecimal.ZERO;
    private BigDecimal mark;
    private long markRaw = Long.MIN_VALUE;
    private boolean markLive;
    private Instant openedAt;
    private long openedNanos;
    private String correlationId = "";
    private boolean costUnknown;

    Position(InstrumentId instrument) {
        this.instrument = instrument;
    }

    /**
     * Applies a fill.
     *
     * @param side buy or sell
     * @param quantity filled quantity (positive)
     * @param price fill price
     * @param fee fee (negative for a rebate)
     * @param at event time of the fill
     * @param atNanos the same in nanoseconds since the epoch
     * @param correlation the order's correlation id
     * @return realized P&amp;L of this fill and the net of a round trip it closed
     */
    FillResult apply(Side side, BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant at, long atNanos,
            String correlation) {
        BigDecimal signed = side == Side.BUY ? quantity : quantity.negate();
        fees = fees.add(fee);
        if (qty.signum() == 0 || qty.signum() == signed.signum()) {
            if (qty.signum() == 0) {
                open(at, atNanos, correlation);
            }
            tripFees = tripFees.add(fee);
            qty = qty.add(signed);
            cost = cost.add(signed.multiply(price));
            return new FillResult(BigDecimal.ZERO, null);
        }
        tripFees = tripFees.add(fee); // a flipping fill's whole fee belongs to the round trip it closes
        BigDecimal absQty = qty.abs();
        BigDecimal closing = quantity.min(absQty);
        BigDecimal removed = closing.compareTo(absQty) == 0 ? cost : divide(cost.multiply(closing), absQty);
        BigDecimal closedSigned = qty.signum() > 0 ? closing : closing.negate();
        BigDecimal pnl = closedSigned.multiply(price).subtract(removed);
        realized = realized.add(pnl);
        tripRealized = tripRealized.add(pnl);
        qty = qty.subtract(closedSigned);
        cost = cost.subtract(removed);
        BigDecimal tripNet = null;
        if (qty.signum() == 0) {
            tripNet = tripRealized.subtract(tripFees);
            cost = BigDecimal.ZERO;
            BigDecimal rest = quantity.subtract(closing);
            if (rest.signum() > 0) { // a flip: the rest opens a new position at this price
                open(at, atNanos, correlation);
                qty = side == Side.BUY ? rest : rest.negate();
                cost = qty.multiply(price);
            }
        }
        return new FillResult(pnl, tripNet);
    }

    private void open(Instant at, long atNanos, String correlation) {
        openedAt = at;
        openedNanos = atNanos;
        correlationId = correlation == null ? "" : correlation;
        tripRealized = BigDecimal.ZERO;
        tripFees = BigDecimal.ZERO;
    }

    /**
     * Records the price the position would close at now.
     *
     * @param raw raw price at {@code scale}
     * @param scale price scale
     * @param live whether the book was LIVE
     */
    void mark(long raw, int scale, boolean live) {
        if (raw != markRaw || mark == null || mark.scale() != scale) {
            markRaw = raw;
            mark = BigDecimal.valueOf(raw, scale);
        }
        markLive = live;
        if (costUnknown) {
            cost = qty.multiply(mark);
            costUnknown = false;
        }
    }

    void markStale() {
        markLive = false;
    }

    boolean isFlat() {
        return qty.signum() == 0;
    }

    BigDecimal quantity() {
        return qty;
    }

    /** @return the average entry price (cost / quantity), zero when flat */
    BigDecimal entryPrice() {
        return qty.signum() == 0 ? BigDecimal.ZERO : divide(cost, qty).stripTrailingZeros();
    }

    /** @return the mark, or the average entry when no book has marked it yet */
    BigDecimal markPrice() {
        return mark != null ? mark : entryPrice();
    }

    boolean markLive() {
        return markLive;
    }

    /** @return mark x quantity - cost */
    BigDecimal unrealized() {
        return qty.signum() == 0 || mark == null ? BigDecimal.ZERO : mark.multiply(qty).subtract(cost);
    }

    /** @return |cost|, the entry notional */
    BigDecimal entryNotional() {
        return cost.abs();
    }

    BigDecimal realized() {
        return realized;
    }

    BigDecimal fees() {
        return fees;
    }

    Instant openedAt() {
        return openedAt;
    }

    long openedNanos() {
        return openedNanos;
    }

    String correlationId() {
        return correlationId;
    }

    /**
     * Everything a restart needs to rebuild the position exactly.
     *
     * @param quantity signed quantity
     * @param cost signed cost of the open part
     * @param realized realized P&amp;L so far
     * @param fees fees so far
     * @param tripRealized realized P&amp;L of the round trip in progress
     * @param tripFees fees of the round trip in progress
     * @param mark last mark, or null
     * @param openedAt when the open part was opened (event time), or null
     * @param openedNanos the same in nanoseconds
     * @param correlationId the opening order's correlation id
     */
    record Snapshot(BigDecimal quantity, BigDecimal cost, BigDecimal realized, BigDecimal fees, BigDecimal tripRealized,
            BigDecimal tripFees, BigDecimal mark, Instant openedAt, long openedNanos, String correlationId) {
    }

    Snapshot snapshot() {
        return new Snapshot(qty, cost, realized, fees, tripRealized, tripFees, mark, openedAt, openedNanos, correlationId);
    }

    /**
     * Sets the position from a snapshot (restart). The mark is kept as the last price known, not LIVE until a book
     * marks it again.
     *
     * @param s the snapshot
     */
    void restore(Snapshot s) {
        qty = s.quantity();
        cost = s.cost();
        realized = s.realized();
        fees = s.fees();
        tripRealized = s.tripRealized();
        tripFees = s.tripFees();
        mark = s.mark();
        markRaw = Long.MIN_VALUE;
        markLive = false;
        openedAt = s.openedAt();
        openedNanos = s.openedNanos();
        correlationId = s.correlationId() == null ? "" : s.correlationId();
    }

    /**
     * Takes the quantity a broker reports instead of the desk's (reconciliation): same side keeps the average entry;
     * otherwise the entry is not known and is taken at the first mark ({@link #costUnknown()}).
     *
     * @param brokerQty the broker's signed quantity
     * @param at now (event time), the new opening time if the side changed
     * @param atNanos the same in nanoseconds
     */
    void adopt(BigDecimal brokerQty, Instant at, long atNanos) {
        if (brokerQty.signum() == 0) {
            qty = BigDecimal.ZERO;
            cost = BigDecimal.ZERO;
            costUnknown = false;
            return;
        }
        if (qty.signum() == brokerQty.signum()) {
            cost = divide(cost.multiply(brokerQty), qty);
            qty = brokerQty;
            return;
        }
        open(at, atNanos, correlationId);
        qty = brokerQty;
        cost = mark != null ? brokerQty.multiply(mark) : BigDecimal.ZERO;
        costUnknown = mark == null;
    }

    /** @return true while an adopted position waits for its first mark to set its entry */
    boolean costUnknown() {
        return costUnknown;
    }

    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        try {
            return a.divide(b);
        } catch (ArithmeticException nonTerminating) {
            return a.divide(b, SCALE, RoundingMode.HALF_EVEN);
        }
    }
}
