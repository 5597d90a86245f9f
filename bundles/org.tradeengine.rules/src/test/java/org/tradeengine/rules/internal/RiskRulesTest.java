// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.rules.internal.RiskFixture.PERP;
import static org.tradeengine.rules.internal.RiskFixture.account;
import static org.tradeengine.rules.internal.RiskFixture.healthy;
import static org.tradeengine.rules.internal.RiskFixture.order;
import static org.tradeengine.rules.internal.RiskFixture.position;
import static org.tradeengine.rules.internal.RiskFixture.rules;
import static org.tradeengine.rules.internal.RiskFixture.verdicts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.risk.AccountMark;
import org.tradeengine.api.risk.OrderCheck;
import org.tradeengine.api.rules.RuleProblem;

/** The repository's risk rules as they ship: every limit at its boundary, exact, with readable reasons. */
class RiskRulesTest {

    private static final RuleCompiler COMPILER = new RuleCompiler(RiskRulesTest.class.getClassLoader());
    private static final List<RuleCompiler.Compiled> COMPILED = new ArrayList<>();
    private static final InstrumentId SPOT = RulesFixture.SPOT;
    private static String source;
    private static CompiledRuleSet rules;

    @BeforeAll
    static void compileTheRepositoryRules() throws IOException {
        List<SourceFile> files = SourceFile.readFolder(RulesFixture.REPO_RULES, "risk", ".drl");
        source = files.get(0).text();
        rules = compile(files);
    }

    @AfterAll
    static void release() {
        COMPILED.forEach(COMPILER::release);
    }

    private static CompiledRuleSet compile(List<SourceFile> files) {
        RuleCompiler.Result result = COMPILER.compile("risk", files);
        assertEquals(List.of(), result.problems());
        COMPILED.add(result.compiled());
        return new CompiledRuleSet("risk", 1, Instant.now(), files, result.compiled(), null);
    }

    private static List<String> check(OrderCheck o) {
        return verdicts(rules, o, o.getAccount());
    }

    @Test
    void everyLimitIsARuleWithTheNameUsedInDecisions() {
        assertEquals(List.of("book-not-live", "daily-loss", "max-drawdown", "max-exposure", "max-hold", "max-position-notional",
                "order-rate", "risk-limits", "spot-no-short", "stale-data", "trading-halted", "trading-reducing"), rules.ruleNames());
    }

    @Test
    void theRepositoryRulesPassTheRepositoryScenarios() {
        assertEquals(List.of(), ScenarioRunner.check(RulesFixture.REPO_RULES, "risk", rules, "repository rules"));
    }

    @Test
    void aPositionNotionalOfExactlyTheMaximumIsAllowedAndOneCentMoreIsDenied() {
        assertEquals(List.of(), check(order(PERP, Side.BUY, "0.1", "60000", "0.05", healthy())), "9,000");
        assertEquals(List.of(), check(order(PERP, Side.BUY, "0.2", "50000", "0", healthy())), "exactly 10,000");
        assertEquals(List.of("DENY max-position-notional: notional 10,000.02 > max 10,000.00 for BTCUSDT-PERP"),
                check(order(PERP, Side.BUY, "0.2", "50000.1", "0", "-0.1", healthy(), true, 0, 0)), "an open sell keeps the exposure low");
    }

    @Test
    void theExposureCountsOpenOrdersAgainstAQuarterOfTheCapital() {
        assertEquals(List.of(), check(order(PERP, Side.BUY, "0.1", "50000", "0", "0.1", healthy(), true, 0, 0)), "exactly 10,000");
        assertEquals(List.of("DENY max-exposure: exposure 10,005.00 > 25 % of capital 40,000.00 = 10,000.00 for BTCUSDT-PERP"),
                check(order(PERP, Side.BUY, "0.1", "50000", "0", "0.1001", healthy(), true, 0, 0)));
    }

    @Test
    void ordersThatReduceAPositionPassEveryOrderLimit() {
        AccountMark reducing = account("40000", "40000", "0", TradingState.REDUCING);
        OrderCheck closeHalf = order(PERP, Side.SELL, "0.5", "60000", "1", "2", reducing, false, 60_000, 1000);
        assertTrue(closeHalf.isReducing());
        assertEquals(List.of(), check(closeHalf));
        AccountMark halted = account("40000", "40000", "0", TradingState.HALTED);
        assertEquals(List.of(), check(order(PERP, Side.BUY, "1", "60000", "-1", halted)), "closing a short while HALTED");
    }

    @Test
    void noNewExposureOnABookThatIsNotLiveOrStale() {
        assertEquals(List.of("DENY book-not-live: the book of BTCUSDT-PERP.BINANCE_FUTURES is not LIVE: no new exposure"),
                check(order(PERP, Side.BUY, "0.01", "60000", "0", "0", healthy(), false, 0, 0)));
        assertEquals(List.of(), check(order(PERP, Side.BUY, "0.01", "60000", "0", "0", healthy(), true, 5000, 0)));
        assertEquals(List.of("DENY stale-data: last book event 5,001 ms ago > max 5,000 ms for BTCUSDT-PERP"),
                check(order(PERP, Side.BUY, "0.01", "60000", "0", "0", healthy(), true, 5001, 0)));
    }

