// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.risk.AccountMark;
import org.tradeengine.api.risk.OrderCheck;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.api.risk.RiskAction;
import org.tradeengine.api.risk.RiskDecision.Verdict;
import org.tradeengine.api.rules.RuleProblem;

/** The risk scenario language: the facts it builds and how it reports mistakes. */
class RiskScenariosTest {

    private static final String FILE = "scenarios/risk-test.scenarios";

    private static ScenarioParser.Result parse(String text) {
        return ScenarioParser.parse(SourceFile.of(FILE, text.getBytes(StandardCharsets.UTF_8)), "risk");
    }

    private static Scenario one(String text) {
        ScenarioParser.Result r = parse(text);
        assertEquals(List.of(), r.problems());
        return r.scenarios().get(0);
    }

    @Test
    void readsTheRepositoryScenarios() throws IOException {
        for (String name : List.of("scenarios/risk-orders.scenarios", "scenarios/risk-account.scenarios")) {
            SourceFile f = SourceFile.of(name, Files.readAllBytes(RulesFixture.REPO_RULES.resolve(name)));
            ScenarioParser.Result r = ScenarioParser.parse(f, "risk");
            assertEquals(List.of(), r.problems(), name);
            assertTrue(r.scenarios().size() >= 7, name);
        }
    }

    @Test
    void anOrderCheckSeesTheOrderWithItsPositionBookAndAccount() {
        Scenario s = one("""
                Scenario: an order that takes the position above 10,000 is denied
                  Given an account with equity 39500.5, peak equity 40000, daily P&L -499.5 and drawdown -499.5, trading REDUCING
                  And a SYNCING BINANCE_FUTURES book for BTCUSDT-PERP, last event 1200 ms ago, 7 orders in the last minute
                  And a short position of 0.1 BTCUSDT-PERP aged 3000 ms, open orders -0.05
                  When a reduce-only order to BUY 0.2 BTCUSDT-PERP at 60000.5 is checked
                  Then the risk rules DENY it by max-position-notional
                """);
        OrderCheck o = (OrderCheck) s.facts().get(0);
        AccountMark a = (AccountMark) s.facts().get(1);
        assertEquals("BTCUSDT-PERP.BINANCE_FUTURES", o.getInstrument().toString());
        assertEquals(List.of(Side.BUY, "0.200", "60000.5", "-0.1", "3000.0250", true), List.of(o.getSide(),
                o.getQuantity().toPlainString(), o.getPrice().toPlainString(), o.getPositionQty().toPlainString(),
                o.getExposureAfter().toPlainString(), o.isReduceOnly()));
        assertEquals(List.of(false, 1200L, 7, 3000L), List.of(o.isBookLive(), o.getDataAgeMillis(), o.getOrdersLastMinute(),
                o.getPositionAgeMillis()));
        assertEquals(List.of("39500.5", "40000", "-499.5", "-499.5", TradingState.REDUCING), List.of(a.getEquity().toPlainString(),
                a.getPeakEquity().toPlainString(), a.getDailyPnl().toPlainString(), a.getDrawdown().toPlainString(),
                a.getTradingState()));
        assertEquals(a, o.getAccount());
        assertEquals(new RiskExpectations.OrderVerdict(Verdict.DENY, "max-position-notional"), s.expected());
        assertEquals("DENY by max-position-notional", s.expected().toString());
    }

    @Test
    void anOmittedAccountIsHealthyAndAFlatPositionIsNoPosition() {
        Scenario s = one("""
                Scenario: defaults
                  Given a live binance-spot book for btcusdt
                  When an order to sell 0.5 BTCUSDT at 60000 is checked
                  Then the risk rules allow it
                """);
        OrderCheck o = (OrderCheck) s.facts().get(0);
        assertEquals(List.of("BTCUSDT.BINANCE_SPOT", "0", "40000", TradingState.ACTIVE, true, 0L, 0),
                List.of(o.getInstrument().toString(), o.getPositionQty().toPlainString(), o.getAccount().getEquity().toPlainString(),
                        o.getTradingState(), o.isBookLive(), o.getDataAgeMillis(), o.getOrdersLastMinute()));
        assertEquals("ALLOW", s.expected().toString());
    }

