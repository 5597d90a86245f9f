// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What can be asked of the audit journal's store: the journal's own health, history for the shell and the API, and
 * the point a restart resumes from. Every query reads the database; while it is unreachable they throw
 * {@link AuditUnavailableException} saying why (records keep waiting in the spool meanwhile). Times are UTC; money and
 * quantities exact.
 */
@ProviderType
public interface AuditQueries {

    /** @return the journal's counters: backlog, stored, duplicates, database up or not, last problem */
    AuditStatus status();

    /**
     * Fills and P&amp;L per UTC day (of the fills' event time) and instrument.
     *
     * @param from first day
     * @param to last day, inclusive
     * @return rows by day, then instrument
     */
    List<DailyPnl> dailyPnl(LocalDate from, LocalDate to);

    /**
     * @param day a UTC day
     * @param limit most rows (the latest)
     * @return the day's fills in journal order
     */
    List<StoredFill> fills(LocalDate day, int limit);

    /**
     * @param limit most rows
     * @return risk decisions (DENY, HALT, REDUCE, FLATTEN, ...), newest first
     */
    List<StoredRiskEvent> riskEvents(int limit);

    /**
     * @param ruleSet a rule set (entry, risk, exit), or null for all
     * @param limit most rows
     * @return deployment attempts, newest first
     */
    List<RuleDeploymentEntry> ruleDeployments(String ruleSet, int limit);

    /**
     * The life of one order: the signal, the order, risk decisions, its events, fills and the exit that share its
     * correlation id.
     *
     * @param id a correlation id, or a client order id (its correlation id is looked up)
     * @return the steps in journal order; empty if the id is unknown
     */
    List<OrderLifeStep> orderLife(String id);

    /**
     * @param from first instant, inclusive
     * @param to last instant, exclusive
     * @return the equity curve in time order
     */
    List<EquityPoint> equityCurve(Instant from, Instant to);

    /**
     * What a restart resumes from: the last trading state, the account, the open positions and the open orders, as
     * the records the desk wrote (their fields in the desk's own conventions). Answers only once every record
     * appended before the call is in the database, waiting for that at most {@code wait}.
     *
     * @param wait how long to wait for the database to take the backlog
     * @return the restore point
     * @throws AuditUnavailableException if the database is unreachable or has not caught up in time
     */
    RestorePoint restorePoint(Duration wait);
}
