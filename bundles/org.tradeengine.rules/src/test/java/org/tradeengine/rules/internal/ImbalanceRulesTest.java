// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tradeengine.rules.internal.RulesFixture.fire;
import static org.tradeengine.rules.internal.RulesFixture.live;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.rules.RuleSession;

/** The repository's entry rules, compiled as they are, and the exactness of their decimal thresholds. */
class ImbalanceRulesTest {

    private static final String HEADER = "package org.tradeengine.rules.entry;\n"
            + "import org.tradeengine.api.book.BookFeatures;\n"
            + "global org.tradeengine.api.strategy.EntrySignals signals;\n";
    private static final RuleCompiler COMPILER = new RuleCompiler(ImbalanceRulesTest.class.getClassLoader());
    private static final List<RuleCompiler.Compiled> COMPILED = new ArrayList<>();
    private static CompiledRuleSet rules;

    @BeforeAll
    static void compileTheRepositoryRules() throws IOException {
        rules = compile(SourceFile.readFolder(RulesFixture.REPO_RULES, "entry", ".drl"));
    }

    @AfterAll
    static void release() {
        COMPILED.forEach(COMPILER::release);
    }

    private static CompiledRuleSet compile(List<SourceFile> files) {
        RuleCompiler.Result result = COMPILER.compile("entry", files);
        assertEquals(List.of(), result.problems());
        COMPILED.add(result.compiled());
        return new CompiledRuleSet("entry", 1, Instant.now(), files, result.compiled(), null);
    }

    private static CompiledRuleSet buyAbove(String literal) {
        String drl = HEADER + "rule \"buy\"\nwhen\n  $f : BookFeatures( live, imbalance != null, imbalance > " + literal
                + " )\nthen\n  signals.buy($f, \"buy\");\nend\n";
        return compile(List.of(SourceFile.of("entry/t.drl", drl.getBytes())));
    }

    @Test
    void theRepositoryRulesHaveABuyAndASellRule() {
        assertEquals(List.of("imbalance-buy", "imbalance-sell"), rules.ruleNames());
    }

    @Test
    void theRepositoryRulesPassTheRepositoryScenarios() {
        assertEquals(List.of(), ScenarioRunner.check(RulesFixture.REPO_RULES, "entry", rules, "repository rules"));
    }

    @Test
    void anImbalanceOfExactlyThreeDoesNotBuyAndOneMillionthMoreDoes() {
        assertEquals(List.of(), fire(rules, live("3", "1")));
        assertEquals(List.of(), fire(rules, live("3000", "1000")));
        assertEquals(List.of("BUY imbalance-buy"), fire(rules, live("3000.001", "1000")));
        assertEquals("3.000001", live("3000.001", "1000").getImbalance().toPlainString());
    }

    @Test
    void anImbalanceOfExactlyPointThreeThreeDoesNotSellAndOneMillionthLessDoes() {
        assertEquals(List.of(), fire(rules, live("33", "100")));
        assertEquals(List.of("SELL imbalance-sell"), fire(rules, live("32.999", "100")));
        assertEquals("0.329990", live("32.999", "100").getImbalance().toPlainString());
        assertEquals(List.of("SELL imbalance-sell"), fire(rules, live("329.999", "1000")));
    }

    @Test
    void thresholdsStayExactAfterDroolsCompilesTheConstraintsToBytecode() {
        // Drools interprets a constraint at first and compiles it to bytecode after ~20 evaluations
        try (RuleSession session = rules.newSession()) {
            for (int i = 0; i < 200; i++) {
                assertEquals(List.of(), fire(session, live("3", "1")), "evaluation " + i);
                assertEquals(List.of("BUY imbalance-buy"), fire(session, live("3000.001", "1000")), "evaluation " + i);
                assertEquals(List.of(), fire(session, live("33", "100")), "evaluation " + i);
            }
        }
    }

    @Test
    void aPlainDecimalLiteralIsComparedAsFloatingPointAndABigDecimalLiteralExactly() {
        // 3.000000 > 2.9999999999999999 is true for exact decimals; as doubles both are 3.0
        BookFeatures three = live("3", "1");
        assertEquals(List.of(), fire(buyAbove("2.9999999999999999"), three), "plain literal: floating point");
        assertEquals(List.of("BUY buy"), fire(buyAbove("2.9999999999999999B"), three), "B literal: exact");
    }

    @Test
    void sellsOnlyWhereShortSellingIsAllowed() {
        assertEquals(List.of("SELL imbalance-sell"), fire(rules, live("1", "20")));
        assertEquals(List.of(), fire(rules, RulesFixture.book(RulesFixture.SPOT, BookState.LIVE, "1", "20")));
        assertEquals(List.of("BUY imbalance-buy"), fire(rules, RulesFixture.book(RulesFixture.SPOT, BookState.LIVE, "20", "1")));
    }

    @Test
    void onlyLiveBooksSignal() {
        for (BookState state : List.of(BookState.SYNCING, BookState.INVALID)) {
            assertEquals(List.of(), fire(rules, RulesFixture.book(RulesFixture.FUTURES, state, "20", "1")), state.name());
            assertEquals(List.of(), fire(rules, RulesFixture.book(RulesFixture.FUTURES, state, "1", "20")), state.name());
        }
    }

    @Test
    void anEmptyAskSideHasNoImbalanceAndSignalsNothing() {
        assertEquals(null, live("20", "0").getImbalance());
        assertEquals(List.of(), fire(rules, live("20", "0")));
    }
}
