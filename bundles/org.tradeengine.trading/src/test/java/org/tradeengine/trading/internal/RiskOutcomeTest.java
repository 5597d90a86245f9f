// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.risk.RiskAction;
import org.tradeengine.api.risk.RiskDecision;
import org.tradeengine.api.strategy.ExitDecision;
import org.tradeengine.api.trading.RiskEvent;
import org.tradeengine.api.trading.TradingStatus;

class RiskOutcomeTest extends DeskTestSupport {

    private final TestBook btc = new TestBook(BTC).quote("61800.10", "61800.20");
    private final TestBook eth = new TestBook(ETH).quote("2999.99", "3000.01");

    @Test
    void aDenialIsRecordedForEverySignalAndNothingIsSent() {
        risk.orders = c -> RiskDecision.deny("max-position", "notional 4,944.02 > max 1,000.00 for " + c.getSymbol());
        signal(btc, Side.BUY, T0);
        signal(btc, Side.BUY, T0.plusSeconds(1));
        signal(btc, Side.SELL, T0.plusSeconds(2));
        assertTrue(paper.submitted.isEmpty());
        List<RiskEvent> events = desk.riskEvents(10);
        assertEquals(3, events.size());
        RiskEvent newest = events.get(0);
        assertEquals("DENY", newest.outcome());
        assertEquals("max-position", newest.rule());
        assertEquals("notional 4,944.02 > max 1,000.00 for BTCUSDT-PERP", newest.reason());
        assertEquals(btc.instrument(), newest.instrument());
        assertEquals(T0.plusSeconds(2), newest.at());
        assertEquals(TradingState.ACTIVE, desk.status().state());
    }

    @Test
    void aHaltVerdictFiresTheKillSwitch() {
        signal(eth, Side.BUY, T0); // a position to flatten
        risk.orders = c -> c.isReduceOnly() ? TestRisk.ALLOW
                : new RiskDecision(RiskDecision.Verdict.HALT, "order-rate", "31 orders in 60 s > 30");
        signal(btc, Side.BUY, T0.plusSeconds(1));

        TradingStatus s = desk.status();
        assertEquals(TradingState.HALTED, s.state());
        assertEquals("order-rate", s.by());
        assertEquals("31 orders in 60 s > 30", s.reason());
        assertFalse(s.flattening()); // the test broker fills at once: confirmed flat
        assertTrue(paper.positions.isEmpty());
        assertTrue(desk.positions().isEmpty());
        assertEquals("kill-switch", desk.fills(1).get(0).purpose());
        assertEquals("HALT", desk.riskEvents(1).get(0).outcome());
        assertEquals(List.of("INFO", "CRITICAL"), desk.alerts(10).stream().map(a -> a.severity()).toList());
        assertEquals(1, paper.entries().size()); // only the ETH entry was sent
    }

    @Test
    void anAccountReduceMovesToReducingOnceAndBlocksEntries() {
        signal(eth, Side.BUY, T0);
        risk.account = (a, p) -> List.of(new RiskAction(RiskAction.Kind.REDUCE, null, "daily-loss-soft",
                "daily P&L " + a.getDailyPnl() + " below -1"));
        book(eth.quote("2990.00", "2990.10"), T0.plusSeconds(1));
        book(eth, T0.plusSeconds(2));
        assertEquals(TradingState.REDUCING, desk.status().state());
        assertEquals("daily-loss-soft", desk.status().by());
        assertEquals(1, desk.riskEvents(10).stream().filter(e -> e.outcome().equals("REDUCE")).count());

        signal(btc, Side.BUY, T0.plusSeconds(3));
        assertEquals(1, paper.submitted.size());
    }

    @Test
    void anAccountFlattenClosesThatPositionOnlyOnce() {
        signal(eth, Side.BUY, T0);
        signal(btc, Side.BUY, T0);
        InstrumentId ethId = eth.instrument();
        risk.account = (a, p) -> List.of(new RiskAction(RiskAction.Kind.FLATTEN, ethId, "max-holding-time", "held 61 s > 60 s"));
        paper.hangCloses = 1; // the close stays unanswered
        book(eth, T0.plusSeconds(61));
        book(eth, T0.plusSeconds(62));
        List<OrderIntent> closes = paper.closes();
        assertEquals(1, closes.size());
        OrderIntent close = closes.get(0);
        assertTrue(close.reduceOnly());
        assertEquals(Side.SELL, close.side());
        assertEquals("1.666", close.quantity().toString()); // the whole position: 5000 / 3000.01
        assertEquals("max-holding-time", close.reason());
        assertTrue(close.correlationId().endsWith("-sig-1"), close.correlationId());
        RiskEvent flatten = desk.riskEvents(1).get(0);
        assertEquals("FLATTEN", flatten.outcome());
        assertEquals(close.clientOrderId(), flatten.clientOrderId());
        assertEquals(TradingState.ACTIVE, desk.status().state());
    }

