// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.rules.RuleProblem;

/** The plain-language scenario format: what it reads and how it reports mistakes. */
class ScenarioParserTest {

    private static final String FILE = "scenarios/entry-test.scenarios";

    private static ScenarioParser.Result parse(String text) {
        return ScenarioParser.parse(SourceFile.of(FILE, text.getBytes(StandardCharsets.UTF_8)), "entry");
    }

    @Test
    void readsTheRepositoryScenarios() throws IOException {
        String file = "scenarios/entry-imbalance.scenarios";
        SourceFile source = SourceFile.of(file, Files.readAllBytes(RulesFixture.REPO_RULES.resolve(file)));
        ScenarioParser.Result result = ScenarioParser.parse(source, "entry");
        assertEquals(List.of(), result.problems());
        assertEquals(8, result.scenarios().size());
        Scenario first = result.scenarios().get(0);
        assertEquals("strong bid pressure on a futures book buys", first.title());
        assertEquals(7, first.thenLine());
        assertEquals(EntryScenarios.Signal.BUY, first.expected());
    }

    @Test
    void buildsTheBookOfAGivenWithTheInstrumentsDecimals() {
        ScenarioParser.Result result = parse("""
                # comment
                scenario: spot book
                  given an invalid binance-spot book with top-10 bid volume 0.00002 and ask volume 1.5
                  and best bid 61800.01 and best ask 61800.02
                  then the ENTRY rules signal Nothing
                """);
        assertEquals(List.of(), result.problems());
        BookFeatures f = (BookFeatures) result.scenarios().get(0).facts().get(0);
        assertEquals("BTCUSDT.BINANCE_SPOT", f.getInstrument().toString());
        assertEquals(BookState.INVALID, f.getState());
        assertEquals(10, f.getDepth());
        assertEquals("0.00002000", f.getBidVolume().toPlainString()); // spot sizes have 8 decimals
        assertEquals("61800.01", f.getBestBid().toPlainString());
        assertEquals("0.000013", f.getImbalance().toPlainString());
        assertEquals(EntryScenarios.Signal.NOTHING, result.scenarios().get(0).expected());
    }

    @Test
    void aZeroVolumeMakesThatSideEmpty() {
        BookFeatures f = (BookFeatures) parse("""
                Scenario: empty asks
                  Given a LIVE BINANCE_FUTURES book with top-5 bid volume 20 and ask volume 0
                  Then the entry rules signal nothing
                """).scenarios().get(0).facts().get(0);
        assertNull(f.getImbalance());
        assertNull(f.getBestAsk());
        assertEquals("60000.0", f.getBestBid().toPlainString());
    }

    @Test
    void reportsEveryMistakeWithItsLine() {
        ScenarioParser.Result result = parse("""
                Given a LIVE BINANCE_FUTURES book with top-5 bid volume 20 and ask volume 1
                Scenario: typo in the state
                  Given a LIFE BINANCE_FUTURES book with top-5 bid volume 20 and ask volume 1
                  Then the entry rules signal BUY
                Scenario: typo in the signal
                  Given a LIVE BINANCE_FUTURES book with top-5 bid volume 20 and ask volume 1
                  Then the entry rules signal BYU
                Scenario: too many decimals for BTCUSDT-PERP
                  Given a LIVE BINANCE_FUTURES book with top-5 bid volume 0.0001 and ask volume 1
                  Then the entry rules signal nothing
                Scenario: no then
                  Given a LIVE NOWHERE book with top-5 bid volume 20 and ask volume 1
                  When it rains
                """);
        List<Integer> lines = result.problems().stream().map(RuleProblem::line).toList();
        assertEquals(List.of(1, 3, 7, 9, 12, 13, 11), lines, result.problems().toString());
        assertTrue(result.problems().stream().allMatch(p -> p.file().equals(FILE)));
        assertEquals(FILE + ":3: unknown book state 'LIFE' (known: LIVE, SYNCING, INVALID)", result.problems().get(1).toString());
        assertTrue(result.problems().get(2).message().contains("BUY, SELL or nothing, not 'BYU'"), result.problems().get(2).message());
        assertTrue(result.problems().get(3).message().contains("at most 3 decimals"), result.problems().get(3).message());
        assertTrue(result.problems().get(4).message().contains("unknown venue 'NOWHERE'"), result.problems().get(4).message());
        assertTrue(result.problems().get(5).message().startsWith("cannot read 'When it rains'"), result.problems().get(5).message());
        assertTrue(result.problems().get(6).message().contains("has no Then line"), result.problems().get(6).message());
        assertEquals(List.of(), result.scenarios());
    }

    @Test
    void aThenMustNameTheRuleSetOfTheFile() {
        List<RuleProblem> problems = parse("""
                Scenario: wrong set
                  Given a LIVE BINANCE_FUTURES book with top-5 bid volume 20 and ask volume 1
                  Then the risk rules signal BUY
                """).problems();
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("checks the entry rules"), problems.toString());
    }

    @Test
    void anEmptyFileIsAMistake() {
        assertEquals(List.of(new RuleProblem(FILE, 0, 0, "no scenarios in this file; start one with 'Scenario: <what it shows>'")),
                parse("# nothing yet\n").problems());
    }

    @Test
    void aCrossedBookIsAMistake() {
        List<RuleProblem> problems = parse("""
                Scenario: crossed
                  Given a LIVE BINANCE_FUTURES book with top-5 bid volume 20 and ask volume 1
                  And best bid 61800.2 and best ask 61800.1
                  Then the entry rules signal BUY
                """).problems();
        assertEquals(List.of(new RuleProblem(FILE, 3, 0, "best bid 61800.2 must be below best ask 61800.1")), problems);
    }
}
