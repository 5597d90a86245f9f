// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.risk;

import java.math.BigDecimal;
import java.util.Objects;

import org.tradeengine.api.model.InstrumentId;

/**
 * One open position marked to market, a fact for the risk and exit rules (JavaBean getters).
 */
public final class PositionMark {

    private final InstrumentId instrument;
    private final BigDecimal quantity;
    private final BigDecimal entryPrice;
    private final BigDecimal markPrice;
    private final BigDecimal notional;
    private final BigDecimal unrealizedPnl;
    private final BigDecimal pnlPercent;
    private final long ageMillis;
    private final boolean bookLive;

    /**
     * @param instrument the instrument
     * @param quantity signed quantity (positive long, negative short), never zero
     * @param entryPrice average entry price
     * @param markPrice the price it would close at now (best bid for a long, best ask for a short)
     * @param notional |quantity| x mark price
     * @param unrealizedPnl (mark - entry) x quantity
     * @param pnlPercent unrealized P&amp;L in percent of the entry notional, 4 decimals, half-even (0.2000 = +0.20 %)
     * @param ageMillis time since the position was opened (event time)
     * @param bookLive whether the instrument's book is LIVE (a mark from a book that is not LIVE is stale)
     */
    public PositionMark(InstrumentId instrument, BigDecimal quantity, BigDecimal entryPrice, BigDecimal markPrice,
            BigDecimal notional, BigDecimal unrealizedPnl, BigDecimal pnlPercent, long ageMillis, boolean bookLive) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.quantity = Objects.requireNonNull(quantity, "quantity");
        this.entryPrice = Objects.requireNonNull(entryPrice, "entryPrice");
        this.markPrice = Objects.requireNonNull(markPrice, "markPrice");
        this.notional = Objects.requireNonNull(notional, "notional");
        this.unrealizedPnl = Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        this.pnlPercent = Objects.requireNonNull(pnlPercent, "pnlPercent");
        this.ageMillis = ageMillis;
        this.bookLive = bookLive;
    }

    /** @return the instrument */
    public InstrumentId getInstrument() {
        return instrument;
    }

    /** @return the instrument's readable symbol, e.g. {@code BTCUSDT-PERP} */
    public String getSymbol() {
        return instrument.symbol();
    }

    /** @return signed quantity */
    public BigDecimal getQuantity() {
        return quantity;
    }

    /** @return true for a long position */
    public boolean isLong() {
        return quantity.signum() > 0;
    }

    /** @return average entry price */
    public BigDecimal getEntryPrice() {
        return entryPrice;
    }

    /** @return mark price */
    public BigDecimal getMarkPrice() {
        return markPrice;
    }

    /** @return |quantity| x mark */
    public BigDecimal getNotional() {
        return notional;
    }

    /** @return unrealized P&amp;L */
    public BigDecimal getUnrealizedPnl() {
        return unrealizedPnl;
    }

    /** @return unrealized P&amp;L in percent of the entry notional */
    public BigDecimal getPnlPercent() {
        return pnlPercent;
    }

    /** @return age in ms */
    public long getAgeMillis() {
        return ageMillis;
    }

    /** @return whether the book is LIVE */
    public boolean isBookLive() {
        return bookLive;
    }

    @Override
    public String toString() {
        return "PositionMark[" + instrument + " " + quantity + " @ " + entryPrice + ", mark " + markPrice + ", "
                + pnlPercent + " %, " + ageMillis + " ms]";
    }
}
