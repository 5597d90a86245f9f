// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.risk;

import java.math.BigDecimal;
import java.util.Objects;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.model.Venue;

/**
 * An order about to be sent, with everything the risk rules judge it by: a fact with JavaBean getters (as Drools
 * reads them). Money in the quote currency, exact; quantities signed where it says so.
 */
public final class OrderCheck {

    private final OrderIntent intent;
    private final BigDecimal price;
    private final BigDecimal positionQty;
    private final BigDecimal openOrdersQty;
    private final AccountMark account;
    private final boolean bookLive;
    private final long dataAgeMillis;
    private final int ordersLastMinute;
    private final long positionAgeMillis;

    /**
     * @param intent the order
     * @param price the price it is expected to trade at: its limit, or the best opposite price for a market order
     * @param positionQty the instrument's signed position before the order
     * @param openOrdersQty signed quantity of the instrument's other open orders (buys positive)
     * @param account the account as last marked
     * @param bookLive whether the instrument's book is LIVE
     * @param dataAgeMillis time since the instrument's last book event (event time), 0 if it is this event
     * @param ordersLastMinute orders sent in the last 60 s (event time), this one excluded
     * @param positionAgeMillis age of the current position, 0 when flat
     */
    public OrderCheck(OrderIntent intent, BigDecimal price, BigDecimal positionQty, BigDecimal openOrdersQty,
            AccountMark account, boolean bookLive, long dataAgeMillis, int ordersLastMinute, long positionAgeMillis) {
        this.intent = Objects.requireNonNull(intent, "intent");
        this.price = Objects.requireNonNull(price, "price");
        this.positionQty = Objects.requireNonNull(positionQty, "positionQty");
        this.openOrdersQty = Objects.requireNonNull(openOrdersQty, "openOrdersQty");
        this.account = Objects.requireNonNull(account, "account");
        this.bookLive = bookLive;
        this.dataAgeMillis = dataAgeMillis;
        this.ordersLastMinute = ordersLastMinute;
        this.positionAgeMillis = positionAgeMillis;
    }

    /** @return the order */
    public OrderIntent getIntent() {
        return intent;
    }

    /** @return the instrument */
    public InstrumentId getInstrument() {
        return intent.instrument();
    }

    /** @return the readable symbol, e.g. {@code BTCUSDT-PERP} */
    public String getSymbol() {
        return intent.instrument().symbol();
    }

    /** @return the venue */
    public Venue getVenue() {
        return intent.instrument().venue();
    }

    /** @return true on a spot venue (long-only) */
    public boolean isSpotOnly() {
        return intent.instrument().venue().isSpotOnly();
    }

    /** @return buy or sell */
    public Side getSide() {
        return intent.side();
    }

    /** @return whether the order is flagged reduce-only */
    public boolean isReduceOnly() {
        return intent.reduceOnly();
    }

    /** @return the order's quantity (positive) */
    public BigDecimal getQuantity() {
        return intent.quantity().toBigDecimal();
    }

    /** @return the expected price */
    public BigDecimal getPrice() {
        return price;
    }

    /** @return quantity x price */
    public BigDecimal getNotional() {
        return getQuantity().multiply(price);
    }

    /** @return signed position before the order */
    public BigDecimal getPositionQty() {
        return positionQty;
    }

    /** @return signed position if the order fills completely */
    public BigDecimal getPositionQtyAfter() {
        return intent.side() == Side.BUY ? positionQty.add(getQuantity()) : positionQty.subtract(getQuantity());
    }

    /** @return |position after| x price */
    public BigDecimal getPositionNotionalAfter() {
        return getPositionQtyAfter().abs().multiply(price);
    }

    /**
     * @return the instrument's exposure if this order and every other open order fill: |position after + open
     *     orders| x price
     */
    public BigDecimal getExposureAfter() {
        return getPositionQtyAfter().add(openOrdersQty).abs().multiply(price);
    }

    /** @return true if the order cannot increase the absolute position (it only reduces or closes it) */
    public boolean isReducing() {
        BigDecimal after = getPositionQtyAfter();
        return positionQty.signum() != 0 && after.abs().compareTo(positionQty.abs()) < 0
                && (after.signum() == 0 || after.signum() == positionQty.signum());
    }

    /** @return true if the order would leave a short position */
    public boolean isOpensShort() {
        return getPositionQtyAfter().signum() < 0;
    }

    /** @return the account as last marked */
    public AccountMark getAccount() {
        return account;
    }

    /** @return the trading state */
    public TradingState getTradingState() {
        return account.getTradingState();
    }

    /** @return whether the instrument's book is LIVE */
    public boolean isBookLive() {
        return bookLive;
    }

    /** @return time since the instrument's last book event */
    public long getDataAgeMillis() {
        return dataAgeMillis;
    }

    /** @return orders sent in the last minute */
    public int getOrdersLastMinute() {
        return ordersLastMinute;
    }

    /** @return age of the current position, 0 when flat */
    public long getPositionAgeMillis() {
        return positionAgeMillis;
    }

    @Override
    public String toString() {
        return "OrderCheck[" + intent.clientOrderId() + " " + intent.side() + " " + intent.quantity() + " "
                + intent.instrument() + " @ " + price + ", position " + positionQty + ", " + account.getTradingState() + "]";
    }
}
