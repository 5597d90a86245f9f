// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.tradeengine.api.book.BookSnapshot;
import org.tradeengine.api.engine.InstrumentStatus;
import org.tradeengine.api.engine.TradingEngine;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.api.rules.RuleService;
import org.tradeengine.api.rules.RuleSetStatus;
import org.tradeengine.api.strategy.Signal;

/** What the container tests know about the distribution's replay setup, and queries on the engine and rules. */
final class Replays {

    static final String PERP_FEED = "btcusdt-perp";
    static final String SPOT_FEED = "btcusdt-spot";
    static final InstrumentId PERP = new InstrumentId("BTCUSDT-PERP", Venue.BINANCE_FUTURES);
    static final InstrumentId SPOT = new InstrumentId("BTCUSDT", Venue.BINANCE_SPOT);
    static final String PERP_RECORDING = "recordings/hftbacktest-binance/usdm/btcusdt_20240808.gz";
    static final String STRATEGY_ID = "l2-imbalance";
    /** Raising the buy threshold by this much still leaves a fifth of the spot events above it. */
    static final BigDecimal THRESHOLD_STEP = new BigDecimal("2");

    private static final int ALL = Integer.MAX_VALUE;

    private Replays() {
    }

    /**
     * Holds or releases both replay feeds: each restarts with the new start delay (an hour holds them: no book, no
     * fill, no exit; 0 lets them run).
     *
     * @param configAdmin the configuration admin
     * @param startDelayMillis the delay
     */
    static void startDelay(org.osgi.service.cm.ConfigurationAdmin configAdmin, String startDelayMillis) throws Exception {
        org.osgi.service.cm.Configuration[] replays =
                configAdmin.listConfigurations("(service.factoryPid=org.tradeengine.feed.replay)");
        org.junit.Assert.assertTrue("replay configurations", replays != null && replays.length == 2);
        for (org.osgi.service.cm.Configuration c : replays) {
            java.util.Dictionary<String, Object> props = c.getProperties();
            props.put("startDelayMillis", startDelayMillis);
            c.update(props);
        }
    }

    static InstrumentStatus status(TradingEngine engine, InstrumentId id) {
        return engine.status().instruments().stream().filter(s -> s.instrument().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("the engine has no book for " + id + " yet"));
    }

    static List<String> levels(List<BookSnapshot.Level> levels) {
        return levels.stream().map(l -> ReferenceBook.level(l.price(), l.qty())).collect(Collectors.toList());
    }

    /** @return every signal the engine still holds, newest first */
    static List<Signal> allSignals(TradingEngine engine) {
        return engine.recentSignals(ALL);
    }

    static List<Signal> signalsOf(TradingEngine engine, InstrumentId id) {
        return allSignals(engine).stream().filter(s -> s.instrument().equals(id)).collect(Collectors.toList());
    }

    static List<Signal> signals(TradingEngine engine, long generation, Side side) {
        return allSignals(engine).stream().filter(s -> s.ruleGeneration() == generation && s.side() == side)
                .collect(Collectors.toList());
    }

    static List<Signal> signalsAfter(TradingEngine engine, long sequence) {
        List<Signal> out = new ArrayList<>();
        for (Signal s : engine.recentSignals(ALL)) {
            if (s.sequence() <= sequence) {
                break; // newest first
            }
            out.add(s);
        }
        return out;
    }

    static long lastSequence(TradingEngine engine) {
        List<Signal> last = engine.recentSignals(1);
        return last.isEmpty() ? 0 : last.get(0).sequence();
    }

    static long entryGeneration(RuleService rules) {
        return rules.status().stream().filter(s -> s.ruleSet().equals(RuleService.ENTRY)).mapToLong(RuleSetStatus::generation)
                .findFirst().orElse(0);
    }

    /**
     * Waits for the rule service to record its attempt on {@code content}, saved at {@code since}.
     *
     * @param rules the rule service
     * @param content the content saved to the entry rule file
     * @param since when it was saved
     * @return the attempt
     */
    static RuleDeployment awaitAttempt(RuleService rules, String content, Instant since) {
        String sha = EntryRuleFile.sha256(content);
        return Poll.until("the rule service to pick up " + EntryRuleFile.NAME + " (sha256 " + sha + ")", Duration.ofMinutes(1),
                () -> rules.deployments(50).stream().filter(d -> d.ruleSet().equals(RuleService.ENTRY)
                        && d.sha256().equalsIgnoreCase(sha) && !d.at().isBefore(since)).findFirst().orElse(null),
                d -> true);
    }
}
