// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.risk.AccountMark;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.api.trading.AccountView;
import org.tradeengine.api.trading.PositionView;

/**
 * Positions and the account, exact: realized and unrealized P&amp;L, fees, equity, peak, drawdown, the P&amp;L of the
 * UTC day (event time) and the session's round trips. Not thread-safe: the desk calls it under its lock.
 */
final class Ledger {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal capital;
    private final Map<InstrumentId, Position> positions = new TreeMap<>();
    private BigDecimal realized = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal peak;
    private BigDecimal maxDrawdown = BigDecimal.ZERO;
    private BigDecimal dayStartEquity;
    private long day = Long.MIN_VALUE;
    private long trades;
    private long wins;
    private BigDecimal grossProfit = BigDecimal.ZERO;
    private BigDecimal grossLoss = BigDecimal.ZERO;

    Ledger(BigDecimal capital) {
        this.capital = capital;
        this.peak = capital;
        this.dayStartEquity = capital;
    }

    /**
     * Applies a fill and updates the account.
     *
     * @param instrument instrument
     * @param side side
     * @param qty quantity
     * @param price price
     * @param fee fee
     * @param at event time
     * @param atNanos event time in nanoseconds
     * @param correlation the order's correlation id
     * @return what the fill did to the position
     */
    Position.FillResult fill(InstrumentId instrument, Side side, BigDecimal qty, BigDecimal price, BigDecimal fee,
            Instant at, long atNanos, String correlation) {
        rollDay(atNanos);
        Position p = positions.computeIfAbsent(instrument, Position::new);
        Position.FillResult r = p.apply(side, qty, price, fee, at, atNanos, correlation);
        realized = realized.add(r.realized());
        fees = fees.add(fee);
        if (r.closedTripNet() != null) {
            trades++;
            int sign = r.closedTripNet().signum();
            if (sign > 0) {
                wins++;
                grossProfit = grossProfit.add(r.closedTripNet());
            } else if (sign < 0) {
                grossLoss = grossLoss.add(r.closedTripNet().negate());
            }
        }
        updatePeak();
        return r;
    }

    /**
     * Marks a position (no-op if flat) and updates the account.
     *
     * @param instrument the instrument
     * @param raw raw mark price
     * @param scale its scale
     * @param live whether the book is LIVE
     * @param atNanos event time
     */
    void mark(InstrumentId instrument, long raw, int scale, boolean live, long atNanos) {
        Position p = positions.get(instrument);
        if (p == null || p.isFlat()) {
            return;
        }
        rollDay(atNanos);
        p.mark(raw, scale, live);
        updatePeak();
    }

    /**
     * Starts a new day's P&amp;L when event time enters a new UTC day: the day starts at the equity before this event.
     *
     * @param atNanos event time
     */
    void rollDay(long atNanos) {
        long d = Math.floorDiv(atNanos, NANOS_PER_DAY);
        if (day == Long.MIN_VALUE) {
            day = d;
        } else if (d > day) {
            day = d;
            dayStartEquity = equity();
        }
    }

    private void updatePeak() {
        BigDecimal eq = equity();
        if (eq.compareTo(peak) > 0) {
            peak = eq;
        }
        BigDecimal dd = eq.subtract(peak);
        if (dd.compareTo(maxDrawdown) < 0) {
            maxDrawdown = dd;
        }
    }

    /**
     * The account figures a restart needs (positions are restored one by one).
     *
     * @param capital capital
     * @param realized realized P&amp;L
     * @param fees fees
     * @param peak peak equity
     * @param maxDrawdown deepest drawdown
     * @param dayStartEquity equity at the start of the UTC day
     * @param epochDay that UTC day (days since the epoch), or {@code Long.MIN_VALUE} before the first event
     * @param trades round trips closed
     * @param wins of which won
     * @param grossProfit sum of winning round trips
     * @param grossLoss sum of losing round trips (positive)
     */
    record Account(BigDecimal capital, BigDecimal realized, BigDecimal fees, BigDecimal peak, BigDecimal maxDrawdown,
            BigDecimal dayStartEquity, long epochDay, long trades, long wins, BigDecimal grossProfit,
            BigDecimal grossLoss) {
    }

