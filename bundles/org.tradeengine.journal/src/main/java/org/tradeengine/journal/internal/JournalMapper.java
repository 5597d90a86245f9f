// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/**
 * The MyBatis mapper ({@code JournalMapper.xml} beside it): the queries. The idempotent inserts are statements of the
 * same XML, called by id ({@link RecordConventions.Table#statement()}) with a column map.
 */
public interface JournalMapper {

    /**
     * @param from first UTC day
     * @param to last UTC day (inclusive)
     * @return per day and instrument, ascending
     */
    List<JournalViews.DailyPnl> dailyPnl(@Param("from") LocalDate from, @Param("to") LocalDate to);

    /**
     * @param day UTC day
     * @return its fills in journal order
     */
    List<JournalViews.Fill> fillsOn(@Param("day") LocalDate day);

    /**
     * @param limit most rows
     * @return risk decisions other than ALLOW, newest first
     */
    List<JournalViews.RiskEvent> riskEvents(@Param("limit") int limit);

    /**
     * @param ruleSet a rule set, or null for all
     * @param limit most rows
     * @return deployments, newest first
     */
    List<JournalViews.RuleDeployment> ruleDeployments(@Param("ruleSet") String ruleSet, @Param("limit") int limit);

    /**
     * @param correlationId the correlation id
     * @return signal, orders, risk decisions, order events and fills with that id, in journal order
     */
    List<JournalViews.OrderLifeEvent> orderLife(@Param("correlationId") String correlationId);

    /**
     * @param from first instant (inclusive)
     * @param to last instant (exclusive)
     * @return equity points in time order
     */
    List<JournalViews.EquityPoint> equityCurve(@Param("from") OffsetDateTime from, @Param("to") OffsetDateTime to);
}
