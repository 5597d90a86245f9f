// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.rules.internal.RulesFixture.live;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.rules.RuleSession;
import org.tradeengine.api.strategy.EntrySignals;

/** The Drools-free session the engine uses: one long-lived fact updated in place, as on the hot path. */
class DroolsRuleSessionTest {

    private static final RuleCompiler COMPILER = new RuleCompiler(DroolsRuleSessionTest.class.getClassLoader());
    private static CompiledRuleSet rules;

    @BeforeAll
    static void compile() throws IOException {
        List<SourceFile> files = SourceFile.readFolder(RulesFixture.REPO_RULES, "entry", ".drl");
        RuleCompiler.Result result = COMPILER.compile("entry", files);
        rules = new CompiledRuleSet("entry", 7, Instant.now(), files, result.compiled(), null);
    }

    @AfterAll
    static void release() {
        COMPILER.release(rules.compiled());
    }

    @Test
    void anUpdatedFactIsEvaluatedAgain() {
        RulesFixture.Signals signals = new RulesFixture.Signals();
        try (RuleSession session = rules.newSession()) {
            session.setGlobal(EntrySignals.GLOBAL, signals);
            RuleSession.FactRef ref = session.insert(live("1", "1"));
            assertEquals(0, session.fireAllRules());
            session.update(ref, live("20", "1"));
            assertEquals(1, session.fireAllRules());
            session.update(ref, live("1", "20"));
            assertEquals(1, session.fireAllRules());
            session.delete(ref);
            assertEquals(0, session.fireAllRules());
            assertEquals(7, session.generation());
        }
        assertEquals(List.of("BUY imbalance-buy", "SELL imbalance-sell"), signals.calls);
    }

    @Test
    void aGlobalTheRulesDoNotDeclareIsIgnored() {
        try (RuleSession session = rules.newSession()) {
            session.setGlobal("riskLimits", "anything");
            session.setGlobal(EntrySignals.GLOBAL, new RulesFixture.Signals());
            session.insert(live("20", "1"));
            assertEquals(1, session.fireAllRules());
        }
    }

    @Test
    void aFactReferenceOfAnotherSessionIsRefused() {
        try (RuleSession one = rules.newSession(); RuleSession two = rules.newSession()) {
            RuleSession.FactRef ref = one.insert(live("1", "1"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> two.update(ref, live("2", "1")));
            assertTrue(e.getMessage().contains("does not belong to this session"), e.getMessage());
        }
    }
}
