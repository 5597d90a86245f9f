// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.api.rules.RuleProblem;

/** The exit scenario language: positions marked as the engine marks them, closes, and mistakes with their lines. */
class ExitScenariosTest {

    private static final String FILE = "scenarios/exit-test.scenarios";

    private static ScenarioParser.Result parse(String text) {
        return ScenarioParser.parse(SourceFile.of(FILE, text.getBytes(StandardCharsets.UTF_8)), "exit");
    }

    @Test
    void aPositionIsMarkedWithItsPnlInPercentOfTheEntryNotional() {
        ScenarioParser.Result r = parse("""
                Scenario: profit
                  Given a long position of 0.1 BTCUSDT-PERP entered at 60000, marked at 60121, aged 5000 ms
                  Then the exit rules close it by profit-target
                Scenario: two positions
                  Given a short position of 0.5 ETHUSDT.BINANCE_SPOT entered at 3000, marked at 2999.99
                  And a position of 0.1 BTCUSDT-PERP entered at 60000
                  And a SYNCING BINANCE_FUTURES book for BTCUSDT-PERP
                  Then the exit rules close ETHUSDT.BINANCE_SPOT by profit-target and btcusdt-perp by time-stop
                Scenario: keep
                  Given a position of 0.1 BTCUSDT-PERP entered at 60000
                  Then the exit rules keep it
                """);
        assertEquals(List.of(), r.problems());
        PositionMark p = (PositionMark) r.scenarios().get(0).facts().get(0);
        assertEquals(List.of("BTCUSDT-PERP.BINANCE_FUTURES", "0.2017", "12.1", 5000L, true), List.of(p.getInstrument().toString(),
                p.getPnlPercent().toPlainString(), p.getUnrealizedPnl().toPlainString(), p.getAgeMillis(), p.isBookLive()));
        assertEquals("close BTCUSDT-PERP.BINANCE_FUTURES by profit-target", r.scenarios().get(0).expected().toString());
        PositionMark eth = (PositionMark) r.scenarios().get(1).facts().get(0);
        PositionMark btc = (PositionMark) r.scenarios().get(1).facts().get(1);
        assertEquals(List.of("-0.5", "0.0003", "0.005"), List.of(eth.getQuantity().toPlainString(), eth.getPnlPercent().toPlainString(),
                eth.getUnrealizedPnl().toPlainString()));
        assertEquals(List.of("0.0000", false, 0L), List.of(btc.getPnlPercent().toPlainString(), btc.isBookLive(), btc.getAgeMillis()));
        assertEquals("close ETHUSDT.BINANCE_SPOT by profit-target and BTCUSDT-PERP.BINANCE_FUTURES by time-stop",
                r.scenarios().get(1).expected().toString());
        assertEquals("nothing closed", r.scenarios().get(2).expected().toString());
    }

    @Test
    void reportsEveryMistakeWithItsLine() {
        ScenarioParser.Result r = parse("""
                Scenario: one
                  Given an account with equity 40000
                  When the account is checked
                  Then the exit rules close it quickly
                Scenario: two
                  Given a position of 1 BTCUSDT-PERP entered at 60000
                  And a position of 1 ETHUSDT-PERP entered at 3000, marked at 0
                  Then the exit rules close it by time-stop
                Scenario: three
                  Given a position of 1 BTCUSDT-PERP entered at 60000
                  And a position of 1 ETHUSDT-PERP entered at 3000
                  Then the exit rules close it by time-stop
                Scenario: four
                  Given a position of 1 BTCUSDT-PERP
                  Then the exit rules take a nap
                Scenario: five
                  Given a position of 1 BTCUSDT-PERP
                  Then the exit rules keep it
                """);
        List<String> problems = r.problems().stream().map(RuleProblem::toString).toList();
        assertEquals(List.of(
                FILE + ":2: cannot read 'an account with equity 40000'; an exit scenario states positions ('"
                        + MarketStatements.POSITION_FORM + "') and, optionally, their books ('" + MarketStatements.BOOK_FORM + "')",
                FILE + ":3: cannot read 'When the account is checked'; " + new ExitScenarios().usage(),
                FILE + ":4: cannot read 'it quickly' in this Then; write it as '" + ExitScenarios.THEN_FORM + "'",
                FILE + ":7: mark price 0 must be above zero",
                FILE + ":12: 'it' means the one position, but this scenario has 2: name it ('close BTCUSDT-PERP by <rule>')",
                FILE + ":15: cannot read this Then; write it as '" + ExitScenarios.THEN_FORM + "'",
                FILE + ":17: say at what price the position in BTCUSDT-PERP was entered: '" + MarketStatements.POSITION_FORM + "'"),
                problems);
        assertEquals(List.of(), r.scenarios());
    }
}
