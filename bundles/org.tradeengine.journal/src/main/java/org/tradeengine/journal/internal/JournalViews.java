// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What the journal's queries return. Times are UTC; money and quantities exact (a value PostgreSQL returns keeps the
 * scale it was written with, H2 drops trailing zeros: compare with {@code compareTo}). A column the record lacked is
 * null.
 */
public final class JournalViews {

    private JournalViews() {
    }

    /**
     * Fills and P&amp;L of one instrument on one UTC day.
     *
     * @param day the UTC day of the fills' event time
     * @param instrument the instrument
     * @param fills number of fills
     * @param boughtQty total quantity bought
     * @param soldQty total quantity sold
     * @param notional sum of quantity x price
     * @param fees fees paid (negative for rebates)
     * @param realizedPnl realized P&amp;L before fees (the fills' {@code realizedPnl})
     * @param netPnl realized P&amp;L minus fees
     */
    public record DailyPnl(LocalDate day, String instrument, long fills, BigDecimal boughtQty, BigDecimal soldQty,
            BigDecimal notional, BigDecimal fees, BigDecimal realizedPnl, BigDecimal netPnl) {
    }

    /**
     * One fill.
     *
     * @param journalSeq journal order
     * @param at event time
     * @param recordKey the record key
     * @param correlationId correlation id
     * @param clientOrderId the order
     * @param instrument instrument
     * @param side BUY or SELL
     * @param qty quantity
     * @param price price
     * @param fee fee
     * @param liquidity MAKER or TAKER
     * @param purpose why the order was sent
     * @param realizedPnl realized P&amp;L of this fill, if given
     */
    public record Fill(long journalSeq, OffsetDateTime at, String recordKey, String correlationId, String clientOrderId,
            String instrument, String side, BigDecimal qty, BigDecimal price, BigDecimal fee, String liquidity,
            String purpose, BigDecimal realizedPnl) {
    }

    /**
     * A risk decision other than ALLOW.
     *
     * @param journalSeq journal order
     * @param at event time
     * @param outcome DENY, HALT, REDUCE, FLATTEN, ...
     * @param rule the deciding rule
     * @param reason the rule's reason
     * @param check ORDER or ACCOUNT, if given
     * @param instrument instrument, if any
     * @param clientOrderId the order, if any
     * @param correlationId correlation id
     */
    public record RiskEvent(long journalSeq, OffsetDateTime at, String outcome, String rule, String reason, String check,
            String instrument, String clientOrderId, String correlationId) {
    }

    /**
     * One rule deployment attempt.
     *
     * @param journalSeq journal order
     * @param at when
     * @param ruleSet rule set
     * @param file file
     * @param sha256 the file's hash
     * @param outcome outcome
     * @param generation generation deployed, if any
     * @param trigger what started it
     * @param error the problems, if any
     */
    public record RuleDeployment(long journalSeq, OffsetDateTime at, String ruleSet, String file, String sha256,
            String outcome, Long generation, String trigger, String error) {
    }

    /**
     * One step in the life of an order (or of the signal, orders, events, fills and exit of one correlation id).
     *
     * @param journalSeq journal order (the order the steps were journaled in)
     * @param at event time
     * @param stage SIGNAL, ORDER, EXIT_ORDER (a reduce-only order), RISK_DECISION, ORDER_EVENT or FILL
     * @param recordKey the record key
     * @param clientOrderId the order, if any
     * @param instrument instrument
     * @param side side
     * @param qty order quantity, or the fill quantity
     * @param price limit or fill price
     * @param what signal rule, order type, event type, liquidity or risk outcome
     * @param note order reason, event detail, fill purpose or risk rule and reason
     */
    public record OrderLifeEvent(long journalSeq, OffsetDateTime at, String stage, String recordKey, String clientOrderId,
            String instrument, String side, BigDecimal qty, BigDecimal price, String what, String note) {
    }

    /**
     * One point of the equity curve.
     *
     * @param journalSeq journal order
     * @param at event time
     * @param equity equity
     * @param drawdown equity minus peak
     * @param realizedPnl realized P&amp;L
     * @param unrealizedPnl unrealized P&amp;L
     * @param fees fees paid
     */
    public record EquityPoint(long journalSeq, OffsetDateTime at, BigDecimal equity, BigDecimal drawdown,
            BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal fees) {
    }
}
