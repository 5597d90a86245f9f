// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.audit.AuditJournal;
import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.strategy.Signal;

/**
 * What the desk tells the audit journal, in the journal's field conventions: signals, order intents (BEFORE they go
 * to a broker), order events, fills, risk decisions, trading-state changes and kill-switch events. Keys are unique
 * across restarts ({@code <desk start id>-<kind><n>}), so a record written twice is stored once. Without a journal
 * bound nothing is written; a bound journal that refuses an order record stops that entry ({@link #order}).
 */
final class AuditTrail {

    private final Logger logger = LoggerFactory.getLogger(AuditTrail.class);
    private final String prefix;
    private volatile AuditJournal journal;
    private long seq;
    private long failures;

    /** @param startMillis the desk's start, the key prefix */
    AuditTrail(long startMillis) {
        this.prefix = "desk-" + Long.toString(startMillis, 36) + "-";
    }

    void set(AuditJournal j) {
        journal = j;
    }

    void clear(AuditJournal j) {
        if (journal == j) {
            journal = null;
        }
    }

    void signal(Signal s, String correlationId, Instant at) {
        append(AuditRecord.Type.SIGNAL, at, correlationId, correlationId, fields("strategyId", s.strategyId(), "rule", s.rule(),
                "ruleGeneration", String.valueOf(s.ruleGeneration()), "instrument", s.instrument().toString(),
                "side", s.side().name(), "imbalance", plain(s.imbalance()), "bestBid", plain(s.bestBid()),
                "bestAsk", plain(s.bestAsk()), "bookUpdateId", String.valueOf(s.bookUpdateId()),
                "exchangeTimeMillis", String.valueOf(s.exchangeTimeMillis()), "sequence", String.valueOf(s.sequence())));
    }

    /**
     * Journals an order intent; called before the order reaches the broker.
     *
     * @return false if a journal is bound and refused the record (the caller must not send an entry then)
     */
    boolean order(OrderIntent i, Venue venue) {
        return append(AuditRecord.Type.ORDER, i.createdAt(), i.correlationId(), i.clientOrderId(), fields(
                "clientOrderId", i.clientOrderId(), "venue", venue.name(), "instrument", i.instrument().toString(),
                "side", i.side().name(), "type", i.type().name(), "qty", i.quantity().toBigDecimal().toPlainString(),
                "limitPrice", i.limitPrice() == null ? null : i.limitPrice().toBigDecimal().toPlainString(),
                "reduceOnly", String.valueOf(i.reduceOnly()), "reason", i.reason()));
    }

    /**
     * Journals an order event, and a fill also as a FILL record.
     *
     * @param e the event
     * @param correlationId its correlation id
     * @param purpose why the order was sent
     * @param realized the realized P&amp;L the fill made (null if it was not applied)
     */
    void orderEvent(OrderEvent e, String correlationId, String purpose, BigDecimal realized) {
        Map<String, String> f = fields("clientOrderId", e.clientOrderId(),
                "instrument", e.instrument() == null ? null : e.instrument().toString(), "event", e.type().name(),
                "side", e.side() == null ? null : e.side().name(),
                "fillQty", e.fillQty() == null ? null : e.fillQty().toBigDecimal().toPlainString(),
                "fillPrice", e.fillPrice() == null ? null : e.fillPrice().toBigDecimal().toPlainString(),
                "fee", plain(e.fee()), "liquidity", e.liquidity() == null ? null : e.liquidity().name(),
                "leavesQty", e.leavesQty() == null ? null : e.leavesQty().toBigDecimal().toPlainString(),
                "detail", e.detail());
        String key = prefix + "e" + (++seq);
        append(AuditRecord.Type.ORDER_EVENT, e.at(), correlationId, key, f);
        if (e.isFill()) {
            f.put("qty", f.remove("fillQty"));
            f.put("price", f.remove("fillPrice"));
            f.put("purpose", purpose);
            if (realized != null) {
                f.put("realizedPnl", realized.toPlainString());
            }
            append(AuditRecord.Type.FILL, e.at(), correlationId, key, f);
        }
    }

    void risk(Instant at, String outcome, String rule, String reason, String instrument, String orderId) {
        append(AuditRecord.Type.RISK_DECISION, at, "", prefix + "r" + (++seq), fields("outcome", outcome,
                "rule", rule, "reason", reason, "instrument", instrument, "clientOrderId", orderId));
    }

