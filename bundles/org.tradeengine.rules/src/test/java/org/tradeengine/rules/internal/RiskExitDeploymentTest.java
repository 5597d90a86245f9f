// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.rules.internal.RulesFixture.await;
import static org.tradeengine.rules.internal.RulesFixture.lineOf;
import static org.tradeengine.rules.internal.RulesFixture.read;
import static org.tradeengine.rules.internal.RulesFixture.replaceOnce;
import static org.tradeengine.rules.internal.RulesFixture.write;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.api.rules.RuleDeployment.Outcome;
import org.tradeengine.api.rules.RuleProblem;
import org.tradeengine.api.rules.RuleSet;

/** The risk and exit rule sets deploy, hot-reload and are recorded with the guarantees the entry set has. */
class RiskExitDeploymentTest {

    private static final String RISK = "risk/limits.drl";
    private static final String EXIT = "exit/exits.drl";

    @TempDir
    Path tmp;
    private Path rules;
    private RuleServiceImpl service;

    @BeforeEach
    void start() throws IOException {
        rules = RulesFixture.copyRules(tmp);
        service = new RuleServiceImpl(RulesFixture.settings(rules, tmp.resolve("deployments.jsonl"), Duration.ofMillis(250)),
                getClass().getClassLoader());
        service.start();
    }

    @AfterEach
    void stop() {
        service.stop();
    }

    private RuleSet current(String set) {
        return service.current(set).orElseThrow();
    }

    private List<String> orderOf(String qty) {
        return RiskFixture.rules(RiskFixture.verdicts(current("risk"), RiskFixture.order(RiskFixture.PERP, Side.BUY, qty, "60000",
                "0", "-" + qty, RiskFixture.healthy(), true, 0, 0), RiskFixture.healthy()));
    }

    @Test
    void aRaisedLimitDeploysANewRiskGenerationAndIsRecorded() {
        long before = current("risk").generation();
        assertEquals(List.of("max-position-notional"), orderOf("0.25"));
        write(rules.resolve(RISK), replaceOnce(read(rules.resolve(RISK)), "maxPositionNotional : BigDecimal = 10000B",
                "maxPositionNotional : BigDecimal = 20000B"));
        RuleDeployment d = service.reload("risk", "shell:test");
        assertEquals(List.of(Outcome.DEPLOYED, before + 1, "risk", "*"), List.of(d.outcome(), d.generation(), d.ruleSet(), d.file()));
        assertEquals(List.of(), orderOf("0.25"));
        assertEquals(d, service.deployments(1).get(0));
        assertEquals(d, service.status().get(1).lastAttempt());
    }

    @Test
    void aBrokenRiskFileIsRejectedWithFileAndLineAndTheOldRulesStay() {
        RuleSet before = current("risk");
        String text = read(rules.resolve(RISK));
        String broken = replaceOnce(text, "$o : OrderCheck( !reducing, !bookLive )", "$o : OrderCheck( !reducing, !bookLive");
        write(rules.resolve(RISK), broken);
        RuleDeployment d = service.reload("risk", "shell:test");
        assertEquals(Outcome.REJECTED, d.outcome());
        RuleProblem p = d.problems().get(0);
        assertEquals(RISK, p.file());
        assertEquals(lineOf(broken, "OrderCheck( !reducing, !bookLive") + 1, p.line(), p.toString());
        assertSame(before, current("risk"));
    }

    @Test
    void aLimitChangeThatBreaksAScenarioIsRejected() {
        write(rules.resolve(RISK), replaceOnce(read(rules.resolve(RISK)), "dailyLossLimit      : BigDecimal = -500B",
                "dailyLossLimit      : BigDecimal = -5000B"));
        RuleDeployment d = service.reload("risk", "shell:test");
        assertEquals(Outcome.REJECTED, d.outcome());
        assertTrue(d.problems().stream().allMatch(p -> p.message().startsWith("expected HALT")), d.problems().toString());
        assertEquals(List.of("scenarios/risk-account.scenarios", "scenarios/risk-orders.scenarios"),
                d.problems().stream().map(RuleProblem::file).distinct().sorted().toList());
    }

    @Test
    void editingTheExitFileHotReloadsTheExitRules() {
        long before = current("exit").generation();
        write(rules.resolve(EXIT), replaceOnce(read(rules.resolve(EXIT)), "profitTargetPercent : BigDecimal = 0.20B",
                "profitTargetPercent : BigDecimal = 0.25B"));
        await("exit generation " + (before + 1), () -> service.current("exit").orElseThrow().generation() == before + 1);
        await("its record", () -> service.deployments(5).stream().anyMatch(d -> d.ruleSet().equals("exit")
                && d.file().equals(EXIT) && d.outcome() == Outcome.DEPLOYED && d.trigger().equals("file-change")));
        assertEquals(List.of(), RiskFixture.exits(current("exit"), RiskFixture.position(RiskFixture.PERP, "0.1", "60000", "60121",
                0, true)), "+0.2017 % is below the new target");
    }

    @Test
    void aChangedRiskScenarioIsCheckedAgainstTheRiskRulesInForce() {
        long generation = current("risk").generation();
        write(rules.resolve("scenarios/risk-extra.scenarios"), """
                Scenario: a tiny order is denied (it is not)
                  Given an account with equity 40000
                  And a LIVE BINANCE_FUTURES book for BTCUSDT-PERP
                  When an order to BUY 0.001 BTCUSDT-PERP at 60000 is checked
                  Then the risk rules DENY it by max-position-notional
                """);
        await("the scenario check", () -> service.deployments(5).stream().anyMatch(d -> d.outcome() == Outcome.REJECTED));
        RuleDeployment d = service.deployments(1).get(0);
        assertEquals("scenarios/risk-extra.scenarios:5: expected DENY by max-position-notional, rules decided ALLOW (rule set risk, "
                + "generation " + generation + " in force)", d.firstError());
        assertEquals(generation, current("risk").generation());
    }
}
