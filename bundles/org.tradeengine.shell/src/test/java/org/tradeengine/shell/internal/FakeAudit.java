// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.AuditStatus;
import org.tradeengine.api.audit.AuditUnavailableException;
import org.tradeengine.api.audit.DailyPnl;
import org.tradeengine.api.audit.EquityPoint;
import org.tradeengine.api.audit.OrderLifeStep;
import org.tradeengine.api.audit.RestorePoint;
import org.tradeengine.api.audit.RuleDeploymentEntry;
import org.tradeengine.api.audit.StoredFill;
import org.tradeengine.api.audit.StoredRiskEvent;

/**
 * An {@link AuditQueries} that answers what a test gave it and records every call ({@code "fills 2024-03-05 100"}); with
 * {@link #down} set, every query throws {@link AuditUnavailableException} with that message.
 */
final class FakeAudit implements AuditQueries {

    final List<String> calls = new ArrayList<>();
    String down;
    AuditStatus status = new AuditStatus(0, 0, 0, 0, 0, 0, 0, true, "");
    List<DailyPnl> pnl = List.of();
    List<StoredFill> fills = List.of();
    List<StoredRiskEvent> risk = List.of();
    List<RuleDeploymentEntry> rules = List.of();
    List<OrderLifeStep> life = List.of();

    private void call(String what) {
        calls.add(what);
        if (down != null) {
            throw new AuditUnavailableException(down, new IllegalStateException("connection refused"));
        }
    }

    @Override
    public AuditStatus status() {
        call("status");
        return status;
    }

    @Override
    public List<DailyPnl> dailyPnl(LocalDate from, LocalDate to) {
        call("dailyPnl " + from + " " + to);
        return pnl;
    }

    @Override
    public List<StoredFill> fills(LocalDate day, int limit) {
        call("fills " + day + " " + limit);
        return fills;
    }

    @Override
    public List<StoredRiskEvent> riskEvents(int limit) {
        call("riskEvents " + limit);
        return risk;
    }

    @Override
    public List<RuleDeploymentEntry> ruleDeployments(String ruleSet, int limit) {
        call("ruleDeployments " + ruleSet + " " + limit);
        return rules;
    }

    @Override
    public List<OrderLifeStep> orderLife(String id) {
        call("orderLife " + id);
        return life;
    }

    @Override
    public List<EquityPoint> equityCurve(Instant from, Instant to) {
        call("equityCurve " + from + " " + to);
        return List.of();
    }

    @Override
    public RestorePoint restorePoint(Duration wait) {
        call("restorePoint " + wait);
        throw new UnsupportedOperationException("not used by the shell");
    }
}