    void stateChange(TradingState from, TradingState to, String reason, String by, Instant at) {
        append(AuditRecord.Type.TRADING_STATE, at, "", prefix + "s" + (++seq), fields("from", from == null ? null
                : from.name(), "to", to.name(), "reason", reason, "by", by));
    }

    void killSwitch(String action, String reason, String by, String detail, Instant at) {
        append(AuditRecord.Type.TRADING_STATE, at, "", prefix + "k" + (++seq), fields("kind", "KILL_SWITCH",
                "action", action, "reason", reason, "by", by, "detail", detail));
    }

    /**
     * Journals a position after it changed (what a restart restores it from).
     *
     * @param p the position
     * @param at event time
     */
    void position(Position p, Instant at) {
        Position.Snapshot s = p.snapshot();
        append(AuditRecord.Type.POSITION, at, s.correlationId(), prefix + "p" + (++seq), fields(
                RestoreFields.INSTRUMENT, p.instrument.toString(), RestoreFields.QTY, s.quantity().toPlainString(),
                RestoreFields.COST, s.cost().toPlainString(), "entryPrice", p.entryPrice().toPlainString(),
                RestoreFields.MARK, plain(s.mark()), "unrealizedPnl", p.unrealized().toPlainString(),
                RestoreFields.REALIZED, s.realized().toPlainString(), RestoreFields.FEES, s.fees().toPlainString(),
                RestoreFields.TRIP_REALIZED, s.tripRealized().toPlainString(),
                RestoreFields.TRIP_FEES, s.tripFees().toPlainString(),
                RestoreFields.OPENED_AT, s.openedAt() == null ? null : s.openedAt().toString(),
                RestoreFields.OPENED_NANOS, String.valueOf(s.openedNanos())));
    }

    /**
     * Journals a point of the equity curve with every account figure a restart needs.
     *
     * @param a the account
     * @param equity equity now
     * @param unrealized unrealized P&amp;L now
     * @param at event time
     */
    void equity(Ledger.Account a, BigDecimal equity, BigDecimal unrealized, Instant at) {
        append(AuditRecord.Type.EQUITY, at, "", prefix + "q" + (++seq), fields("equity", equity.toPlainString(),
                "capital", a.capital().toPlainString(), RestoreFields.PEAK, a.peak().toPlainString(),
                "drawdown", equity.subtract(a.peak()).toPlainString(), RestoreFields.REALIZED,
                a.realized().toPlainString(), "unrealizedPnl", unrealized.toPlainString(),
                RestoreFields.FEES, a.fees().toPlainString(), RestoreFields.DAY_START, a.dayStartEquity().toPlainString(),
                RestoreFields.EPOCH_DAY, String.valueOf(a.epochDay()), RestoreFields.TRADES, String.valueOf(a.trades()),
                RestoreFields.WINS, String.valueOf(a.wins()), RestoreFields.GROSS_PROFIT, a.grossProfit().toPlainString(),
                RestoreFields.GROSS_LOSS, a.grossLoss().toPlainString(),
                RestoreFields.MAX_DRAWDOWN, a.maxDrawdown().toPlainString()));
    }

    /**
     * Journals what the restart found when it reconciled the restored store with a broker.
     *
     * @param outcome RECONCILED or MISMATCH
     * @param venue the broker
     * @param detail what was compared and found
     * @param at when
     */
    void reconciliation(String outcome, String venue, String detail, Instant at) {
        append(AuditRecord.Type.RISK_DECISION, at, "", prefix + "c" + (++seq), fields("outcome", outcome,
                "rule", "restart-reconciliation", "reason", detail, "check", "RECONCILE", "venue", venue));
    }

    private boolean append(AuditRecord.Type type, Instant at, String correlationId, String key, Map<String, String> f) {
        AuditJournal j = journal;
        if (j == null) {
            return true;
        }
        try {
            j.append(new AuditRecord(type, at == null ? Instant.now() : at, key, correlationId, f));
            return true;
        } catch (RuntimeException e) {
            failures++;
            if (failures == 1 || failures % 1_000 == 0) {
                logger.error("The audit journal refused a {} record ({} failures so far): {}", type, failures, e.toString());
            }
            return false;
        }
    }

    private static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
