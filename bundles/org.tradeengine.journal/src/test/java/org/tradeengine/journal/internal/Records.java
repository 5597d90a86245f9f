// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.audit.AuditRecord.Type;

/** Audit records as the trading desk and the rules bundle write them (the field conventions). */
final class Records {

    private Records() {
    }

    static Map<String, String> fields(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static AuditRecord signal(String key, Instant at, String corr, String instrument, String side) {
        return new AuditRecord(Type.SIGNAL, at, key, corr, fields("strategyId", "l2-imbalance", "rule", "imbalance-long",
                "ruleGeneration", "3", "instrument", instrument, "side", side, "imbalance", "3.2500", "bestBid",
                "64999.90", "bestAsk", "65000.10", "bookUpdateId", "4711", "exchangeTimeMillis", "1723161599123",
                "sequence", "17"));
    }

    static AuditRecord order(String key, Instant at, String corr, String clientOrderId, String side, String qty,
            boolean reduceOnly, String reason) {
        return new AuditRecord(Type.ORDER, at, key, corr, fields("clientOrderId", clientOrderId, "venue", "PAPER",
                "instrument", "BTCUSDT-PERP.BINANCE_FUTURES", "side", side, "type", "MARKET", "qty", qty, "limitPrice", "",
                "reduceOnly", Boolean.toString(reduceOnly), "reason", reason));
    }

    static AuditRecord event(String key, Instant at, String corr, String clientOrderId, String event, String fillQty,
            String fillPrice, String leaves) {
        return new AuditRecord(Type.ORDER_EVENT, at, key, corr, fields("clientOrderId", clientOrderId, "instrument",
                "BTCUSDT-PERP.BINANCE_FUTURES", "event", event, "side", "BUY", "fillQty", fillQty, "fillPrice", fillPrice,
                "fee", fillQty.equals("0") ? "" : "0.0130", "liquidity", fillQty.equals("0") ? "" : "TAKER", "leavesQty",
                leaves, "detail", ""));
    }

    static AuditRecord fill(String key, Instant at, String corr, String clientOrderId, String side, String qty,
            String price, String fee, String purpose, String realizedPnl) {
        return new AuditRecord(Type.FILL, at, key, corr, fields("clientOrderId", clientOrderId, "venue", "PAPER",
                "instrument", "BTCUSDT-PERP.BINANCE_FUTURES", "side", side, "qty", qty, "price", price, "fee", fee,
                "liquidity", "TAKER", "purpose", purpose, "realizedPnl", realizedPnl));
    }

    static AuditRecord risk(String key, Instant at, String corr, String outcome, String rule, String reason) {
        return new AuditRecord(Type.RISK_DECISION, at, key, corr, fields("outcome", outcome, "rule", rule, "reason", reason,
                "check", "ORDER", "instrument", "BTCUSDT-PERP.BINANCE_FUTURES", "clientOrderId", "o-" + key));
    }

    static AuditRecord stateChange(String key, Instant at, String from, String to, String reason) {
        return new AuditRecord(Type.TRADING_STATE, at, key, "", fields("kind", "STATE_CHANGE", "from", from, "to", to,
                "reason", reason, "by", "operator"));
    }

    static AuditRecord killSwitch(String key, Instant at, String action, String reason) {
        return new AuditRecord(Type.TRADING_STATE, at, key, "", fields("kind", "KILL_SWITCH", "action", action, "reason",
                reason, "by", "risk:max-drawdown", "detail", "2 open orders, 1 position"));
    }

    static AuditRecord ruleDeployment(String key, Instant at, String ruleSet, String outcome, String problems) {
        return new AuditRecord(Type.RULE_DEPLOYMENT, at, key, "", fields("ruleSet", ruleSet, "file",
                "rules/" + ruleSet + "/main.drl", "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "outcome", outcome, "generation", "4", "trigger", "file-change", "problems", problems));
    }

    /**
     * A POSITION record as the trading desk writes it after every change (the restart restores it from these fields).
     *
     * @param qty signed quantity, "0" when flat
     */
    static AuditRecord position(String key, Instant at, String corr, String instrument, String qty, String entryPrice,
            String realizedPnl) {
        return new AuditRecord(Type.POSITION, at, key, corr, fields("instrument", instrument, "qty", qty, "entryPrice",
                entryPrice, "markPrice", entryPrice, "unrealizedPnl", "0", "realizedPnl", realizedPnl, "fees", "0.0260",
                "openedAt", at.toString(), "openedNanos", "123456789012", "venue", "PAPER"));
    }

    /** An EQUITY record as the trading desk writes it (the account a restart restores). */
    static AuditRecord equity(String key, Instant at, String equity, String peak, String trades) {
        return new AuditRecord(Type.EQUITY, at, key, "", fields("equity", equity, "capital", "10000", "peakEquity", peak,
                "drawdown", new java.math.BigDecimal(equity).subtract(new java.math.BigDecimal(peak)).toPlainString(),
                "realizedPnl", "1.2002", "unrealizedPnl", "-0.0400", "fees", "0.1560", "dayStartEquity", "10000.00",
                "epochDay", "19943", "trades", trades, "wins", "2", "grossProfit", "1.5000", "grossLoss", "-0.2998",
                "maxDrawdown", "-3.10"));
    }

    /**
     * A simulated session: per round trip an entry order, its acceptance, its fill, an exit order and its fill.
     *
     * @param trips round trips
     * @param start time of the first record
     * @return 5 records per trip, in the order the desk would journal them
     */
    static List<AuditRecord> session(String prefix, int trips, Instant start) {
        List<AuditRecord> out = new ArrayList<>(trips * 5);
        for (int i = 0; i < trips; i++) {
            Instant t = start.plusMillis(i * 1000L);
            String corr = prefix + "-c" + i;
            String entry = prefix + "-e" + i;
            String exit = prefix + "-x" + i;
            String qty = "0.00" + (1 + i % 9);
            out.add(order(entry + "/order", t, corr, entry, "BUY", qty, false, "imbalance-long"));
            out.add(event(entry + "/accepted", t.plusMillis(1), corr, entry, "ACCEPTED", "0", "", qty));
            out.add(fill(entry + "/fill", t.plusMillis(2), corr, entry, "BUY", qty, "65000.1" + i % 10, "0.01" + i % 7,
                    "imbalance-long", "0"));
            out.add(order(exit + "/order", t.plusMillis(500), corr, exit, "SELL", qty, true, "take-profit"));
            out.add(fill(exit + "/fill", t.plusMillis(501), corr, exit, "SELL", qty, "65010.2" + i % 10, "0.01" + i % 5,
                    "take-profit", "0.0" + (i % 9 + 1)));
        }
        return out;
    }
}
