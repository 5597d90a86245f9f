// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

import org.tradeengine.api.audit.AuditJournal;
import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.AuditRecord;
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
 * The journal's contract in memory, for desk tests: appends are kept in order (a repeated key is stored once) and
 * the restore point is computed the way the journal's store does (last state change, last equity point, last
 * position per instrument if not flat, orders without a final event). Can be made unavailable.
 */
final class MemoryStore implements AuditJournal, AuditQueries {

    final List<AuditRecord> records = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    volatile String down;

    @Override
    public synchronized void append(AuditRecord r) {
        if (keys.add(r.type() + "/" + r.key())) {
            records.add(r);
        }
    }

    @Override
    public long backlog() {
        return 0;
    }

    synchronized List<AuditRecord> of(AuditRecord.Type t) {
        return records.stream().filter(r -> r.type() == t).toList();
    }

    @Override
    public synchronized RestorePoint restorePoint(Duration wait) {
        if (down != null) {
            throw new AuditUnavailableException(down, null);
        }
        AuditRecord state = null;
        AuditRecord equity = null;
        Map<String, AuditRecord> positions = new LinkedHashMap<>();
        Map<String, AuditRecord> orders = new LinkedHashMap<>();
        Map<String, String> leaves = new HashMap<>();
        for (AuditRecord r : records) {
            switch (r.type()) {
                case TRADING_STATE -> {
                    if (!"KILL_SWITCH".equals(r.fields().get("kind"))) {
                        state = r;
                    }
                }
                case EQUITY -> equity = r;
                case POSITION -> positions.put(r.fields().get("instrument"), r);
                case ORDER -> orders.put(r.fields().get("clientOrderId"), r);
                case ORDER_EVENT -> {
                    String id = r.fields().get("clientOrderId");
                    String ev = r.fields().get("event");
                    String left = r.fields().get("leavesQty");
                    if ("REJECTED".equals(ev) || "CANCELLED".equals(ev)
                            || "FILL".equals(ev) && left != null && new BigDecimal(left).signum() == 0) {
                        orders.remove(id);
                    } else if (left != null) {
                        leaves.put(id, left);
                    }
                }
                default -> {
                }
            }
        }
        List<AuditRecord> open = new ArrayList<>();
        for (AuditRecord o : orders.values()) {
            String left = leaves.get(o.fields().get("clientOrderId"));
            if (left == null) {
                open.add(o);
            } else {
                Map<String, String> f = new LinkedHashMap<>(o.fields());
                f.put("leavesQty", left);
                open.add(new AuditRecord(o.type(), o.at(), o.key(), o.correlationId(), f));
            }
        }
        List<AuditRecord> pos = positions.values().stream()
                .filter(p -> new BigDecimal(p.fields().get("qty")).signum() != 0).toList();
        return new RestorePoint(state, equity, pos, open, records.size(), Instant.parse("2024-05-02T00:00:00Z"));
    }

    @Override
    public AuditStatus status() {
        return new AuditStatus(0, records.size(), 0, 0, 0, 0, 0, down == null, down == null ? "" : down);
    }

    @Override
    public List<DailyPnl> dailyPnl(LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("not needed by the desk");
    }

    @Override
    public List<StoredFill> fills(LocalDate day, int limit) {
        throw new UnsupportedOperationException("not needed by the desk");
    }

    @Override
    public List<StoredRiskEvent> riskEvents(int limit) {
        throw new UnsupportedOperationException("not needed by the desk");
    }

    @Override
    public List<RuleDeploymentEntry> ruleDeployments(String ruleSet, int limit) {
        throw new UnsupportedOperationException("not needed by the desk");
    }

    @Override
    public List<OrderLifeStep> orderLife(String id) {
        throw new UnsupportedOperationException("not needed by the desk");
    }

    @Override
    public List<EquityPoint> equityCurve(Instant from, Instant to) {
        throw new UnsupportedOperationException("not needed by the desk");
    }
}
