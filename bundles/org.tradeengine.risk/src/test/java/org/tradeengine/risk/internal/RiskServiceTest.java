// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.risk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.risk.internal.RiskFixture.account;
import static org.tradeengine.risk.internal.RiskFixture.buy;
import static org.tradeengine.risk.internal.RiskFixture.healthy;
import static org.tradeengine.risk.internal.RiskFixture.order;
import static org.tradeengine.risk.internal.RiskFixture.perp;
import static org.tradeengine.risk.internal.RiskFixture.position;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.risk.AccountMark;
import org.tradeengine.api.risk.RiskAction;
import org.tradeengine.api.risk.RiskAction.Kind;
import org.tradeengine.api.risk.RiskDecision;
import org.tradeengine.api.risk.RiskDecision.Verdict;
import org.tradeengine.rules.internal.RuleServiceImpl;

/**
 * The risk service over the real rule service with the repository's risk rules (plus test rules that misbehave on
 * instruments the repository's scenarios never use).
 */
class RiskServiceTest {

    private static final InstrumentId BTC = perp("BTCUSDT");
    private static final InstrumentId ETH = perp("ETHUSDT");

    @TempDir
    static Path tmp;
    private static RuleServiceImpl rules;
    private RiskServiceImpl risk;

    @BeforeAll
    static void startRules() throws IOException {
        Path dir = RiskFixture.copyRules(tmp);
        try (InputStream hooks = RiskServiceTest.class.getResourceAsStream("/risk/zz-test-hooks.drl")) {
            Files.copy(hooks, dir.resolve("risk/zz-test-hooks.drl"));
        }
        rules = RiskFixture.startRules(dir);
        assertTrue(rules.current("risk").orElseThrow().ruleNames().contains("test-throws-on-order"), rules.status().toString());
    }

    @AfterAll
    static void stopRules() {
        rules.stop();
    }

    @BeforeEach
    void newService() {
        risk = new RiskServiceImpl(rules);
    }

    private static RiskDecision decision(Verdict v, String rule, String reason) {
        return new RiskDecision(v, rule, reason);
    }

    @Test
    void aSmallOrderOnAHealthyAccountIsAllowed() {
        assertEquals(decision(Verdict.ALLOW, Verdicts.DEFAULT_ALLOW, "no risk rule objected"), risk.checkOrder(buy(BTC, "0.01", healthy())));
        assertEquals(0, risk.errors());
    }

    @Test
    void anOrderAboveTheMaximumPositionIsDeniedWithTheFigures() {
        // an open sell of 0.2 keeps the exposure at zero: only the position limit objects
        RiskDecision d = risk.checkOrder(order(BTC, Side.BUY, "0.2", "60000", "-0.2", healthy(), true, 0));
        assertEquals(decision(Verdict.DENY, "max-position-notional", "notional 12,000.00 > max 10,000.00 for BTCUSDT-PERP"), d);
    }

    @Test
    void amongDenialsTheFirstRuleByNameDecides() {
        RiskDecision d = risk.checkOrder(order(BTC, Side.BUY, "0.5", "60000", "0", healthy(), false, 9000));
        assertEquals(decision(Verdict.DENY, "book-not-live", "the book of BTCUSDT-PERP.BINANCE_FUTURES is not LIVE: no new exposure"), d);
    }

    @Test
    void haltBeatsDenyAndTheFirstHaltByNameDecides() {
        AccountMark loss = account("39000", "40000", "-1000", TradingState.ACTIVE);
        RiskDecision d = risk.checkOrder(order(BTC, Side.BUY, "0.5", "60000", "0", loss, false, 0));
        assertEquals(decision(Verdict.HALT, "daily-loss", "daily P&L -1,000.00 <= limit -500.00"), d);
    }

    @Test
    void reduceAndFlattenAskedInAnOrderCheckDenyTheOrder() {
        assertEquals(decision(Verdict.DENY, "test-flatten", "flatten asked in an order check"),
                risk.checkOrder(buy(perp("XRPUSDT"), "0.01", healthy())));
    }

    @Test
    void anAccountCheckListsItsActionsHaltFirstThenReduceThenFlattenWithoutDuplicates() {
        AccountMark loss = account("39000", "40000", "-1000", TradingState.ACTIVE);
        List<RiskAction> actions = risk.checkAccount(loss, List.of(position(ETH, "1", 120_000), position(BTC, "0.1", 61_000),
                position(perp("XRPUSDT"), "10", 0), position(BTC, "0.1", 61_000)));
        assertEquals(List.of(new RiskAction(Kind.HALT, null, "daily-loss", "daily P&L -1,000.00 <= limit -500.00"),
                new RiskAction(Kind.HALT, null, "max-drawdown", "drawdown -1,000.00 from peak 40,000.00 <= limit -1,000.00"),
                new RiskAction(Kind.REDUCE, null, "test-deny", "deny asked in an account check"),
                new RiskAction(Kind.FLATTEN, BTC, "max-hold", "BTCUSDT-PERP held 61,000 ms > max 60,000 ms"),
                new RiskAction(Kind.FLATTEN, ETH, "max-hold", "ETHUSDT-PERP held 120,000 ms > max 60,000 ms")), actions);
    }