    @Test
    void anAccountCheckSeesTheAccountAndEveryOpenPositionMarked() {
        Scenario s = one("""
                Scenario: account
                  Given an account with daily P&L -2000, trading ACTIVE
                  And a long position of 0.1 BTCUSDT-PERP entered at 60000, marked at 60121, aged 61000 ms
                  And a position of -2 ETHUSDT-PERP entered at 3000, marked at 3003
                  And an INVALID BINANCE_FUTURES book for ETHUSDT-PERP
                  And a position of 0 BTCUSDT.BINANCE_SPOT entered at 60000
                  When the account is checked
                  Then the risk rules HALT by daily-loss and FLATTEN BTCUSDT-PERP by max-hold
                """);
        assertEquals(3, s.facts().size(), "the flat position is no position");
        PositionMark btc = (PositionMark) s.facts().get(1);
        PositionMark eth = (PositionMark) s.facts().get(2);
        assertEquals(List.of("0.1", "12.1", "0.2017", "6012.1", 61000L, true), List.of(btc.getQuantity().toPlainString(),
                btc.getUnrealizedPnl().toPlainString(), btc.getPnlPercent().toPlainString(), btc.getNotional().toPlainString(),
                btc.getAgeMillis(), btc.isBookLive()));
        assertEquals(List.of("-2", "-6", "-0.1000", false), List.of(eth.getQuantity().toPlainString(),
                eth.getUnrealizedPnl().toPlainString(), eth.getPnlPercent().toPlainString(), eth.isBookLive()));
        assertEquals("HALT by daily-loss and FLATTEN BTCUSDT-PERP.BINANCE_FUTURES by max-hold", s.expected().toString());
        assertEquals(List.of(RiskAction.Kind.HALT, RiskAction.Kind.FLATTEN),
                ((RiskExpectations.AccountActions) s.expected()).actions().stream().map(RiskExpectations.Expected::kind).toList());
        AccountMark a = (AccountMark) s.facts().get(0);
        assertEquals("0", a.getDrawdown().toPlainString());
    }

    @Test
    void noActionIsAnEmptyExpectation() {
        Scenario s = one("""
                Scenario: fine
                  Given an account with equity 40000
                  When the account is checked
                  Then the risk rules take no action
                """);
        assertEquals("no action", s.expected().toString());
        assertFalse(((RiskExpectations.AccountActions) s.expected()).actions().iterator().hasNext());
    }

