// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.util.List;
import java.util.Map;

/**
 * Which {@code AuditRecord.fields} keys the journal reads for each record type, and into which column. This table
 * is the field convention producers follow (README.md lists it too). Decimals are plain decimal strings parsed
 * exactly ({@code BigDecimal}); booleans are {@code true}/{@code false}; instants ISO-8601; a blank value counts as
 * absent. Keys not listed are kept in {@code fields_json} only.
 *
 * <p>Types are routed by name, so a spool written by a newer api with a type this version does not know still
 * drains (into {@code unclassified_record}).
 */
final class RecordConventions {

    /** How a field's text is read. */
    enum Kind {
        /** Kept as is. */
        TEXT("text"),
        /** An exact decimal. */
        DECIMAL("a decimal"),
        /** A 64-bit integer. */
        LONG("an integer"),
        /** {@code true} or {@code false}. */
        BOOLEAN("true or false"),
        /** An ISO-8601 instant ({@code 2024-08-08T12:00:00.123Z}). */
        INSTANT("an ISO-8601 instant");

        final String what;

        Kind(String what) {
            this.what = what;
        }
    }

    /**
     * One expected field.
     *
     * @param key the {@code fields} key
     * @param column the column it goes to
     * @param kind how it is read
     * @param required whether its absence is a problem worth naming
     */
    record Field(String key, String column, Kind kind, boolean required) {
    }

    /**
     * A table and the fields it reads.
     *
     * @param name table name
     * @param statement MyBatis statement id (in {@code JournalMapper.xml}) of its insert
     * @param utcDay whether it has a {@code utc_day} column (the UTC date of the event time)
     * @param fields the fields
     */
    record Table(String name, String statement, boolean utcDay, List<Field> fields) {
    }

    static final Table SIGNAL = new Table("trade_signal", "insertTradeSignal", false, List.of(
            req("strategyId", "strategy_id", Kind.TEXT), req("rule", "rule_name", Kind.TEXT),
            opt("ruleGeneration", "rule_generation", Kind.LONG), req("instrument", "instrument", Kind.TEXT),
            req("side", "side", Kind.TEXT), opt("imbalance", "imbalance", Kind.DECIMAL),
            opt("bestBid", "best_bid", Kind.DECIMAL), opt("bestAsk", "best_ask", Kind.DECIMAL),
            opt("bookUpdateId", "book_update_id", Kind.LONG), opt("exchangeTimeMillis", "exchange_time_ms", Kind.LONG),
            opt("sequence", "signal_sequence", Kind.LONG)));

    static final Table ORDER = new Table("order_intent", "insertOrderIntent", false, List.of(
            req("clientOrderId", "client_order_id", Kind.TEXT), opt("venue", "venue", Kind.TEXT),
            req("instrument", "instrument", Kind.TEXT), req("side", "side", Kind.TEXT),
            req("type", "order_type", Kind.TEXT), req("qty", "qty", Kind.DECIMAL),
            opt("limitPrice", "limit_price", Kind.DECIMAL), opt("reduceOnly", "reduce_only", Kind.BOOLEAN),
            opt("reason", "reason", Kind.TEXT)));

    static final Table ORDER_EVENT = new Table("order_event", "insertOrderEvent", false, List.of(
            req("clientOrderId", "client_order_id", Kind.TEXT), opt("instrument", "instrument", Kind.TEXT),
            req("event", "event_type", Kind.TEXT), opt("side", "side", Kind.TEXT),
            opt("fillQty", "fill_qty", Kind.DECIMAL), opt("fillPrice", "fill_price", Kind.DECIMAL),
            opt("fee", "fee", Kind.DECIMAL), opt("liquidity", "liquidity", Kind.TEXT),
            opt("leavesQty", "leaves_qty", Kind.DECIMAL), opt("detail", "detail", Kind.TEXT)));

    static final Table FILL = new Table("order_fill", "insertOrderFill", true, List.of(
            req("clientOrderId", "client_order_id", Kind.TEXT), opt("venue", "venue", Kind.TEXT),
            req("instrument", "instrument", Kind.TEXT), req("side", "side", Kind.TEXT),
            req("qty", "qty", Kind.DECIMAL), req("price", "price", Kind.DECIMAL), req("fee", "fee", Kind.DECIMAL),
            opt("liquidity", "liquidity", Kind.TEXT), opt("purpose", "purpose", Kind.TEXT),
            opt("realizedPnl", "realized_pnl", Kind.DECIMAL)));

