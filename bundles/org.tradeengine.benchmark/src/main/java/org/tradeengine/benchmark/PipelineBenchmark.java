// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.rules.internal.RuleServiceImpl;
import org.tradeengine.strategy.imbalance.internal.ImbalanceStrategy;

/**
 * Raw JSON line → book → features → Drools entry rules → signal, one recorded line per invocation, on one thread:
 * the fixed-point production path against the naive Jackson + BigDecimal/TreeMap path, same recording, same
 * rules, same run. In {@code Throughput} mode the {@code levelUpdates} counter is the level updates per second;
 * in {@code SampleTime} mode JMH prints per-event latency percentiles.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PipelineBenchmark {

    private static final List<String> LINES = Fixture.depthLines();

    private RuleServiceImpl rules;
    private byte[][] bytes;
    private FixedPointPipeline fixedPoint;
    private NaivePipeline naive;
    private int nextFixed;
    private int nextNaive;

    /** Level updates applied, reported by JMH as a rate next to the event rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Level updates applied during the iteration. */
        public long levelUpdates;
    }

    @Setup(Level.Trial)
    public void setUp() {
        rules = Fixture.ruleService();
        bytes = new byte[LINES.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = LINES.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        fixedPoint = new FixedPointPipeline(new ImbalanceStrategy(rules));
        naive = new NaivePipeline(InstrumentSpecs.lookup(FixedPointPipeline.PERP), new ImbalanceStrategy(rules), s -> { }, 5);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.printf("%nfixed-point: %d level updates, %d signals, %d broken; naive: %d level updates%n",
                fixedPoint.levelUpdates(), fixedPoint.signals(), fixedPoint.broken(), naive.levelUpdates);
        rules.stop();
    }

    @Benchmark
    public void fixedPoint(Counters c) {
        if (nextFixed == bytes.length) {
            nextFixed = 0;
            fixedPoint.restart();
        }
        long before = fixedPoint.levelUpdates();
        fixedPoint.onLine(bytes[nextFixed++]);
        c.levelUpdates += fixedPoint.levelUpdates() - before;
    }

    @Benchmark
    public void naiveBigDecimalTreeMap(Counters c) {
        if (nextNaive == LINES.size()) {
            nextNaive = 0;
            naive.reset();
        }
        long before = naive.levelUpdates;
        naive.onLine(LINES.get(nextNaive++));
        c.levelUpdates += naive.levelUpdates - before;
    }
}
