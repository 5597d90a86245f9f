// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.strategy.imbalance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.strategy.Signal;

class ImbalanceStrategyTest {

    /** The repository's own entry rule file: the strategy is tested with the thresholds that ship. */
    private static final Path ENTRY_DRL = Path.of("../../rules/entry/imbalance.drl");
    private static final InstrumentId PERP = InstrumentId.ofVenueSymbol(Venue.BINANCE_FUTURES, "BTCUSDT");
    private static final InstrumentId SPOT = InstrumentId.ofVenueSymbol(Venue.BINANCE_SPOT, "BTCUSDT");

    private final DrlRuleService rules = new DrlRuleService();
    private final ImbalanceStrategy strategy = new ImbalanceStrategy(rules);
    private final List<Signal> signals = new ArrayList<>();

    @BeforeEach
    void deployShippedRules() throws IOException {
        rules.deploy(Files.readString(ENTRY_DRL));
    }

    /** Top-5 volumes in whole units (qty scale 3); best bid 100.0, best ask 100.1. */
    private static BookFeatures features(InstrumentId id, BookState state, long bidUnits, long askUnits, long updateId) {
        return new BookFeatures(id, state, 5, 1, 3, bidUnits * 1000, askUnits * 1000, 1000, 1001, updateId, 1_700_000_000_000L,
                0);
    }

    private void feed(BookFeatures f) {
        strategy.onFeatures(f, signals::add);
    }

    @Test
    void strongBidPressureOnFuturesBuysWithTheRuleNameAndGeneration() {
        feed(features(PERP, BookState.LIVE, 40, 10, 7));
        assertEquals(1, signals.size());
        Signal s = signals.get(0);
        assertEquals(Side.BUY, s.side());
        assertEquals(PERP, s.instrument());
        assertEquals("imbalance-buy", s.rule());
        assertEquals(1, s.ruleGeneration());
        assertEquals(0, new BigDecimal("4").compareTo(s.imbalance()));
        assertEquals(new BigDecimal("100.0"), s.bestBid());
        assertEquals(7, s.bookUpdateId());
    }

    @Test
    void thresholdsAreExclusiveAndExact() {
        feed(features(PERP, BookState.LIVE, 30, 10, 1)); // exactly 3.0: no buy
        feed(features(PERP, BookState.LIVE, 33, 100, 2)); // exactly 0.33: no sell
        assertTrue(signals.isEmpty(), () -> "no signal at the thresholds, got " + signals);
        feed(features(PERP, BookState.LIVE, 32, 100, 3)); // 0.32 < 0.33: sell
        assertEquals(Side.SELL, signals.get(0).side());
    }

    @Test
    void strongAskPressureSellsOnFuturesButNeverOnSpot() {
        feed(features(PERP, BookState.LIVE, 1, 10, 1));
        feed(features(SPOT, BookState.LIVE, 1, 10, 1));
        assertEquals(1, signals.size());
        assertEquals(Side.SELL, signals.get(0).side());
        assertEquals(PERP, signals.get(0).instrument());
    }

    @Test
    void booksThatAreNotLiveNeverSignal() {
        feed(features(PERP, BookState.INVALID, 40, 1, 1));
        feed(features(PERP, BookState.SYNCING, 40, 1, 2));
        assertTrue(signals.isEmpty());
    }

    @Test
    void noEntryRulesInForceMeansNoSignals() {
        rules.withdraw();
        feed(features(PERP, BookState.LIVE, 40, 1, 1));
        assertTrue(signals.isEmpty());
    }

    @Test
    void aNewRuleGenerationTakesEffectOnTheNextEvent() throws IOException {
        feed(features(PERP, BookState.LIVE, 40, 10, 1));
        assertEquals(1, signals.size());
        rules.deploy(Files.readString(ENTRY_DRL).replace("imbalance > 3.0B", "imbalance > 5.0B"));
        feed(features(PERP, BookState.LIVE, 41, 10, 2)); // 4.1: buy under the old rules, not under the new
        assertEquals(1, signals.size(), () -> "no buy at 4.1 under the raised threshold, got " + signals);
        feed(features(PERP, BookState.LIVE, 60, 10, 3));
        assertEquals(2, signals.size());
        assertEquals(2, signals.get(1).ruleGeneration());
    }

    @Test
    void aRuleThatThrowsProducesNoSignalAndTheNextEventIsEvaluatedAgain() {
        rules.deploy("""
                package t;
                import org.tradeengine.api.book.BookFeatures;
                global org.tradeengine.api.strategy.EntrySignals signals;
                rule "explodes" when $f : BookFeatures( live ) then
                  if ($f.getLastUpdateId() == 1) { throw new IllegalStateException("boom"); }
                  signals.buy($f, drools.getRule().getName());
                end
                """);
        feed(features(PERP, BookState.LIVE, 40, 10, 1));
        assertTrue(signals.isEmpty());
        feed(features(PERP, BookState.LIVE, 41, 10, 2));
        assertEquals(1, signals.size());
    }

    @Test
    void aResetBookIsForgottenAndEvaluatedAfreshWhenLiveAgain() {
        feed(features(PERP, BookState.LIVE, 40, 10, 1));
        strategy.onBookReset(PERP);
        feed(features(PERP, BookState.LIVE, 40, 10, 5));
        assertEquals(2, signals.size());
        assertEquals(5, signals.get(1).bookUpdateId());
    }
}