    @Test
    void thirtyOrdersInTheLastMinuteStopNewExposure() {
        assertEquals(List.of(), check(order(PERP, Side.BUY, "0.01", "60000", "0", "0", healthy(), true, 0, 29)));
        assertEquals(List.of("DENY order-rate: 30 orders in the last minute, max 30 a minute"),
                check(order(PERP, Side.BUY, "0.01", "60000", "0", "0", healthy(), true, 0, 30)));
    }

    @Test
    void reducingAndHaltedStatesAllowOnlyReducingOrders() {
        assertEquals(List.of("trading-reducing"), rules(check(order(PERP, Side.BUY, "0.01", "60000", "0",
                account("40000", "40000", "0", TradingState.REDUCING)))));
        assertEquals(List.of("trading-halted"), rules(check(order(PERP, Side.SELL, "0.01", "60000", "0",
                account("40000", "40000", "0", TradingState.HALTED)))));
    }

    @Test
    void spotVenuesNeverOpenAShort() {
        assertEquals(List.of("DENY spot-no-short: BTCUSDT.BINANCE_SPOT is spot: a SELL of 0.03000000 would leave a short "
                + "position of -0.01000000"), check(order(SPOT, Side.SELL, "0.03", "60000", "0.02", healthy())));
        assertEquals(List.of(), check(order(SPOT, Side.SELL, "0.02", "60000", "0.02", healthy())));
        assertEquals(List.of(), check(order(PERP, Side.SELL, "0.03", "60000", "0.02", healthy())), "futures may go short");
    }

    @Test
    void theDailyLossLimitHaltsAtExactlyMinusFiveHundred() {
        assertEquals(List.of(), verdicts(rules, account("39500.01", "40000", "-499.99", TradingState.ACTIVE)));
        assertEquals(List.of("HALT daily-loss: daily P&L -500.00 <= limit -500.00"),
                verdicts(rules, account("39500", "40000", "-500", TradingState.ACTIVE)));
        assertEquals(List.of("HALT daily-loss: daily P&L -512.40 <= limit -500.00"),
                verdicts(rules, account("39487.6", "40000", "-512.4", TradingState.REDUCING)));
        assertEquals(List.of(), verdicts(rules, account("39000", "40000", "-1000", TradingState.HALTED)), "latched already");
    }

    @Test
    void theDrawdownLimitHaltsAtExactlyMinusOneThousandFromThePeak() {
        assertEquals(List.of(), verdicts(rules, account("40000.01", "41000", "0", TradingState.ACTIVE)));
        assertEquals(List.of("HALT max-drawdown: drawdown -1,000.00 from peak 41,000.00 <= limit -1,000.00"),
                verdicts(rules, account("40000", "41000", "0", TradingState.ACTIVE)));
    }

    @Test
    void theAccountLimitsHaltOrdersToo() {
        AccountMark loss = account("39000", "40000", "-1000", TradingState.ACTIVE);
        assertEquals(List.of("daily-loss", "max-drawdown"), rules(check(order(PERP, Side.BUY, "0.01", "60000", "0", loss))));
    }

    @Test
    void aPositionHeldLongerThanSixtySecondsIsFlattened() {
        assertEquals(List.of(), verdicts(rules, healthy(), position(PERP, "0.1", "60000", "60000", 60_000, true)));
        assertEquals(List.of("FLATTEN BTCUSDT-PERP.BINANCE_FUTURES max-hold: BTCUSDT-PERP held 60,001 ms > max 60,000 ms"),
                verdicts(rules, healthy(), position(PERP, "-0.1", "60000", "61000", 60_001, false)));
    }

    @Test
    void aChangedLimitThatBreaksAScenarioIsReportedAtTheScenariosThenLine() {
        String raised = RulesFixture.replaceOnce(source, "maxPositionNotional : BigDecimal = 10000B",
                "maxPositionNotional : BigDecimal = 50000B");
        CompiledRuleSet candidate = compile(List.of(SourceFile.of("risk/limits.drl", raised.getBytes(StandardCharsets.UTF_8))));
        List<RuleProblem> problems = ScenarioRunner.check(RulesFixture.REPO_RULES, "risk", candidate, "candidate risk/limits.drl");
        String file = "scenarios/risk-orders.scenarios";
        String text = RulesFixture.read(RulesFixture.REPO_RULES.resolve(file));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(new RuleProblem(file, RulesFixture.lineOf(text, "DENY it by max-position-notional"), 0,
                "expected DENY by max-position-notional, rules decided DENY: DENY by max-exposure (exposure 30,000.00 > 25 % of "
                        + "capital 40,000.00 = 10,000.00 for BTCUSDT-PERP) (rule set risk, candidate risk/limits.drl)"),
                problems.get(0));
    }
}