    @Test
    void reportsEveryMistakeWithItsLine() {
        ScenarioParser.Result r = parse("""
                Scenario: one
                  Given an account with equity 4O000, trading PAUSED
                  And a LIVE BINANCE_FUTURES book for BTCUSDT-PERP, last event soon
                  And a long position of -0.1 BTCUSDT-PERP
                  And a cat on the keyboard
                  When an order to BUY 0.0001 BTCUSDT-PERP at 60000 is checked
                  Then the risk rules ALLOW it by max-exposure
                Scenario: two
                  Given an account with equity 40000
                  When an order to BUY 0.0001 BTCUSDT-PERP at 60000 is checked
                  Then the risk rules take no action
                Scenario: three
                  Given an account with equity 40000
                  And a LIVE BINANCE_FUTURES book for BTCUSDT-PERP
                  When an order to BUY 0.0001 BTCUSDT-PERP at 60000 is checked
                  Then the risk rules DENY it
                Scenario: four
                  Given an account with equity 40000
                  And a position of 1 BTCUSDT
                  When the account is checked
                  Then the risk rules take no action
                Scenario: five
                  Given an account with equity 40000
                  And a position of 1 BTCUSDT.BINANCE_SPOT
                  When the account is checked
                  Then the risk rules DENY it by max-hold
                Scenario: six
                  Given an account with equity 40000
                  And a position of 1 BTCUSDT.BINANCE_SPOT
                  When the account is checked
                  Then the risk rules HALT by daily-loss
                Scenario: seven
                  Given an account with equity 40000
                  When the account goes bust
                  Then the risk rules FLATTEN by max-hold
                """);
        List<String> problems = r.problems().stream().map(RuleProblem::toString).toList();
        assertEquals(List.of(
                FILE + ":2: equity '4O000' is not a decimal number (write e.g. 60000 or -512.40)",
                FILE + ":3: cannot read 'last event soon' in this book; write it as '" + MarketStatements.BOOK_FORM + "'",
                FILE + ":4: a long position of -0.1: write a quantity above zero, or 'a position of 0' for none",
                FILE + ":5: cannot read 'a cat on the keyboard'; a risk scenario states an account ('" + MarketStatements.ACCOUNT_FORM
                        + "'), books ('" + MarketStatements.BOOK_FORM + "') and positions ('" + MarketStatements.POSITION_FORM + "')",
                FILE + ":7: an allowed order is allowed by no rule: write 'Then the risk rules ALLOW it'",
                FILE + ":11: an order check ends with 'Then the risk rules ALLOW it', 'DENY it by <rule>' or 'HALT it by <rule>'",
                FILE + ":15: order quantity 0.0001 has more decimals than BTCUSDT-PERP.BINANCE_FUTURES has (3), or is too large",
                FILE + ":19: which venue is BTCUSDT on? Write it as BTCUSDT.BINANCE_SPOT (for example), or add a book for it ('"
                        + MarketStatements.BOOK_FORM + "')",
                FILE + ":26: an account check ends with 'Then the risk rules take no action', or 'HALT by <rule>', 'REDUCE by "
                        + "<rule>', 'FLATTEN <symbol> by <rule>' joined by 'and'",
                FILE + ":29: say at what price the position in BTCUSDT.BINANCE_SPOT was entered: '" + MarketStatements.POSITION_FORM
                        + "'",
                FILE + ":34: cannot read this When; write it as '" + RiskScenarios.WHEN_FORM + "'",
                FILE + ":35: say which position to flatten: 'FLATTEN BTCUSDT-PERP by max-hold'"), problems);
        assertEquals(List.of(), r.scenarios());
    }

    @Test
    void theStructureOfARiskScenarioIsChecked() {
        ScenarioParser.Result r = parse("""
                Scenario: no when
                  Given an account with equity 40000
                  Then the risk rules take no action
                Scenario: twice
                  Given an account with equity 40000
                  And an account with equity 1
                  And a LIVE BINANCE_FUTURES book for ETHUSDT-PERP
                  And a position of 1 BTCUSDT-PERP
                  When an order to BUY 1 ETHUSDT-PERP at 3000 is checked
                  When the account is checked
                  And a position of 1 ETHUSDT-PERP
                  Then the risk rules ALLOW it
                Scenario: when first
                  When the account is checked
                  Given an account with equity 40000
                  Then the risk rules take no action
                """);
        List<String> problems = r.problems().stream().map(p -> p.line() + ": " + p.message()).toList();
        assertEquals(List.of("1: scenario 'no when' has no When line ('" + RiskScenarios.WHEN_FORM + "')",
                "6: the account is already stated on line 5",
                "10: a scenario has one When (the first is on line 9)",
                "11: an And line belongs after the Given and before the When",
                "8: this check is about an order in ETHUSDT-PERP.BINANCE_FUTURES; a position in BTCUSDT-PERP.BINANCE_FUTURES "
                        + "plays no part in it",
                "14: the When belongs after the Given and before the Then",
                "13: scenario 'when first' has no When line ('" + RiskScenarios.WHEN_FORM + "')"), problems);
    }

    @Test
    void anUnreadableThenNamesTheForms() {
        List<RuleProblem> problems = parse("""
                Scenario: nap
                  Given an account with equity 40000
                  When the account is checked
                  Then the risk rules take a nap
                """).problems();
        assertEquals(List.of(new RuleProblem(FILE, 4, 0, "cannot read 'take a nap' in this Then; write it as '"
                + RiskScenarios.THEN_FORM + "'")), problems);
    }
}
