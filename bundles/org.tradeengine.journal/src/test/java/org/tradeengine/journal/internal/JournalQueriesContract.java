// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.journal.internal.Records.fields;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.audit.AuditRecord.Type;
import org.tradeengine.api.audit.AuditStatus;
import org.tradeengine.api.audit.DailyPnl;
import org.tradeengine.api.audit.EquityPoint;
import org.tradeengine.api.audit.OrderLifeStep;
import org.tradeengine.api.audit.RuleDeploymentEntry;
import org.tradeengine.api.audit.StoredFill;
import org.tradeengine.api.audit.StoredRiskEvent;

/** The journal's {@code AuditQueries} over a small session that crosses a UTC midnight: run against PostgreSQL and H2. */
abstract class JournalQueriesContract extends JournalTestBase {

    private static final String BTC = "BTCUSDT-PERP.BINANCE_FUTURES";
    private static final String ETH = "ETHUSDT-PERP.BINANCE_FUTURES";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private JournalService j;
    private int appended;

    @BeforeEach
    void journalTheSession() throws Exception {
        j = journal();
        appended = 0;
        Instant t0 = at("2024-08-08T23:59:50Z");
        // trip-1: entry on 2024-08-08, exit a few seconds later on 2024-08-09 (UTC)
        append(Records.signal("s1", t0, "trip-1", BTC, "BUY"));
        append(Records.risk("r-allow", t0.plusMillis(1), "trip-1", "ALLOW", "default-allow", "no rule objected"));
        append(Records.order("o-entry", t0.plusMillis(2), "trip-1", "e1", "BUY", "0.002", false, "imbalance-long"));
        append(Records.event("ev-entry", t0.plusMillis(3), "trip-1", "e1", "ACCEPTED", "0", "", "0.002"));
        append(fill("f-entry", t0.plusMillis(4), "trip-1", "e1", BTC, "BUY", "0.002", "65000.10", "0.0520004", "0"));
        append(Records.order("o-exit", t0.plusSeconds(10), "trip-1", "x1", "SELL", "0.002", true, "take-profit"));
        append(Records.event("ev-exit", t0.plusSeconds(10).plusMillis(1), "trip-1", "x1", "FILL", "0.002", "65100.20",
                "0"));
        append(fill("f-exit", t0.plusSeconds(10).plusMillis(2), "trip-1", "x1", BTC, "SELL", "0.002", "65100.20",
                "0.0520802", "0.2002"));
        // trip-2 on 2024-08-09, a small loss
        append(fill("f-eth-in", at("2024-08-09T09:00:00Z"), "trip-2", "e2", ETH, "BUY", "1.5", "2500.01", "0.75", "0"));
        append(fill("f-eth-out", at("2024-08-09T09:05:00Z"), "trip-2", "x2", ETH, "SELL", "1.5", "2499.99", "0.75",
                "-0.03"));
        // an order journaled without a correlation id (a manual order), and another one beside it, on 2024-08-07
        Instant solo = at("2024-08-07T12:00:00Z");
        append(Records.order("o-solo-1", solo, "", "solo-1", "SELL", "0.001", true, "manual close"));
        append(new AuditRecord(Type.RISK_DECISION, solo.plusMillis(1), "r-solo-1", "", fields("outcome", "ALLOW",
                "rule", "default-allow", "reason", "manual", "check", "ORDER", "instrument", BTC, "clientOrderId",
                "solo-1")));
        append(Records.order("o-solo-2", solo.plusMillis(2), "", "solo-2", "BUY", "0.001", false, "manual open"));
        append(Records.event("ev-solo-1", solo.plusMillis(3), "", "solo-1", "FILL", "0.001", "64000.5", "0"));
        append(fill("f-solo-1", solo.plusMillis(4), "", "solo-1", BTC, "SELL", "0.001", "64000.5", "0.0256", "-0.1"));
        // risk events and rule deployments at known times
        append(Records.risk("r-deny-9", at("2024-08-09T09:00:00Z"), "", "DENY", "max-spread", "spread 0.9 > 0.5"));
        append(Records.risk("r-deny-10", at("2024-08-09T10:00:00Z"), "", "DENY", "max-position", "notional 12,000.00"));
        append(Records.risk("r-halt-11", at("2024-08-09T11:00:00Z"), "", "HALT", "max-drawdown", "drawdown 10.2 %"));
        append(Records.ruleDeployment("d-entry", at("2024-08-09T08:00:00Z"), "entry", "DEPLOYED", ""));
        append(Records.ruleDeployment("d-risk-bad", at("2024-08-09T09:00:00Z"), "risk", "REJECTED", "line 3: oops"));
        append(Records.ruleDeployment("d-risk-ok", at("2024-08-09T10:00:00Z"), "risk", "DEPLOYED", ""));
        // the equity curve: two points on 2024-08-09, one at the next midnight
        append(Records.equity("q1", at("2024-08-09T00:00:00Z"), "10000.1482", "10000.1482", "1"));
        append(Records.equity("q2", at("2024-08-09T12:00:00.000001Z"), "9998.6182", "10000.1482", "2"));
        append(Records.equity("q3", at("2024-08-10T00:00:00Z"), "9999.00", "10000.1482", "2"));
        awaitDrained(j);
    }

