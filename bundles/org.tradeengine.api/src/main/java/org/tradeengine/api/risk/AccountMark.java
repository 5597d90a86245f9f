// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.tradeengine.api.model.TradingState;

/**
 * The account as marked to market, a fact for the risk rules (JavaBean getters, as Drools reads them). Money in the
 * quote currency (USD/USDT taken as equal), exact.
 */
public final class AccountMark {

    private final BigDecimal equity;
    private final BigDecimal peakEquity;
    private final BigDecimal dailyPnl;
    private final BigDecimal drawdown;
    private final BigDecimal realizedPnl;
    private final BigDecimal unrealizedPnl;
    private final BigDecimal fees;
    private final TradingState tradingState;
    private final Instant at;

    /**
     * @param equity starting capital + realized + unrealized P&amp;L - fees
     * @param peakEquity highest equity so far
     * @param dailyPnl equity change since the start of the UTC day
     * @param drawdown equity - peak equity (zero or negative)
     * @param realizedPnl realized P&amp;L so far (before fees)
     * @param unrealizedPnl open positions marked to market
     * @param fees fees paid so far
     * @param tradingState the trading state
     * @param at the mark's time (event time)
     */
    public AccountMark(BigDecimal equity, BigDecimal peakEquity, BigDecimal dailyPnl, BigDecimal drawdown,
            BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal fees, TradingState tradingState, Instant at) {
        this.equity = Objects.requireNonNull(equity, "equity");
        this.peakEquity = Objects.requireNonNull(peakEquity, "peakEquity");
        this.dailyPnl = Objects.requireNonNull(dailyPnl, "dailyPnl");
        this.drawdown = Objects.requireNonNull(drawdown, "drawdown");
        this.realizedPnl = Objects.requireNonNull(realizedPnl, "realizedPnl");
        this.unrealizedPnl = Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        this.fees = Objects.requireNonNull(fees, "fees");
        this.tradingState = Objects.requireNonNull(tradingState, "tradingState");
        this.at = Objects.requireNonNull(at, "at");
    }

    /** @return equity */
    public BigDecimal getEquity() {
        return equity;
    }

    /** @return peak equity */
    public BigDecimal getPeakEquity() {
        return peakEquity;
    }

    /** @return P&amp;L of the UTC day */
    public BigDecimal getDailyPnl() {
        return dailyPnl;
    }

    /** @return equity - peak (zero or negative) */
    public BigDecimal getDrawdown() {
        return drawdown;
    }

    /** @return realized P&amp;L */
    public BigDecimal getRealizedPnl() {
        return realizedPnl;
    }

    /** @return unrealized P&amp;L */
    public BigDecimal getUnrealizedPnl() {
        return unrealizedPnl;
    }

    /** @return fees paid */
    public BigDecimal getFees() {
        return fees;
    }

    /** @return the trading state */
    public TradingState getTradingState() {
        return tradingState;
    }

    /** @return the mark's time */
    public Instant getAt() {
        return at;
    }

    @Override
    public String toString() {
        return "AccountMark[equity=" + equity + ", peak=" + peakEquity + ", daily=" + dailyPnl + ", drawdown=" + drawdown
                + ", state=" + tradingState + "]";
    }
}
