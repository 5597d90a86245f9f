// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.tradeengine.api.audit.DailyPnl;
import org.tradeengine.api.audit.EquityPoint;
import org.tradeengine.api.audit.OrderLifeStep;
import org.tradeengine.api.audit.RuleDeploymentEntry;
import org.tradeengine.api.audit.StoredFill;
import org.tradeengine.api.audit.StoredRiskEvent;

/**
 * The MyBatis mapper ({@code JournalMapper.xml} beside it): the queries. The idempotent inserts are statements of the
 * same XML, called by id ({@link RecordConventions.Table#statement()}) with a column map. "Last" and "journal order"
 * within one table are by the identity {@code id} (insertion order); across tables by {@code journal_seq}.
 */
public interface JournalMapper {

    /**
     * A stored record as the restore point reads it back.
     *
     * @param at event time
     * @param key record key
     * @param correlationId correlation id
     * @param fieldsJson the fields exactly as appended ({@code fields_json})
     */
    record StoredRow(Instant at, String key, String correlationId, String fieldsJson) {
    }

    /**
     * An order intent with no final event yet.
     *
     * @param at event time
     * @param key record key
     * @param correlationId correlation id
     * @param fieldsJson the order's fields exactly as appended
     * @param leavesEventFieldsJson {@code fields_json} of the order's latest event with a {@code leavesQty}, or null
     */
    record OpenOrderRow(Instant at, String key, String correlationId, String fieldsJson, String leavesEventFieldsJson) {
    }

    /**
     * @param from first UTC day
     * @param to last UTC day (inclusive)
     * @return per day and instrument, ascending
     */
    List<DailyPnl> dailyPnl(@Param("from") LocalDate from, @Param("to") LocalDate to);

    /**
     * @param day UTC day
     * @param limit most rows: the latest
     * @return the latest {@code limit} fills of the day, in journal order
     */
    List<StoredFill> fills(@Param("day") LocalDate day, @Param("limit") int limit);

    /**
     * @param limit most rows
     * @return risk decisions of every outcome, newest first
     */
    List<StoredRiskEvent> riskEvents(@Param("limit") int limit);

    /**
     * @param ruleSet a rule set, or null for all
     * @param limit most rows
     * @return deployments, newest first
     */
    List<RuleDeploymentEntry> ruleDeployments(@Param("ruleSet") String ruleSet, @Param("limit") int limit);

    /**
     * @param clientOrderId a client order id
     * @return the correlation id of its latest order intent (preferring one that has a correlation id), '' if it has
     *         none, null if there is no such order
     */
    String correlationIdOfOrder(@Param("clientOrderId") String clientOrderId);

    /**
     * Either argument, the other null.
     *
     * @param correlationId a correlation id: its signal, orders, risk decisions, order events and fills
     * @param clientOrderId a client order id: its order intent, risk decisions, events and fills
     * @return the steps in journal order
     */
    List<OrderLifeStep> orderLife(@Param("correlationId") String correlationId,
            @Param("clientOrderId") String clientOrderId);

    /**
     * @param from first instant (inclusive)
     * @param to last instant (exclusive)
     * @return equity points in time order
     */
    List<EquityPoint> equityCurve(@Param("from") Instant from, @Param("to") Instant to);

    /** @return the last trading-state change (by insertion), or null */
    StoredRow lastStateChange();

    /** @return the last equity point (by insertion), or null */
    StoredRow lastEquity();

    /** @return per instrument its last position snapshot (by insertion), unless its qty is zero; in insertion order */
    List<StoredRow> openPositions();

    /** @return order intents with no REJECTED, CANCELLED or fully filled (leaves 0) event, in insertion order */
    List<OpenOrderRow> openOrders();

    /** @return rows in all journal tables */
    long storedRecords();
}