    @Test
    void anAccountHaltFiresTheKillSwitch() {
        signal(eth, Side.BUY, T0);
        signal(btc, Side.SELL, T0);
        risk.account = (a, p) -> List.of(new RiskAction(RiskAction.Kind.HALT, null, "max-drawdown", "drawdown -2,100 < -2,000"));
        book(eth.quote("2990.00", "2990.10"), T0.plusSeconds(1));
        TradingStatus s = desk.status();
        assertEquals(TradingState.HALTED, s.state());
        assertEquals("max-drawdown", s.by());
        assertTrue(desk.positions().isEmpty());
        assertEquals(2, paper.closes().size());
        assertTrue(paper.closes().stream().allMatch(c -> c.reason().equals("kill-switch")));
    }

    @Test
    void exitDecisionsClosePositionsWithTheRuleAsPurpose() {
        signal(eth, Side.BUY, T0);
        risk.exits = p -> p.stream().filter(m -> m.getPnlPercent().signum() > 0)
                .map(m -> new ExitDecision(m.getInstrument(), "profit-target", m.getPnlPercent() + " % >= 0.20 %")).toList();
        book(eth.quote("2999.00", "2999.10"), T0.plusSeconds(1));
        assertTrue(paper.closes().isEmpty());
        paper.price(ETH, "3010.00");
        book(eth.quote("3010.00", "3010.10"), T0.plusSeconds(2));
        assertEquals(1, paper.closes().size());
        assertTrue(desk.positions().isEmpty());
        assertEquals("profit-target", desk.fills(1).get(0).purpose());
        assertEquals(1, desk.status().account().trades());
    }

    @Test
    void noRiskServiceDeniesEntriesButClosesStillGo() {
        signal(eth, Side.BUY, T0);
        desk.clearRiskService(risk);
        signal(btc, Side.BUY, T0.plusSeconds(1));
        RiskEvent denied = desk.riskEvents(1).get(0);
        assertEquals("DENY", denied.outcome());
        assertEquals("no-risk-service", denied.rule());
        assertEquals(1, paper.entries().size());

        risk.exits = p -> List.of(new ExitDecision(p.get(0).getInstrument(), "time-stop", "60 s"));
        book(eth, T0.plusSeconds(60));
        assertEquals(1, paper.closes().size());
        assertTrue(desk.positions().isEmpty());
        assertEquals(1, desk.riskEvents(10).size()); // the close was not risk-checked, nothing recorded for it
    }

    @Test
    void aDeniedCloseIsRecordedAndSentAnyway() {
        signal(eth, Side.BUY, T0);
        risk.orders = c -> c.isReduceOnly() ? RiskDecision.deny("stale-data", "data 5,000 ms old > 2,000 ms") : TestRisk.ALLOW;
        risk.exits = p -> List.of(new ExitDecision(p.get(0).getInstrument(), "stop-loss", "-0.15 %"));
        book(eth, T0.plusSeconds(1));
        assertTrue(desk.positions().isEmpty());
        RiskEvent e = desk.riskEvents(1).get(0);
        assertEquals("DENY", e.outcome());
        assertEquals("stale-data", e.rule());
        assertTrue(e.reason().endsWith("(reduce-only close sent anyway: closes are never blocked)"), e.reason());
        assertEquals(paper.closes().get(0).clientOrderId(), e.clientOrderId());
    }

    @Test
    void aFailingRiskServiceDeniesAndReduces() {
        risk.orders = c -> {
            throw new IllegalStateException("rule blew up");
        };
        signal(btc, Side.BUY, T0);
        assertEquals("risk-error", desk.riskEvents(1).get(0).rule());
        assertTrue(paper.submitted.isEmpty());

        risk.orders = c -> TestRisk.ALLOW;
        signal(eth, Side.BUY, T0);
        risk.account = (a, p) -> {
            throw new IllegalStateException("account rule blew up");
        };
        book(eth, T0.plusSeconds(1));
        assertEquals(TradingState.REDUCING, desk.status().state());
        assertEquals("risk-error", desk.status().by());
        assertEquals(0, desk.callbackErrors());
    }

    @Test
    void aBookThatIsNotLiveDoesNotMarkButIsStillChecked() {
        signal(eth, Side.BUY, T0);
        book(eth.quote("2999.00", "2999.10"), T0.plusSeconds(1));
        book(new TestBook(ETH).quote("1.00", "1.10").state(org.tradeengine.api.book.BookState.INVALID), T0.plusSeconds(2));
        assertEquals(0, desk.positions().get(0).markPrice().compareTo(new java.math.BigDecimal("2999.00")));
        var last = risk.exitChecks.get(risk.exitChecks.size() - 1).get(0);
        assertFalse(last.isBookLive());
        assertEquals(2, risk.accountChecks.size()); // both books ran the account check; the fill itself is not a mark
    }
}