    private void append(AuditRecord r) {
        j.append(r);
        appended++;
    }

    private static AuditRecord fill(String key, Instant at, String corr, String coid, String instrument, String side,
            String qty, String price, String fee, String realized) {
        return new AuditRecord(Type.FILL, at, key, corr, fields("clientOrderId", coid, "instrument", instrument, "side",
                side, "qty", qty, "price", price, "fee", fee, "liquidity", "TAKER", "purpose", "p", "realizedPnl", realized));
    }

    @Test
    void statusCountsWhatWasStored() {
        AuditStatus s = j.status();

        assertEquals(0, s.backlog());
        assertEquals(appended, s.stored());
        assertEquals(0, s.duplicates());
        assertEquals(0, s.withProblems());
        assertTrue(s.databaseUp());
        assertEquals("", s.lastProblem());
    }

    @Test
    void dailyPnlSumsFillsPerUtcDayAndInstrument() {
        List<DailyPnl> days = j.dailyPnl(LocalDate.parse("2024-08-08"), LocalDate.parse("2024-08-09"));

        assertEquals(3, days.size(), days.toString());
        assertDay(days.get(0), "2024-08-08", BTC, 1, "0.002", "0", "130.0002", "0.0520004", "0");
        assertDay(days.get(1), "2024-08-09", BTC, 1, "0", "0.002", "130.2004", "0.0520802", "0.2002");
        BigDecimal ethNotional = new BigDecimal("1.5").multiply(new BigDecimal("2500.01"))
                .add(new BigDecimal("1.5").multiply(new BigDecimal("2499.99")));
        assertDay(days.get(2), "2024-08-09", ETH, 2, "1.5", "1.5", ethNotional.toPlainString(), "1.50", "-0.03");
        assertDecimal("-1.53", days.get(2).netPnl());
        assertDecimal("0.1481198", days.get(1).netPnl());
        assertEquals(1, j.dailyPnl(LocalDate.parse("2024-08-08"), LocalDate.parse("2024-08-08")).size());
        assertEquals(List.of(), j.dailyPnl(LocalDate.parse("2024-08-09"), LocalDate.parse("2024-08-08")));
    }

    private static void assertDay(DailyPnl d, String day, String instrument, long fills, String bought, String sold,
            String notional, String fees, String realized) {
        assertEquals(LocalDate.parse(day), d.day());
        assertEquals(instrument, d.instrument());
        assertEquals(fills, d.fills());
        assertDecimal(bought, d.boughtQty());
        assertDecimal(sold, d.soldQty());
        assertDecimal(notional, d.notional());
        assertDecimal(fees, d.fees());
        assertDecimal(realized, d.realizedPnl());
        assertDecimal(new BigDecimal(realized).subtract(new BigDecimal(fees)).toPlainString(), d.netPnl());
    }

