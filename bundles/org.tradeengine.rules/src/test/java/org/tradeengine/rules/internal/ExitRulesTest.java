// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tradeengine.rules.internal.RiskFixture.PERP;
import static org.tradeengine.rules.internal.RiskFixture.exits;
import static org.tradeengine.rules.internal.RiskFixture.position;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.model.InstrumentId;

/** The repository's exit rules as they ship: exact thresholds and readable reasons. */
class ExitRulesTest {

    private static final RuleCompiler COMPILER = new RuleCompiler(ExitRulesTest.class.getClassLoader());
    private static final InstrumentId ETH = InstrumentId.parse("ETHUSDT-PERP.BINANCE_FUTURES");
    private static RuleCompiler.Compiled compiled;
    private static CompiledRuleSet rules;

    @BeforeAll
    static void compileTheRepositoryRules() throws IOException {
        List<SourceFile> files = SourceFile.readFolder(RulesFixture.REPO_RULES, "exit", ".drl");
        RuleCompiler.Result result = COMPILER.compile("exit", files);
        assertEquals(List.of(), result.problems());
        compiled = result.compiled();
        rules = new CompiledRuleSet("exit", 1, Instant.now(), files, compiled, null);
    }

    @AfterAll
    static void release() {
        COMPILER.release(compiled);
    }

    @Test
    void theRulesAreProfitTargetStopLossAndTimeStop() {
        assertEquals(List.of("exit-limits", "profit-target", "stop-loss", "time-stop"), rules.ruleNames());
        assertEquals(List.of(), ScenarioRunner.check(RulesFixture.REPO_RULES, "exit", rules, "repository rules"));
    }

    @Test
    void theProfitTargetIsExactlyPlusPointTwoPercent() {
        assertEquals("0.1998", position(PERP, "0.1", "60000", "60119.9", 0, true).getPnlPercent().toPlainString());
        assertEquals(List.of(), exits(rules, position(PERP, "0.1", "60000", "60119.9", 0, true)));
        assertEquals(List.of("BTCUSDT-PERP profit-target: +0.2000 % >= +0.20 % target"),
                exits(rules, position(PERP, "0.1", "60000", "60120", 0, true)));
        assertEquals(List.of("BTCUSDT-PERP profit-target: +0.2017 % >= +0.20 % target"),
                exits(rules, position(PERP, "0.1", "60000", "60121", 5000, true)));
    }

    @Test
    void theStopLossIsExactlyMinusPointOneFivePercentForLongsAndShorts() {
        assertEquals(List.of(), exits(rules, position(PERP, "0.1", "60000", "59910.1", 0, true)));
        assertEquals(List.of("BTCUSDT-PERP stop-loss: -0.1500 % <= -0.15 % stop"),
                exits(rules, position(PERP, "0.1", "60000", "59910", 0, true)));
        assertEquals(List.of("BTCUSDT-PERP stop-loss: -0.1500 % <= -0.15 % stop"),
                exits(rules, position(PERP, "-0.1", "60000", "60090", 0, true)));
    }

    @Test
    void theTimeStopClosesAtSixtySeconds() {
        assertEquals(List.of(), exits(rules, position(PERP, "0.1", "60000", "60000", 59_999, true)));
        assertEquals(List.of("BTCUSDT-PERP time-stop: held 60,000 ms >= 60,000 ms"),
                exits(rules, position(PERP, "0.1", "60000", "60000", 60_000, false)));
    }

    @Test
    void aStaleMarkNeverTakesProfitOrStopsALossAndEachPositionIsJudgedAlone() {
        assertEquals(List.of(), exits(rules, position(PERP, "0.1", "60000", "61000", 0, false),
                position(ETH, "1", "3000", "2000", 0, false)));
        assertEquals(List.of("ETHUSDT-PERP stop-loss: -33.3333 % <= -0.15 % stop"),
                exits(rules, position(PERP, "0.1", "60000", "60000", 0, true), position(ETH, "1", "3000", "2000", 0, true)));
    }
}
