// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
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
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.tradeengine.api.book.BookSnapshot;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.engine.InstrumentStatus;
import org.tradeengine.api.engine.TradingEngine;
import org.tradeengine.api.feed.FeedState;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.feed.MarketDataFeed;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.api.rules.RuleService;
import org.tradeengine.api.strategy.Signal;

/**
 * Boots the built distribution once and drives the paper/replay flows through the real bundles: a non-looping
 * futures replay at full speed checks the book and the signals; a looping spot replay keeps running while the
 * rules are edited, broken and restored and the strategy bundle is swapped. The spot replay runs at twice the
 * recorded pace, so one pass (651 s of recording) outlasts the whole test: any reconnect or re-snapshot seen by a
 * test is a real one.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PaperDistributionIT {

    private static final Duration LONG = Duration.ofMinutes(2);
    private static final List<String> FEATURES = List.of("trade-engine-api", "trade-engine-orderbook", "trade-engine-rules",
            "trade-engine-feed-replay", "trade-engine-strategy-imbalance", "trade-engine-engine", "trade-engine-shell",
            "trade-engine-paper", "trade-engine-feed-binance-futures", "trade-engine-feed-binance-us", "trade-engine-feed-kraken",
            "trade-engine-feed-recorder", "trade-engine-feeds-live", "trade-engine-broker-paper", "trade-engine-trading",
            "trade-engine-risk", "trade-engine-journal");
    private static final List<String> BUNDLES = List.of("org.tradeengine.api", "org.tradeengine.orderbook",
            "org.tradeengine.feed.replay", "org.tradeengine.rules", "org.tradeengine.strategy.imbalance",
            "org.tradeengine.engine", "org.tradeengine.shell", "org.tradeengine.feed.binance.futures",
            "org.tradeengine.feed.binance.us", "org.tradeengine.feed.kraken", "org.tradeengine.feed.recorder",
            "org.tradeengine.broker.paper", "org.tradeengine.trading", "org.tradeengine.risk",
            "org.tradeengine.journal");
    private static final String STRATEGY_BUNDLE = "org.tradeengine.strategy.imbalance";

    @Inject
    private BundleContext context;
    @Inject
    private FeaturesService features;
    @Inject
    private ServiceComponentRuntime scr;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private TradingEngine engine;
    @Inject
    private RuleService rules;

    @Configuration
    public Option[] configuration() {
        return PaperDistribution.boot(
                editConfigurationFilePut(PaperDistribution.PERP_CFG, "speed", "0"),
                editConfigurationFilePut(PaperDistribution.PERP_CFG, "loop", "false"),
                editConfigurationFilePut(PaperDistribution.SPOT_CFG, "speed", "2"),
                editConfigurationFilePut(PaperDistribution.SPOT_CFG, "loop", "true"),
                // keep every signal of the run so "every signal of generation N" really means every one
                editConfigurationFilePut(PaperDistribution.ENGINE_CFG, "signal.history", "500000"));
    }

    @Test
    public void a_everyFeatureIsInstalledAndEveryComponentActive() throws Exception {
        for (String name : FEATURES) {
            Feature f = features.getFeature(name);
            assertTrue(name + " is in the features repositories", f != null);
            assertTrue(name + " is installed", features.isInstalled(f));
        }
        Components components = new Components(context, scr, configAdmin);
        Set<String> seen = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() == null || !b.getSymbolicName().startsWith("org.tradeengine.")) {
                continue;
            }
            seen.add(b.getSymbolicName());
            if (b.getState() != Bundle.ACTIVE) {
                problems.add(b.getSymbolicName() + ": bundle state " + b.getState());
            }
            components.problems(b).forEach(p -> problems.add(b.getSymbolicName() + ": " + p));
        }
        assertEquals("trade engine bundles", new TreeSet<>(BUNDLES), seen);
        assertEquals("components not ACTIVE", List.of(), problems);
        // feeds are selected by their venue service property: it must be the Venue name, as the api says
        Set<String> venues = new TreeSet<>();
        for (ServiceReference<MarketDataFeed> ref : context.getServiceReferences(MarketDataFeed.class, null)) {
            venues.add(String.valueOf(ref.getProperty(MarketDataFeed.PROPERTY_VENUE)));
        }
        assertEquals("venue service properties", new TreeSet<>(List.of("BINANCE_FUTURES", "BINANCE_SPOT")), venues);
    }

    @Test
    public void b_replayBuildsTheExactBookAndProducesSignals() throws Exception {
        FeedStatus finished = Poll.until("the futures replay to finish", LONG, () -> feed(Replays.PERP_FEED),
                s -> s.state() == FeedState.FINISHED, s -> s.state() == FeedState.STOPPED);
        ReferenceBook expected = ReferenceBook.replayFutures(karafHome().resolve(Replays.PERP_RECORDING));
        InstrumentStatus st = Poll.until("the engine to apply update " + expected.lastUpdateId(), LONG,
                () -> Replays.status(engine, Replays.PERP), s -> s.lastUpdateId() == expected.lastUpdateId());

        BookSnapshot book = engine.book(Replays.PERP, 20).orElseThrow();
        assertEquals(BookState.LIVE, book.state());
        assertEquals(expected.lastUpdateId(), book.lastUpdateId());
        assertEquals("top-20 bids", expected.topBids(20), Replays.levels(book.bids()));
        assertEquals("top-20 asks", expected.topAsks(20), Replays.levels(book.asks()));
        assertEquals("feed gaps " + finished, 0, FeedSession.of(finished, st).instrument().gaps());
        assertEquals("engine gaps", 0, st.gaps());

        assertTrue("the engine produced signals: " + engine.status(), engine.status().signals() > 0);
        assertFalse("signals on " + Replays.PERP, Replays.signalsOf(engine, Replays.PERP).isEmpty());
        // the last event's evaluation may still be running: wait for the count and the signals to agree
        Poll.until("the signals kept to match the count of " + Replays.PERP, LONG,
                () -> Replays.status(engine, Replays.PERP).signals() == Replays.signalsOf(engine, Replays.PERP).size());
    }

    @Test
    public void c_editedBuyThresholdChangesTheSignalsOfTheRunningFeed() throws Exception {
        FeedSession before = spotSessionWithSignals();
        EntryRuleFile drl = EntryRuleFile.in(rules.rulesDirectory());
        BigDecimal raised = drl.buyThreshold().add(Replays.THRESHOLD_STEP);
        long inForce = Replays.entryGeneration(rules);
        try {
            String edited = drl.withBuyThreshold(raised);
            RuleDeployment d = Replays.awaitAttempt(rules, edited, drl.write(edited));
            assertEquals("deployment of the raised threshold: " + d, RuleDeployment.Outcome.DEPLOYED, d.outcome());
            assertTrue("a new generation: " + d, d.generation() > inForce);
            assertEquals(d.generation(), Replays.entryGeneration(rules));

            Poll.until("10 BUY signals of generation " + d.generation(), LONG,
                    () -> Replays.signals(engine, d.generation(), Side.BUY), l -> l.size() >= 10);
            for (Signal s : Replays.signals(engine, d.generation(), Side.BUY)) {
                assertTrue("imbalance above " + raised + ": " + s, s.imbalance().compareTo(raised) > 0);
            }
            assertTrue("earlier generations signalled below the new threshold (else this proves nothing)",
                    Replays.allSignals(engine).stream().anyMatch(s -> s.ruleGeneration() < d.generation()
                            && s.side() == Side.BUY && s.imbalance().compareTo(raised) <= 0));
            before.assertSameSessionAs(spotSession());
        } finally {
            Replays.awaitAttempt(rules, drl.original(), drl.restore());
        }
    }

    @Test
    public void d_brokenRuleFileIsRejectedAndTheOldRulesKeepSignalling() throws Exception {
        FeedSession before = spotSessionWithSignals();
        EntryRuleFile drl = EntryRuleFile.in(rules.rulesDirectory());
        long inForce = Replays.entryGeneration(rules);
        int line = drl.buyThresholdLine();
        try {
            String broken = drl.withBrokenBuyThreshold();
            RuleDeployment d = Replays.awaitAttempt(rules, broken, drl.write(broken));
            assertEquals("broken file: " + d, RuleDeployment.Outcome.REJECTED, d.outcome());
            assertTrue("a problem at " + EntryRuleFile.NAME + ":" + line + " in " + d.problems(), d.problems().stream()
                    .anyMatch(p -> p.file().endsWith(EntryRuleFile.NAME) && p.line() == line));
            assertEquals("generation in force", inForce, d.generation());
            assertEquals("generation in force", inForce, Replays.entryGeneration(rules));

            long after = Replays.lastSequence(engine);
            List<Signal> later = Poll.until("5 more signals after the rejection", LONG,
                    () -> Replays.signalsAfter(engine, after), l -> l.size() >= 5);
            for (Signal s : later) {
                assertEquals("generation of " + s, inForce, s.ruleGeneration());
            }
            before.assertSameSessionAs(spotSession());
        } finally {
            Replays.awaitAttempt(rules, drl.original(), drl.restore());
        }
    }

    @Test
    public void e_strategyBundleReinstallLeavesFeedAndBookRunning() throws Exception {
        FeedSession before = spotSessionWithSignals();
        Bundle strategy = Arrays.stream(context.getBundles()).filter(b -> STRATEGY_BUNDLE.equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        String location = strategy.getLocation();
        strategy.uninstall();
        Poll.until("the engine to drop the strategy", LONG,
                () -> !engine.status().strategies().contains(Replays.STRATEGY_ID));
        awaitSpotEvents(1); // an evaluation that began before the unbind has finished
        long quiet = Replays.lastSequence(engine);
        awaitSpotEvents(50); // about 15 signals' worth of events with the strategy in place
        assertEquals("signals without a strategy", List.of(), Replays.signalsAfter(engine, quiet));

        Bundle again = context.installBundle(location);
        again.start();
        Poll.until("the engine to bind the strategy again", LONG,
                () -> engine.status().strategies().contains(Replays.STRATEGY_ID));
        Poll.until("signals to resume", LONG, () -> Replays.signalsAfter(engine, quiet), l -> l.size() >= 5);

        FeedSession after = spotSession();
        before.assertSameSessionAs(after);
        BookSnapshot book = engine.book(Replays.SPOT, 20).orElseThrow();
        assertEquals(BookState.LIVE, book.state());
        assertEquals(20, book.bids().size());
        assertEquals(20, book.asks().size());
    }

    private FeedSession spotSessionWithSignals() {
        Poll.until("the spot replay to run", LONG, () -> feed(Replays.SPOT_FEED), s -> s.state() == FeedState.LIVE,
                s -> s.state() == FeedState.STOPPED || s.state() == FeedState.FINISHED);
        Poll.until("signals on " + Replays.SPOT, LONG, () -> Replays.signalsOf(engine, Replays.SPOT), l -> !l.isEmpty());
        return spotSession();
    }

    private void awaitSpotEvents(long n) {
        long from = Replays.status(engine, Replays.SPOT).events();
        Poll.until(n + " more events on " + Replays.SPOT, LONG,
                () -> Replays.status(engine, Replays.SPOT).events() >= from + n);
    }

    private FeedSession spotSession() {
        return FeedSession.of(feed(Replays.SPOT_FEED), Replays.status(engine, Replays.SPOT));
    }

    private FeedStatus feed(String feedId) {
        return engine.feeds().stream().filter(f -> f.feedId().equals(feedId)).findFirst()
                .orElseThrow(() -> new AssertionError("no feed " + feedId + " bound to the engine: "
                        + engine.feeds().stream().map(FeedStatus::feedId).collect(Collectors.toList())));
    }

    private static Path karafHome() {
        return Path.of(System.getProperty("karaf.home"));
    }
}
