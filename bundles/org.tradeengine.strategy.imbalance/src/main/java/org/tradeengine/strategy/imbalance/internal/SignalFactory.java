// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.strategy.imbalance.internal;

import java.time.Instant;

import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.strategy.EntrySignals;
import org.tradeengine.api.strategy.Signal;
import org.tradeengine.api.strategy.SignalSink;

/**
 * The {@code signals} global of the entry rules: turns a rule's call into a {@link Signal} for the engine.
 * Spot-only venues never go short, so a sell there is dropped here, in code, whatever the rule file says.
 */
final class SignalFactory implements EntrySignals {

    private final String strategyId;
    private SignalSink sink;
    private long generation;

    SignalFactory(String strategyId) {
        this.strategyId = strategyId;
    }

    void begin(SignalSink s, long gen) {
        this.sink = s;
        this.generation = gen;
    }

    void end() {
        this.sink = null;
    }

    @Override
    public void buy(BookFeatures f, String rule) {
        emit(f, Side.BUY, rule);
    }

    @Override
    public void sell(BookFeatures f, String rule) {
        if (!f.isSpotOnly()) {
            emit(f, Side.SELL, rule);
        }
    }

    private void emit(BookFeatures f, Side side, String rule) {
        if (sink == null || !f.isLive()) {
            return;
        }
        sink.accept(new Signal(0, f.getInstrument(), side, strategyId, rule, generation, f.getImbalance(), f.getBestBid(),
                f.getBestAsk(), f.getLastUpdateId(), f.getExchangeTimeMillis(), Instant.now()));
    }
}
