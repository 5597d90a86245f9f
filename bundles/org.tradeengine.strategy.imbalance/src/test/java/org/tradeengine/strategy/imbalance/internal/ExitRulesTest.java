// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.strategy.imbalance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.api.rules.RuleService;
import org.tradeengine.api.strategy.ExitDecision;

/** The exits with the repository's exit rule file, as it ships. */
class ExitRulesTest {

    private static final Path EXIT_DRL = Path.of("../../rules/exit/exits.drl");
    private static final InstrumentId BTC = InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES");
    private static final InstrumentId ETH = InstrumentId.parse("ETHUSDT-PERP.BINANCE_FUTURES");

    private final DrlRuleService rules = new DrlRuleService();
    private final ExitRules exits = new ExitRules(rules);
    private String shipped;

    @BeforeEach
    void deployShippedRules() throws IOException {
        shipped = Files.readString(EXIT_DRL);
        rules.deploy(RuleService.EXIT, shipped);
    }

    /** A position marked as the engine marks it: P&amp;L in percent of the entry notional, 4 decimals. */
    private static PositionMark position(InstrumentId id, String qty, String entry, String mark, long ageMillis, boolean live) {
        BigDecimal q = new BigDecimal(qty);
        BigDecimal e = new BigDecimal(entry);
        BigDecimal m = new BigDecimal(mark);
        BigDecimal pnl = m.subtract(e).multiply(q);
        BigDecimal percent = pnl.movePointRight(2).divide(q.abs().multiply(e), 4, RoundingMode.HALF_EVEN);
        return new PositionMark(id, q, e, m, q.abs().multiply(m), pnl, percent, ageMillis, live);
    }

    private static ExitDecision exit(InstrumentId id, String rule, String reason) {
        return new ExitDecision(id, rule, reason);
    }

    @Test
    void aLongUpByTheTargetIsClosedWithTheFigures() {
        assertEquals(List.of(exit(BTC, "profit-target", "+0.2017 % >= +0.20 % target")),
                exits.check(List.of(position(BTC, "0.1", "60000", "60121", 5000, true))));
    }

    @Test
    void aShortDownByTheStopIsClosed() {
        assertEquals(List.of(exit(BTC, "stop-loss", "-0.1500 % <= -0.15 % stop")),
                exits.check(List.of(position(BTC, "-0.1", "60000", "60090", 5000, true))));
    }

    @Test
    void aPositionOpenSixtySecondsIsClosedWhateverItsBook() {
        assertEquals(List.of(exit(BTC, "time-stop", "held 60,000 ms >= 60,000 ms")),
                exits.check(List.of(position(BTC, "0.1", "60000", "50000", 60_000, false))));
    }

    @Test
    void smallMovesAndStaleMarksAreKept() {
        assertEquals(List.of(), exits.check(List.of(position(BTC, "0.1", "60000", "60119.9", 59_999, true),
                position(ETH, "1", "3000", "2000", 0, false))));
    }

    @Test
    void eachPositionGetsOneDecisionFromTheFirstRuleByNameInInstrumentOrder() {
        List<ExitDecision> d = exits.check(List.of(position(ETH, "1", "3000", "3000", 90_000, true),
                position(BTC, "0.1", "60000", "60180", 90_000, true)));
        assertEquals(List.of(exit(BTC, "profit-target", "+0.3000 % >= +0.20 % target"),
                exit(ETH, "time-stop", "held 90,000 ms >= 60,000 ms")), d);
    }

    @Test
    void aNewGenerationTakesEffectOnTheNextCheck() {
        PositionMark up = position(BTC, "0.1", "60000", "60121", 5000, true);
        assertEquals(1, exits.check(List.of(up)).size());
        rules.deploy(RuleService.EXIT, shipped.replace("profitTargetPercent : BigDecimal = 0.20B",
                "profitTargetPercent : BigDecimal = 0.30B"));
        assertEquals(List.of(), exits.check(List.of(up)));
        assertEquals(1, exits.check(List.of(position(BTC, "0.1", "60000", "60180", 5000, true))).size());
    }

    @Test
    void noExitRulesInForceMeansNothingIsClosed() {
        rules.withdraw(RuleService.EXIT);
        PositionMark old = position(BTC, "0.1", "60000", "60000", 120_000, true);
        assertEquals(List.of(), exits.check(List.of(old)));
        assertEquals(List.of(), exits.check(List.of(old)));
        rules.deploy(RuleService.EXIT, shipped);
        assertEquals(1, exits.check(List.of(old)).size());
    }

    @Test
    void aRuleThatThrowsClosesNothingAndTheNextCheckIsEvaluatedAgain() {
        rules.deploy(RuleService.EXIT, """
                package t;
                import org.tradeengine.api.risk.PositionMark;
                global org.tradeengine.api.strategy.ExitSignals exits;
                rule "explodes" when $p : PositionMark() then
                  if ($p.getAgeMillis() == 1) { throw new IllegalStateException("boom"); }
                  exits.exit($p, drools.getRule().getName(), "closes");
                end
                """);
        assertEquals(List.of(), exits.check(List.of(position(BTC, "0.1", "60000", "60000", 1, true))));
        assertEquals(List.of(), exits.check(List.of(position(BTC, "0.1", "60000", "60000", 1, true))));
        assertEquals(List.of(exit(BTC, "explodes", "closes")), exits.check(List.of(position(BTC, "0.1", "60000", "60000", 2, true))));
    }

    @Test
    void missingPositionsAreNothingToCheck() {
        assertEquals(List.of(), exits.check(null));
        assertEquals(List.of(), exits.check(List.of()));
        assertEquals(List.of(exit(BTC, "time-stop", "held 61,000 ms >= 60,000 ms")),
                exits.check(Arrays.asList(null, position(BTC, "0.1", "60000", "60000", 61_000, true))));
        exits.deactivate();
        exits.deactivate();
        assertEquals(1, exits.check(List.of(position(BTC, "0.1", "60000", "60000", 61_000, true))).size());
    }
}
