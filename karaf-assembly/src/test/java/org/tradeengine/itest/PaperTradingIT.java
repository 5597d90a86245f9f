// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.rules.RuleService;
import org.tradeengine.api.trading.FillView;
import org.tradeengine.api.trading.RiskEvent;
import org.tradeengine.api.trading.TradingDesk;
import org.tradeengine.api.trading.TradingStatus;

/**
 * A full paper session in the built distribution on the bundled recordings (replayed ten times faster than recorded,
 * looping): signals become risk-checked orders, the paper broker fills them against the book, positions are closed by
 * each of the three exit rules; a risk officer's edits of rules/risk apply to the next order; a daily loss limit of
 * $0.01 fires the kill switch, which flattens and latches, and the latch survives a restart of the desk.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PaperTradingIT {

    private static final Duration LONG = Duration.ofMinutes(4);
    private static final String EXITS = "exit/exits.drl";
    private static final String LIMITS = "risk/limits.drl";

    @Inject
    private BundleContext context;
    @Inject
    private RuleService rules;

    @Configuration
    public Option[] configuration() {
        return PaperDistribution.boot(
                editConfigurationFilePut(PaperDistribution.PERP_CFG, "speed", "10"),
                editConfigurationFilePut(PaperDistribution.SPOT_CFG, "speed", "10"));
    }

    private TradingDesk desk() {
        ServiceReference<TradingDesk> ref = context.getServiceReference(TradingDesk.class);
        return ref == null ? null : context.getService(ref);
    }

    private Set<String> purposes() {
        return desk().fills(10_000).stream().map(FillView::purpose).collect(Collectors.toSet());
    }

    @Test
    public void a_signalsBecomeOrdersAndFillsAndTheTimeStopClosesPositions() throws Exception {
        Poll.until("an entry and a time-stop exit", LONG, this::purposes,
                p -> p.contains("time-stop") && (p.contains("imbalance-buy") || p.contains("imbalance-sell")));
        List<FillView> fills = desk().fills(10_000);
        FillView exit = fills.stream().filter(f -> f.purpose().equals("time-stop")).findFirst().orElseThrow();
        assertTrue("the exit carries the correlation id of its entry: " + fills, fills.stream()
                .anyMatch(f -> f.purpose().startsWith("imbalance-") && f.correlationId().equals(exit.correlationId())));
        assertTrue("fees are charged", fills.stream().allMatch(f -> f.fee().signum() > 0));
        TradingStatus s = desk().status();
        assertEquals(TradingState.ACTIVE, s.state());
        assertTrue("round trips counted: " + s.account(), s.account().trades() > 0);
    }

    @Test
    public void b_theProfitTargetAndTheStopLossCloseTheirPositions() throws Exception {
        // within the band the exit scenarios allow (0.10 % < target <= 0.30 %, -0.30 % <= stop < -0.10 %), tighter
        // than the default, so the recorded 6 minutes of BTCUSDT reach them often
        RuleFile exits = RuleFile.in(rules.rulesDirectory(), EXITS);
        try {
            deploy(RuleService.EXIT, exits, exits.withNumber("profitTargetPercent", "0.11")
                    .apply(exits.withNumber("stopLossPercent", "-0.11").apply(exits.original())));
            Poll.until("a profit-target exit and a stop-loss exit", LONG, this::purposes,
                    p -> p.contains("profit-target") && p.contains("stop-loss"));
        } finally {
            deploy(RuleService.EXIT, exits, exits.original());
        }
    }

    @Test
    public void c_aLowerPositionLimitAppliesToTheNextOrder() throws Exception {
        RuleFile limits = RuleFile.in(rules.rulesDirectory(), LIMITS);
        try {
            deploy(RuleService.RISK, limits, limits.withNumber("maxPositionNotional", "1000").apply(limits.original()));
            RiskEvent deny = Poll.until("an entry denied by the new limit", LONG, () -> desk().riskEvents(1_000).stream()
                    .filter(e -> e.rule().equals("max-position-notional")).findFirst().orElse(null), e -> true);
            assertEquals("DENY", deny.outcome());
            assertTrue(deny.reason(), deny.reason().contains("> max 1,000.00 for BTCUSDT"));
        } finally {
            deploy(RuleService.RISK, limits, limits.original());
        }
    }

    @Test
    public void d_aDailyLossLimitOfOneCentFiresTheKillSwitchWhichFlattensAndLatches() throws Exception {
        RuleFile limits = RuleFile.in(rules.rulesDirectory(), LIMITS);
        assertTrue("the session has paid fees, so its daily P&L is below -0.01: " + desk().status().account(),
                desk().status().account().dailyPnl().signum() < 0);
        try {
            deploy(RuleService.RISK, limits, limits.withNumber("dailyLossLimit", "-0.01").apply(limits.original()));
            TradingStatus halted = Poll.until("the kill switch to latch and confirm flat", LONG, () -> desk().status(),
                    s -> s.state() == TradingState.HALTED && s.openPositions() == 0 && s.openOrders() == 0
                            && !s.flattening());
            assertEquals("daily-loss", halted.by());
            assertTrue(halted.reason(), halted.reason().contains("<= limit -0.01"));
            assertTrue("alerted: " + desk().alerts(10), desk().alerts(100).stream()
                    .anyMatch(a -> a.severity().equals("CRITICAL")));
            assertEquals(List.of(), desk().positions());
        } finally {
            deploy(RuleService.RISK, limits, limits.original());
        }
        // latched: the limit is back to -500 but the desk stays HALTED, and no entry goes out
        long fills = desk().fills(10_000).size();
        Thread.sleep(3_000);
        assertEquals(TradingState.HALTED, desk().status().state());
        assertEquals("no order after the latch", fills, desk().fills(10_000).size());
    }

    @Test
    public void e_theLatchSurvivesARestartOfTheDeskAndOnlyAResetWithAReasonLeavesIt() throws Exception {
        Bundle trading = Components.bundle(context, "org.tradeengine.trading");
        trading.stop();
        trading.start();
        TradingStatus after = Poll.until("the desk back after its restart", LONG, () -> desk() == null ? null
                : desk().status(), s -> true);
        assertEquals("HALTED survives the restart: " + after, TradingState.HALTED, after.state());
        assertEquals("daily-loss", after.by());
        TradingStatus reset = desk().reset("IT: limits restored, session reviewed", "itest");
        assertEquals(TradingState.ACTIVE, reset.state());
        assertEquals("itest", reset.by());
        assertFalse(reset.flattening());
    }

    private void deploy(String set, RuleFile file, String content) throws IOException {
        long before = rules.current(set).map(r -> r.generation()).orElse(0L);
        file.save(content);
        Poll.until(set + " rules generation after " + before, Duration.ofSeconds(60),
                () -> rules.current(set).map(r -> r.generation()).orElse(0L), g -> g > before);
    }

    /** A rule file of the running distribution, edited in place like a risk officer would. */
    static final class RuleFile {
        private final Path file;
        private final String original;

        private RuleFile(Path file, String original) {
            this.file = file;
            this.original = original;
        }

        static RuleFile in(Path rulesDir, String name) throws IOException {
            Path f = rulesDir.resolve(name);
            return new RuleFile(f, Files.readString(f, StandardCharsets.UTF_8));
        }

        String original() {
            return original;
        }

        /** Replaces the number of {@code name : BigDecimal = <n>B} (or a long without B) in the Limits block. */
        Function<String, String> withNumber(String name, String value) {
            return text -> {
                Matcher m = Pattern.compile("(" + name + "\\s*:\\s*\\w+\\s*=\\s*)(-?[0-9.]+)(B?)").matcher(text);
                assertTrue(name + " in " + file, m.find());
                return text.substring(0, m.start(2)) + value + text.substring(m.end(2));
            };
        }

        void save(String content) throws IOException {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static Map<String, Long> count(List<FillView> fills) {
        return fills.stream().collect(Collectors.groupingBy(FillView::purpose, Collectors.counting()));
    }
}