    @Test
    void fillsOfADayComeInJournalOrderWithEveryValueExact() {
        List<StoredFill> fills = j.fills(LocalDate.parse("2024-08-09"), 100);

        assertEquals(List.of("f-exit", "f-eth-in", "f-eth-out"), fills.stream().map(StoredFill::recordKey).toList());
        StoredFill f = fills.get(0);
        assertEquals(at("2024-08-09T00:00:00.002Z"), f.at());
        assertEquals("trip-1", f.correlationId());
        assertEquals("x1", f.clientOrderId());
        assertEquals(BTC, f.instrument());
        assertEquals("SELL", f.side());
        assertDecimal("0.002", f.qty());
        assertDecimal("65100.20", f.price());
        assertDecimal("0.0520802", f.fee());
        assertEquals("TAKER", f.liquidity());
        assertEquals("p", f.purpose());
        assertDecimal("0.2002", f.realizedPnl());
        assertDecimal("-0.03", fills.get(2).realizedPnl());
    }

    @Test
    void aLimitKeepsTheLatestFillsStillInJournalOrder() {
        assertEquals(List.of("f-eth-in", "f-eth-out"),
                j.fills(LocalDate.parse("2024-08-09"), 2).stream().map(StoredFill::recordKey).toList());
        assertEquals(List.of("f-entry"), j.fills(LocalDate.parse("2024-08-08"), 1).stream().map(StoredFill::recordKey)
                .toList());
        assertEquals(List.of(), j.fills(LocalDate.parse("2024-08-09"), 0));
        assertEquals(List.of(), j.fills(LocalDate.parse("2024-08-11"), 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> j.fills(LocalDate.parse("2024-08-09"), -1));
        assertEquals("fills: limit must be 0 or more, was -1", e.getMessage());
    }

    @Test
    void riskEventsAreEveryRecordedDecisionNewestFirst() {
        List<StoredRiskEvent> all = j.riskEvents(100);

        assertEquals(List.of("o-r-halt-11 HALT", "o-r-deny-10 DENY", "o-r-deny-9 DENY", "o-r-allow ALLOW", "solo-1 ALLOW"),
                all.stream().map(r -> r.clientOrderId() + " " + r.outcome()).toList());
        StoredRiskEvent halt = all.get(0);
        assertEquals(at("2024-08-09T11:00:00Z"), halt.at());
        assertEquals("max-drawdown", halt.rule());
        assertEquals("drawdown 10.2 %", halt.reason());
        assertEquals(BTC, halt.instrument());
        assertEquals("o-r-halt-11", halt.clientOrderId());
        assertEquals("", halt.correlationId());
        assertEquals("trip-1", all.get(3).correlationId());

        List<StoredRiskEvent> latest = j.riskEvents(2);
        assertEquals(List.of("HALT", "DENY"), latest.stream().map(StoredRiskEvent::outcome).toList());
        assertEquals("notional 12,000.00", latest.get(1).reason());
    }

    @Test
    void ruleDeploymentsNewestFirstOptionallyOfOneSet() {
        List<RuleDeploymentEntry> risk = j.ruleDeployments("risk", 10);

        assertEquals(List.of("DEPLOYED", "REJECTED"), risk.stream().map(RuleDeploymentEntry::outcome).toList());
        RuleDeploymentEntry bad = risk.get(1);
        assertEquals(at("2024-08-09T09:00:00Z"), bad.at());
        assertEquals("risk", bad.ruleSet());
        assertEquals("rules/risk/main.drl", bad.file());
        assertEquals(SHA, bad.sha256());
        assertEquals(4L, bad.generation());
        assertEquals("file-change", bad.trigger());
        assertEquals("line 3: oops", bad.error());
        assertNull(risk.get(0).error());
        assertEquals(List.of("risk DEPLOYED", "risk REJECTED"),
                j.ruleDeployments(null, 2).stream().map(d -> d.ruleSet() + " " + d.outcome()).toList());
        assertEquals(3, j.ruleDeployments(null, 10).size());
        assertEquals(List.of(), j.ruleDeployments("exit", 10));
    }

    @Test
    void theLifeOfAnOrderRunsFromSignalToExitFill() {
        List<OrderLifeStep> life = j.orderLife("trip-1");

        assertEquals(List.of("SIGNAL", "RISK_DECISION", "ORDER", "ORDER_EVENT", "FILL", "EXIT_ORDER", "ORDER_EVENT", "FILL"),
                life.stream().map(OrderLifeStep::stage).toList());
        assertEquals(List.of("s1", "r-allow", "o-entry", "ev-entry", "f-entry", "o-exit", "ev-exit", "f-exit"),
                life.stream().map(OrderLifeStep::recordKey).toList());
        assertEquals("imbalance-long", life.get(0).what());
        assertEquals("l2-imbalance", life.get(0).note());
        assertEquals(at("2024-08-08T23:59:50Z"), life.get(0).at());
        assertEquals("ALLOW", life.get(1).what());
        assertEquals("default-allow: no rule objected", life.get(1).note());
        assertEquals("e1", life.get(2).clientOrderId());
        assertEquals("MARKET", life.get(2).what());
        assertDecimal("0.002", life.get(2).qty());
        assertNull(life.get(2).price());
        assertEquals("ACCEPTED", life.get(3).what());
        assertDecimal("65000.10", life.get(4).price());
        assertEquals(at("2024-08-08T23:59:50.004Z"), life.get(4).at());
        assertEquals("take-profit", life.get(5).note());
        assertEquals("SELL", life.get(5).side());
        assertDecimal("65100.20", life.get(6).price());
        assertDecimal("0.002", life.get(7).qty());
        assertEquals(List.of(), j.orderLife("no-such-trip"));
        assertEquals(List.of(), j.orderLife(null));
        assertEquals(List.of(), j.orderLife(" "));
    }

    @Test
    void aClientOrderIdLeadsToItsOrdersWholeLife() {
        List<OrderLifeStep> byExitOrder = j.orderLife("x1");

        assertEquals(j.orderLife("trip-1"), byExitOrder);
        assertEquals(8, byExitOrder.size());
    }

    @Test
    void anOrderWithoutACorrelationIdGivesItsOwnStepsAlone() {
        List<OrderLifeStep> life = j.orderLife("solo-1");

        assertEquals(List.of("EXIT_ORDER o-solo-1", "RISK_DECISION r-solo-1", "ORDER_EVENT ev-solo-1", "FILL f-solo-1"),
                life.stream().map(s -> s.stage() + " " + s.recordKey()).toList());
        assertEquals("manual close", life.get(0).note());
        assertEquals("ALLOW", life.get(1).what());
        assertDecimal("64000.5", life.get(3).price());
        assertEquals(List.of("ORDER o-solo-2"), j.orderLife("solo-2").stream().map(s -> s.stage() + " " + s.recordKey())
                .toList());
    }

    @Test
    void theEquityCurveIsInTimeOrderFromInclusiveToExclusive() {
        List<EquityPoint> curve = j.equityCurve(at("2024-08-09T00:00:00Z"), at("2024-08-10T00:00:00Z"));

        assertEquals(List.of(at("2024-08-09T00:00:00Z"), at("2024-08-09T12:00:00.000001Z")),
                curve.stream().map(EquityPoint::at).toList());
        EquityPoint p = curve.get(1);
        assertDecimal("9998.6182", p.equity());
        assertDecimal("10000.1482", p.peakEquity());
        assertDecimal("-1.5300", p.drawdown());
        assertDecimal("1.2002", p.realizedPnl());
        assertDecimal("-0.0400", p.unrealizedPnl());
        assertDecimal("0.1560", p.fees());
        assertEquals(3, j.equityCurve(Instant.EPOCH, at("2030-01-01T00:00:00Z")).size());
        assertEquals(List.of(), j.equityCurve(at("2024-08-10T00:00:00Z"), at("2024-08-10T00:00:00Z")));
    }
}
