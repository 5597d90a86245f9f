// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.strategy.Signal;
import org.tradeengine.rules.internal.RuleServiceImpl;
import org.tradeengine.strategy.imbalance.internal.ImbalanceStrategy;

/**
 * The benchmark compares like with like: over the whole recording both pipelines apply the same level updates
 * and the same rules produce the same signals, in the same order, from the same features.
 */
class PipelinesAgreeTest {

    private static RuleServiceImpl rules;

    @BeforeAll
    static void startRules() {
        rules = Fixture.ruleService();
    }

    @AfterAll
    static void stopRules() {
        rules.stop();
    }

    @Test
    void fixedPointAndNaivePipelinesProduceTheSameSignals() {
        List<String> lines = Fixture.depthLines();
        List<Signal> naiveSignals = new ArrayList<>();
        NaivePipeline naive = new NaivePipeline(InstrumentSpecs.lookup(FixedPointPipeline.PERP), new ImbalanceStrategy(rules),
                naiveSignals::add, 5);
        FixedPointPipeline fixed = new FixedPointPipeline(new ImbalanceStrategy(rules));
        for (String line : lines) {
            naive.onLine(line);
            fixed.onLine(line.getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(0, fixed.broken(), "the recording has no gap");
        assertEquals(naive.levelUpdates, fixed.levelUpdates());
        assertTrue(fixed.signals() > 0, "the recording produces signals");
        assertEquals(naiveSignals.size(), fixed.signals());
    }
}
