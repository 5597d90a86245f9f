// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.risk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tradeengine.risk.internal.RiskFixture.buy;
import static org.tradeengine.risk.internal.RiskFixture.healthy;
import static org.tradeengine.risk.internal.RiskFixture.perp;
import static org.tradeengine.risk.internal.RiskFixture.position;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.risk.RiskAction;
import org.tradeengine.api.risk.RiskDecision.Verdict;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.rules.internal.RuleServiceImpl;

/** No risk rules, then rules, then new rules: the service follows the generation in force and fails closed without one. */
class RiskServiceLifecycleTest {

    private static final InstrumentId BTC = perp("BTCUSDT");
    private static final String LIMITS = "risk/limits.drl";

    @TempDir
    Path tmp;

    @Test
    void withoutRiskRulesEveryOrderIsDeniedUntilRulesDeployAndEachNewGenerationTakesOverOnTheNextCheck() throws IOException {
        Path dir = RiskFixture.copyRules(tmp);
        String limits = Files.readString(dir.resolve(LIMITS));
        Files.delete(dir.resolve(LIMITS));
        RuleServiceImpl rules = RiskFixture.startRules(dir);
        try {
            RiskServiceImpl risk = new RiskServiceImpl(rules);
            // 1. no rules: DENY, REDUCE (warned once, however often asked)
            for (int i = 0; i < 2; i++) {
                assertEquals(List.of(Verdict.DENY, RiskServiceImpl.NO_RULES), List.of(risk.checkOrder(buy(BTC, "0.01", healthy()))
                        .verdict(), risk.checkOrder(buy(BTC, "0.01", healthy())).rule()));
                List<RiskAction> actions = risk.checkAccount(healthy(), List.of(position(BTC, "0.1", 0)));
                assertEquals(List.of(RiskAction.Kind.REDUCE, RiskServiceImpl.NO_RULES), List.of(actions.get(0).kind(),
                        actions.get(0).rule()));
            }
            // 2. the rules deploy: the next check runs them
            Files.writeString(dir.resolve(LIMITS), limits);
            assertEquals(RuleDeployment.Outcome.DEPLOYED, rules.reload("risk", "test").outcome());
            assertEquals(Verdict.ALLOW, risk.checkOrder(buy(BTC, "0.01", healthy())).verdict());
            assertEquals(Verdict.DENY, risk.checkOrder(buy(BTC, "0.25", healthy())).verdict(), "15,000 > 10,000");
            // 3. higher limits deploy as a new generation: the same order passes on the next check
            Files.writeString(dir.resolve(LIMITS), limits.replace("maxPositionNotional : BigDecimal = 10000B",
                    "maxPositionNotional : BigDecimal = 20000B").replace("maxExposurePercent  : BigDecimal = 25B",
                    "maxExposurePercent  : BigDecimal = 50B"));
            RuleDeployment d = rules.reload("risk", "test");
            assertEquals(RuleDeployment.Outcome.DEPLOYED, d.outcome(), d.problems().toString());
            assertEquals(Verdict.ALLOW, risk.checkOrder(buy(BTC, "0.25", healthy())).verdict());
            // 4. rules withdrawn cannot happen by deleting files: the generation in force stays
            Files.delete(dir.resolve(LIMITS));
            assertEquals(RuleDeployment.Outcome.REJECTED, rules.reload("risk", "test").outcome());
            assertEquals(Verdict.ALLOW, risk.checkOrder(buy(BTC, "0.25", healthy())).verdict());
            risk.deactivate();
        } finally {
            rules.stop();
        }
    }
}