    Account account() {
        return new Account(capital, realized, fees, peak, maxDrawdown, dayStartEquity, day, trades, wins, grossProfit,
                grossLoss);
    }

    /**
     * Restores the account (restart). Capital stays the configured one: the day's P&amp;L and the drawdown carry on
     * from the restored figures, so a restart never resets a loss limit.
     *
     * @param a the restored figures
     */
    void restore(Account a) {
        realized = a.realized();
        fees = a.fees();
        peak = a.peak().max(capital.add(realized).subtract(fees));
        maxDrawdown = a.maxDrawdown();
        dayStartEquity = a.dayStartEquity();
        day = a.epochDay();
        trades = a.trades();
        wins = a.wins();
        grossProfit = a.grossProfit();
        grossLoss = a.grossLoss();
    }

    /**
     * @param instrument the instrument
     * @return its position, created flat if there was none
     */
    Position positionFor(InstrumentId instrument) {
        return positions.computeIfAbsent(instrument, Position::new);
    }

    /** @return every instrument the ledger has a position object for (flat or not) */
    Set<InstrumentId> instruments() {
        return Set.copyOf(positions.keySet());
    }

    /** @return true once any instrument was traded (or restored) */
    boolean hasPositions() {
        return !positions.isEmpty();
    }

    Position position(InstrumentId instrument) {
        return positions.get(instrument);
    }

    /** @return the signed position, zero if none */
    BigDecimal quantity(InstrumentId instrument) {
        Position p = positions.get(instrument);
        return p == null ? BigDecimal.ZERO : p.quantity();
    }

    List<Position> open() {
        List<Position> out = new ArrayList<>();
        for (Position p : positions.values()) {
            if (!p.isFlat()) {
                out.add(p);
            }
        }
        return out;
    }

    BigDecimal unrealized() {
        BigDecimal u = BigDecimal.ZERO;
        for (Position p : positions.values()) {
            u = u.add(p.unrealized());
        }
        return u;
    }

    BigDecimal equity() {
        return capital.add(realized).add(unrealized()).subtract(fees);
    }

    AccountView view() {
        BigDecimal eq = equity();
        return new AccountView(capital, eq, peak, eq.subtract(dayStartEquity), eq.subtract(peak), realized, unrealized(),
                fees, trades, wins);
    }

    AccountMark accountMark(TradingState state, Instant at) {
        BigDecimal eq = equity();
        return new AccountMark(eq, peak, eq.subtract(dayStartEquity), eq.subtract(peak), realized, unrealized(), fees,
                state, at);
    }

    /**
     * @param nowNanos event time now
     * @return the open positions as risk and exit facts
     */
    List<PositionMark> marks(long nowNanos) {
        List<PositionMark> out = new ArrayList<>();
        for (Position p : open()) {
            BigDecimal u = p.unrealized();
            BigDecimal entryNotional = p.entryNotional();
            BigDecimal pct = entryNotional.signum() == 0 ? BigDecimal.ZERO.setScale(4)
                    : u.multiply(HUNDRED).divide(entryNotional, 4, RoundingMode.HALF_EVEN);
            long ageMillis = Math.max(0, (nowNanos - p.openedNanos()) / 1_000_000L);
            out.add(new PositionMark(p.instrument, p.quantity(), p.entryPrice(), p.markPrice(),
                    p.quantity().abs().multiply(p.markPrice()), u, pct, ageMillis, p.markLive()));
        }
        return out;
    }

    List<PositionView> views() {
        List<PositionView> out = new ArrayList<>();
        for (Position p : open()) {
            out.add(new PositionView(p.instrument, p.quantity(), p.entryPrice(), p.markPrice(), p.unrealized(),
                    p.realized(), p.fees(), p.openedAt(), p.correlationId()));
        }
        return out;
    }

    SessionReport report() {
        BigDecimal eq = equity();
        return new SessionReport(trades, wins, grossProfit, grossLoss, eq.subtract(capital), realized, fees, maxDrawdown,
                peak);
    }
}