    static final Table POSITION = new Table("position_snapshot", "insertPositionSnapshot", false, List.of(
            req("instrument", "instrument", Kind.TEXT), req("qty", "qty", Kind.DECIMAL),
            opt("entryPrice", "entry_price", Kind.DECIMAL), opt("markPrice", "mark_price", Kind.DECIMAL),
            opt("unrealizedPnl", "unrealized_pnl", Kind.DECIMAL), opt("realizedPnl", "realized_pnl", Kind.DECIMAL),
            opt("fees", "fees", Kind.DECIMAL), opt("openedAt", "opened_at", Kind.INSTANT),
            opt("venue", "venue", Kind.TEXT)));

    static final Table RISK = new Table("risk_decision", "insertRiskDecision", false, List.of(
            req("outcome", "outcome", Kind.TEXT), req("rule", "rule_name", Kind.TEXT), req("reason", "reason", Kind.TEXT),
            opt("check", "check_kind", Kind.TEXT), opt("instrument", "instrument", Kind.TEXT),
            opt("clientOrderId", "client_order_id", Kind.TEXT)));

    static final Table STATE_CHANGE = new Table("trading_state_change", "insertTradingStateChange", false, List.of(
            opt("from", "from_state", Kind.TEXT), req("to", "to_state", Kind.TEXT), req("reason", "reason", Kind.TEXT),
            opt("by", "actor", Kind.TEXT)));

    static final Table KILL_SWITCH = new Table("kill_switch_event", "insertKillSwitchEvent", false, List.of(
            req("action", "action", Kind.TEXT), req("reason", "reason", Kind.TEXT), opt("by", "actor", Kind.TEXT),
            opt("detail", "detail", Kind.TEXT)));

    static final Table RULE_DEPLOYMENT = new Table("rule_deployment", "insertRuleDeployment", false, List.of(
            req("ruleSet", "rule_set", Kind.TEXT), opt("file", "file_name", Kind.TEXT), opt("sha256", "sha256", Kind.TEXT),
            req("outcome", "outcome", Kind.TEXT), opt("generation", "generation", Kind.LONG),
            opt("trigger", "deploy_trigger", Kind.TEXT), opt("problems", "error", Kind.TEXT)));

    static final Table EQUITY = new Table("equity_point", "insertEquityPoint", true, List.of(
            req("equity", "equity", Kind.DECIMAL), opt("capital", "capital", Kind.DECIMAL),
            opt("peakEquity", "peak_equity", Kind.DECIMAL), opt("drawdown", "drawdown", Kind.DECIMAL),
            opt("realizedPnl", "realized_pnl", Kind.DECIMAL), opt("unrealizedPnl", "unrealized_pnl", Kind.DECIMAL),
            opt("fees", "fees", Kind.DECIMAL)));

    /** Records of an unknown type, and records their own table refused. */
    static final Table UNCLASSIFIED = new Table("unclassified_record", "insertUnclassified", false, List.of());

    /** The {@code TRADING_STATE} field that tells a kill-switch event ({@code KILL_SWITCH}) from a state change. */
    static final String TRADING_STATE_KIND = "kind";

    private RecordConventions() {
    }

    /**
     * Picks the table for a record.
     *
     * @param type the record type name
     * @param fields its fields
     * @return the table, or null for a type this version does not know
     */
    static Table tableFor(String type, Map<String, String> fields) {
        return switch (type) {
            case "SIGNAL" -> SIGNAL;
            case "ORDER" -> ORDER;
            case "ORDER_EVENT" -> ORDER_EVENT;
            case "FILL" -> FILL;
            case "RISK_DECISION" -> RISK;
            case "TRADING_STATE" -> "KILL_SWITCH".equalsIgnoreCase(fields.getOrDefault(TRADING_STATE_KIND, "").strip())
                    ? KILL_SWITCH : STATE_CHANGE;
            case "RULE_DEPLOYMENT" -> RULE_DEPLOYMENT;
            case "POSITION" -> POSITION;
            case "EQUITY" -> EQUITY;
            default -> null;
        };
    }

    /** @return every table, unclassified last */
    static List<Table> tables() {
        return List.of(SIGNAL, ORDER, ORDER_EVENT, FILL, POSITION, RISK, STATE_CHANGE, KILL_SWITCH, RULE_DEPLOYMENT,
                EQUITY, UNCLASSIFIED);
    }

    private static Field req(String key, String column, Kind kind) {
        return new Field(key, column, kind, true);
    }

    private static Field opt(String key, String column, Kind kind) {
        return new Field(key, column, kind, false);
    }
}
