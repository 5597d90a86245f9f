// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tradeengine.journal.internal.Records.fields;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.audit.AuditRecord.Type;
import org.tradeengine.journal.internal.JournalViews.DailyPnl;

/** The journal's queries over a small session that crosses a UTC midnight: run against PostgreSQL and H2. */
abstract class JournalQueriesContract extends JournalTestBase {

    private static final String BTC = "BTCUSDT-PERP.BINANCE_FUTURES";
    private static final String ETH = "ETHUSDT-PERP.BINANCE_FUTURES";

    private JournalService j;

    @BeforeEach
    void journalTheSession() throws Exception {
        j = journal();
        Instant t0 = at("2024-08-08T23:59:50Z");
        // trip-1: entry on 2024-08-08, exit a few seconds later on 2024-08-09 (UTC)
        j.append(Records.signal("s1", t0, "trip-1", BTC, "BUY"));
        j.append(Records.risk("r-allow", t0.plusMillis(1), "trip-1", "ALLOW", "default-allow", "no rule objected"));
        j.append(Records.order("o-entry", t0.plusMillis(2), "trip-1", "e1", "BUY", "0.002", false, "imbalance-long"));
        j.append(Records.event("ev-entry", t0.plusMillis(3), "trip-1", "e1", "ACCEPTED", "0", "", "0.002"));
        j.append(fill("f-entry", t0.plusMillis(4), "trip-1", "e1", BTC, "BUY", "0.002", "65000.10", "0.0520004", "0"));
        j.append(Records.order("o-exit", t0.plusSeconds(10), "trip-1", "x1", "SELL", "0.002", true, "take-profit"));
        j.append(Records.event("ev-exit", t0.plusSeconds(10).plusMillis(1), "trip-1", "x1", "FILL", "0.002", "65100.20",
                "0"));
        j.append(fill("f-exit", t0.plusSeconds(10).plusMillis(2), "trip-1", "x1", BTC, "SELL", "0.002", "65100.20",
                "0.0520802", "0.2002"));
        // trip-2 on 2024-08-09, a small loss
        j.append(fill("f-eth-in", at("2024-08-09T09:00:00Z"), "trip-2", "e2", ETH, "BUY", "1.5", "2500.01", "0.75", "0"));
        j.append(fill("f-eth-out", at("2024-08-09T09:05:00Z"), "trip-2", "x2", ETH, "SELL", "1.5", "2499.99", "0.75",
                "-0.03"));
        // risk events and rule deployments at known times
        j.append(Records.risk("r-deny-9", at("2024-08-09T09:00:00Z"), "", "DENY", "max-spread", "spread 0.9 > 0.5"));
        j.append(Records.risk("r-deny-10", at("2024-08-09T10:00:00Z"), "", "DENY", "max-position", "notional 12,000.00"));
        j.append(Records.risk("r-halt-11", at("2024-08-09T11:00:00Z"), "", "HALT", "max-drawdown", "drawdown 10.2 %"));
        j.append(Records.ruleDeployment("d-entry", at("2024-08-09T08:00:00Z"), "entry", "DEPLOYED", ""));
        j.append(Records.ruleDeployment("d-risk-bad", at("2024-08-09T09:00:00Z"), "risk", "REJECTED", "line 3: oops"));
        j.append(Records.ruleDeployment("d-risk-ok", at("2024-08-09T10:00:00Z"), "risk", "DEPLOYED", ""));
        awaitDrained(j);
    }

    private static AuditRecord fill(String key, Instant at, String corr, String coid, String instrument, String side,
            String qty, String price, String fee, String realized) {
        return new AuditRecord(Type.FILL, at, key, corr, fields("clientOrderId", coid, "instrument", instrument, "side",
                side, "qty", qty, "price", price, "fee", fee, "liquidity", "TAKER", "purpose", "p", "realizedPnl", realized));
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
    void fillsOfADayComeInJournalOrder() {
        List<JournalViews.Fill> fills = j.fillsOn(LocalDate.parse("2024-08-09"));

        assertEquals(List.of("f-exit", "f-eth-in", "f-eth-out"), fills.stream().map(JournalViews.Fill::recordKey).toList());
        assertDecimal("65100.20", fills.get(0).price());
        assertEquals(at("2024-08-09T00:00:00.002Z"), fills.get(0).at().toInstant());
    }

    @Test
    void riskEventsAreTheNonAllowDecisionsNewestFirst() {
        List<JournalViews.RiskEvent> latest = j.riskEvents(2);

        assertEquals(List.of("HALT", "DENY"), latest.stream().map(JournalViews.RiskEvent::outcome).toList());
        assertEquals("max-drawdown", latest.get(0).rule());
        assertEquals("notional 12,000.00", latest.get(1).reason());
        assertEquals(3, j.riskEvents(100).size());
    }

    @Test
    void ruleDeploymentsNewestFirstOptionallyOfOneSet() {
        List<JournalViews.RuleDeployment> risk = j.ruleDeployments("risk", 10);

        assertEquals(List.of("DEPLOYED", "REJECTED"), risk.stream().map(JournalViews.RuleDeployment::outcome).toList());
        assertEquals("line 3: oops", risk.get(1).error());
        assertNull(risk.get(0).error());
        assertEquals(List.of("risk DEPLOYED", "risk REJECTED"),
                j.ruleDeployments(null, 2).stream().map(d -> d.ruleSet() + " " + d.outcome()).toList());
    }

    @Test
    void theLifeOfAnOrderRunsFromSignalToExitFill() {
        List<JournalViews.OrderLifeEvent> life = j.orderLife("trip-1");

        assertEquals(List.of("SIGNAL", "RISK_DECISION", "ORDER", "ORDER_EVENT", "FILL", "EXIT_ORDER", "ORDER_EVENT", "FILL"),
                life.stream().map(JournalViews.OrderLifeEvent::stage).toList());
        assertEquals("imbalance-long", life.get(0).what());
        assertEquals("ALLOW", life.get(1).what());
        assertEquals("ACCEPTED", life.get(3).what());
        assertDecimal("65000.10", life.get(4).price());
        assertEquals("take-profit", life.get(5).note());
        assertDecimal("0.002", life.get(7).qty());
        assertEquals(List.of(), j.orderLife("no-such-trip"));
    }
}