    @Test
    void aHealthyAccountNeedsNothing() {
        assertEquals(List.of(), risk.checkAccount(healthy(), List.of(position(BTC, "0.1", 5000))));
        assertEquals(List.of(), risk.checkAccount(healthy(), List.of()));
    }

    @Test
    void aRuleThatThrowsDeniesTheOrderNamingTheRuleAndTheNextCheckWorks() {
        RiskDecision d = risk.checkOrder(buy(perp("SOLUSDT"), "1", healthy()));
        assertEquals(decision(Verdict.DENY, "test-throws-on-order",
                "rule test-throws-on-order failed: IllegalStateException: boom on SOLUSDT-PERP"), d);
        assertEquals(1, risk.errors());
        assertEquals(Verdict.ALLOW, risk.checkOrder(buy(BTC, "0.01", healthy())).verdict(), "a fresh session after the failure");
    }

    @Test
    void anExceptionWithoutAMessageIsNamedByItsType() {
        assertEquals(decision(Verdict.DENY, "test-throws-without-a-message",
                "rule test-throws-without-a-message failed: UnsupportedOperationException"),
                risk.checkOrder(buy(perp("ADAUSDT"), "0.01", healthy())));
    }

    @Test
    void aRuleThatThrowsOnTheAccountAsksToReduceNamingTheRuleEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertEquals(List.of(new RiskAction(Kind.REDUCE, null, "test-throws-on-position",
                    "rule test-throws-on-position failed: IllegalStateException: boom on a position")),
                    risk.checkAccount(healthy(), List.of(position(perp("SOLUSDT"), "1", 0))));
        }
        assertEquals(2, risk.errors());
    }

    @Test
    void aCallWithoutARuleNameFailsClosedAsARuleError() {
        RiskDecision d = risk.checkOrder(buy(perp("DOGEUSDT"), "1", healthy()));
        assertEquals(List.of(Verdict.DENY, RiskServiceImpl.RULE_ERROR), List.of(d.verdict(), d.rule()));
        assertTrue(d.reason().startsWith("the risk rules failed: NullPointerException"), d.reason());
        List<RiskAction> actions = risk.checkAccount(healthy(), List.of(position(perp("DOGEUSDT"), "1", 0)));
        assertEquals(1, actions.size());
        assertEquals(List.of(Kind.REDUCE, RiskServiceImpl.RULE_ERROR), List.of(actions.get(0).kind(), actions.get(0).rule()));
    }

    @Test
    void missingInputFailsClosed() {
        RiskDecision d = risk.checkOrder(null);
        assertEquals(decision(Verdict.DENY, RiskServiceImpl.INPUT_ERROR, "no order to check (null)"), d);
        List<List<RiskAction>> results = List.of(risk.checkAccount(null, List.of()), risk.checkAccount(healthy(), null),
                risk.checkAccount(healthy(), Arrays.asList(position(BTC, "0.1", 0), null)));
        for (List<RiskAction> r : results) {
            assertEquals(1, r.size());
            assertEquals(List.of(Kind.REDUCE, RiskServiceImpl.INPUT_ERROR), List.of(r.get(0).kind(), r.get(0).rule()));
            assertTrue(r.get(0).reason().startsWith("an account check needs the account and its positions"), r.get(0).reason());
        }
        assertEquals(4, risk.errors());
    }

    @Test
    void aDeactivatedServiceReleasesItsSessionAndStartsAFreshOneIfCalledAgain() {
        risk.deactivate(); // nothing open yet
        assertEquals(Verdict.ALLOW, risk.checkOrder(buy(BTC, "0.01", healthy())).verdict());
        risk.deactivate();
        assertEquals(Verdict.DENY, risk.checkOrder(buy(BTC, "1", healthy())).verdict());
    }

    @Test
    void theRuleNameIsFoundInTheMessagesOfTheCauses() {
        RuntimeException drools = new RuntimeException("Error evaluating constraint 'x > 1' in [Rule \"max-hold\" in risk/limits.drl]");
        assertEquals("max-hold", RiskServiceImpl.ruleOf(new IllegalStateException(drools)));
        assertEquals(RiskServiceImpl.RULE_ERROR, RiskServiceImpl.ruleOf(new IllegalStateException((String) null)));
    }
}
