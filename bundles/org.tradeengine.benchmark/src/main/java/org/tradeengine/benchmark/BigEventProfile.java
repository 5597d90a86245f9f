// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookIntegrity;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;
import org.tradeengine.engine.internal.Pipeline;
import org.tradeengine.feed.core.scan.BinanceScanner;
import org.tradeengine.feed.core.scan.ScannedMessage;
import org.tradeengine.feed.core.sync.BookSync;
import org.tradeengine.feed.core.sync.SyncOutput;
import org.tradeengine.feed.core.sync.SyncRules;
import org.tradeengine.orderbook.internal.ArrayOrderBook;
import org.tradeengine.rules.internal.RuleServiceImpl;
import org.tradeengine.strategy.imbalance.internal.ImbalanceStrategy;

/**
 * Where the time of BIG events goes (the per-event p99 is made of them): replays the recording through the same
 * stages as {@link FixedPointPipeline} many times and, for every event with at least {@code minLevels} level updates,
 * keeps the minimum over the passes of each stage's time (the minimum filters out the noise of a shared machine),
 * then reports nanoseconds per level update of those events; and the percentiles of every depth event's minimum time,
 * what JMH's per-event percentiles would be on an idle machine. Not a JMH benchmark and not a test: a tool.
 *
 * <pre>
 * java -cp bundles/org.tradeengine.benchmark/target/benchmarks.jar \
 *     org.tradeengine.benchmark.BigEventProfile [passes] [minLevels]
 * </pre>
 * ({@code -Dprofile.noStrategy=true} leaves the strategy, and so Drools, out of {@code rest}.)
 *
 * <p>Stages: {@code scan} (BinanceScanner on the raw bytes), {@code copy} (the scanned message to a BookDelta),
 * {@code book} ({@code ArrayOrderBook.apply}, timed inside the engine's Pipeline by a wrapper), {@code rest}
 * (sync, features, Drools, signal: the pipeline minus the book). Also, without the engine: {@code scan only} and
 * {@code book only} loops, which time the same work with less around it.
 */
public final class BigEventProfile {

    private BigEventProfile() {
    }

    /**
     * @param args [passes (default 300)] [minimum levels of a big event (default 300)]
     */
    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int minLevels = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        List<String> lines = Fixture.depthLines();
        byte[][] bytes = new byte[lines.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = lines.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        RuleServiceImpl rules = Fixture.ruleService();
        try {
            Stages s = new Stages(bytes, minLevels, new ImbalanceStrategy(rules));
            System.out.printf("%d lines, %d big events (>= %d levels) holding %d level updates%n", bytes.length,
                    s.bigCount, minLevels, s.bigLevels);
            for (int pass = 0; pass < passes; pass++) {
                s.pass();
                s.scanOnly();
                s.bookOnly();
            }
            s.report(passes);
        } finally {
            rules.stop();
        }
    }

    /** The pipeline's stages with a stopwatch between them. */
    private static final class Stages implements SyncOutput {

        private final InstrumentSpec spec = InstrumentSpecs.lookup(FixedPointPipeline.PERP);
        private final BinanceScanner scanner = new BinanceScanner(Venue.BINANCE_FUTURES);
        private final BookSync sync = new BookSync(SyncRules.FUTURES, 10_000, this);
        private final BinanceScanner scanOnlyScanner = new BinanceScanner(Venue.BINANCE_FUTURES);
        private final Pipeline pipeline;
        private final TimedBook book;
        private final byte[][] bytes;
        private final boolean[] big;
        private final int bigCount;
        private final long bigLevels;
        private final long[] scanMin;
        private final long[] copyMin;
        private final long[] bookMin;
        private final long[] restMin;
        private final long[] totalMin;
        private final long[] eventMin;
        private final long[] scanOnlyMin;
        private final List<BookDelta> emitted = new ArrayList<>();
        private final List<Integer> emittedLine = new ArrayList<>();
        private long[] bookOnlyMin;
        private boolean recording = true;
        private int line;

        Stages(byte[][] bytes, int minLevels, ImbalanceStrategy strategy) {
            this.bytes = bytes;
            this.book = new TimedBook(new ArrayOrderBook(spec));
            this.pipeline = new Pipeline(5, id -> book, 1000);
            if (!Boolean.getBoolean("profile.noStrategy")) {
                pipeline.setStrategies(strategy); // -Dprofile.noStrategy=true: what the pipeline costs without Drools
            }
            big = new boolean[bytes.length];
            BinanceScanner probe = new BinanceScanner(Venue.BINANCE_FUTURES);
            int count = 0;
            long levels = 0;
            for (int i = 0; i < bytes.length; i++) {
                ScannedMessage m = probe.scan(bytes[i], 0, bytes[i].length, spec);
                int n = m.bidCount() + m.askCount();
                if (m.kind() == ScannedMessage.Kind.DEPTH && n >= minLevels) {
                    big[i] = true;
                    count++;
                    levels += n;
                }
            }
            bigCount = count;
            bigLevels = levels;
            scanMin = filled(bytes.length);
            copyMin = filled(bytes.length);
            bookMin = filled(bytes.length);
            restMin = filled(bytes.length);
            totalMin = filled(bytes.length);
            eventMin = filled(bytes.length);
            scanOnlyMin = filled(bytes.length);
        }

        private static long[] filled(int n) {
            long[] a = new long[n];
            Arrays.fill(a, Long.MAX_VALUE);
            return a;
        }

        /** One pass of the whole pipeline over the recording, timing the stages of big events. */
        void pass() {
            sync.reset();
            pipeline.resetBook(FixedPointPipeline.PERP, "profile pass");
            for (line = 0; line < bytes.length; line++) {
                byte[] b = bytes[line];
                long t0 = System.nanoTime();
                ScannedMessage m = scanner.scan(b, 0, b.length, spec);
                long t1 = System.nanoTime();
                if (m.kind() == ScannedMessage.Kind.DEPTH) {
                    BookDelta d = m.toUpdate(SyncRules.FUTURES.previousId(m.firstId(), m.prevId()));
                    long t2 = System.nanoTime();
                    book.nanos = 0;
                    sync.onUpdate(d);
                    long t3 = System.nanoTime();
                    eventMin[line] = Math.min(eventMin[line], t3 - t0);
                    if (big[line]) {
                        scanMin[line] = Math.min(scanMin[line], t1 - t0);
                        copyMin[line] = Math.min(copyMin[line], t2 - t1);
                        bookMin[line] = Math.min(bookMin[line], book.nanos);
                        restMin[line] = Math.min(restMin[line], t3 - t2 - book.nanos);
                        totalMin[line] = Math.min(totalMin[line], t3 - t0);
                    }
                } else if (m.kind() == ScannedMessage.Kind.SNAPSHOT) {
                    sync.onSnapshot(m.toSnapshot());
                } else if (m.kind() == ScannedMessage.Kind.ERROR) {
                    throw new IllegalStateException("line " + line + " rejected: " + m.message());
                }
            }
            recording = false;
        }

        /** The scanner alone on the big lines. */
        void scanOnly() {
            for (int i = 0; i < bytes.length; i++) {
                if (big[i]) {
                    byte[] b = bytes[i];
                    long t0 = System.nanoTime();
                    scanOnlyScanner.scan(b, 0, b.length, spec);
                    scanOnlyMin[i] = Math.min(scanOnlyMin[i], System.nanoTime() - t0);
                }
            }
        }

        /** The book alone: every delta the sync emitted, into a fresh book, timing those of big events. */
        void bookOnly() {
            if (bookOnlyMin == null) {
                bookOnlyMin = filled(emitted.size());
            }
            ArrayOrderBook b = new ArrayOrderBook(spec);
            for (int i = 0; i < emitted.size(); i++) {
                BookDelta d = emitted.get(i);
                long t0 = System.nanoTime();
                BookIntegrity r = b.apply(d);
                long t = System.nanoTime() - t0;
                if (r != BookIntegrity.OK) {
                    throw new IllegalStateException("book only: " + r + " at " + d);
                }
                if (big[emittedLine.get(i)] && !d.isSnapshot()) {
                    bookOnlyMin[i] = Math.min(bookOnlyMin[i], t);
                }
            }
        }

        @Override
        public void emit(BookDelta delta) {
            if (recording) {
                emitted.add(delta);
                emittedLine.add(line);
            }
            pipeline.onDelta(delta);
        }

        @Override
        public void broken(String message) {
            throw new IllegalStateException("broken: " + message);
        }

        void report(int passes) {
            // timing statistics for a report (ns per level update), not money: double is fine here
            double levels = bigLevels;
            double scan = sum(scanMin) / levels;
            double copy = sum(copyMin) / levels;
            double bookNs = sum(bookMin) / levels;
            double rest = sum(restMin) / levels;
            double total = sum(totalMin) / levels;
            System.out.printf("min of %d passes, ns per level update of big events (%.0f levels per event):%n", passes,
                    levels / bigCount);
            System.out.printf("  scan %.2f  copy %.2f  book %.2f  rest %.2f  | total %.2f%n", scan, copy, bookNs, rest,
                    total);
            System.out.printf("  scan only %.2f  book only %.2f%n", sum(scanOnlyMin) / levels,
                    sum(bookOnlyMin) / levels);
            long[] events = Arrays.stream(eventMin).filter(v -> v != Long.MAX_VALUE).sorted().toArray();
            System.out.printf("every depth event, its minimum: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f us%n",
                    events[events.length / 2] / 1000.0, events[events.length * 9 / 10] / 1000.0,
                    events[events.length * 99 / 100] / 1000.0, events[events.length - 1] / 1000.0);
            System.out.printf("  per big event: total %.2f us (rest %.2f us)%n", sum(totalMin) / bigCount / 1000.0,
                    sum(restMin) / bigCount / 1000.0);
        }

        private static double sum(long[] a) {
            double s = 0;
            for (long v : a) {
                if (v != Long.MAX_VALUE) {
                    s += v;
                }
            }
            return s;
        }
    }

    /** Delegates to the real book, adding the time spent in {@link #apply}. */
    private static final class TimedBook implements OrderBook {
        private final OrderBook book;
        long nanos;

        TimedBook(OrderBook book) {
            this.book = book;
        }

        @Override
        public BookIntegrity apply(BookDelta delta) {
            long t0 = System.nanoTime();
            BookIntegrity r = book.apply(delta);
            nanos += System.nanoTime() - t0;
            return r;
        }

        @Override
        public void reset() {
            book.reset();
        }

        @Override
        public InstrumentId instrument() {
            return book.instrument();
        }

        @Override
        public InstrumentSpec spec() {
            return book.spec();
        }

        @Override
        public BookState state() {
            return book.state();
        }

        @Override
        public long lastUpdateId() {
            return book.lastUpdateId();
        }

        @Override
        public int bidDepth() {
            return book.bidDepth();
        }

        @Override
        public int askDepth() {
            return book.askDepth();
        }

        @Override
        public long bidPrice(int level) {
            return book.bidPrice(level);
        }

        @Override
        public long bidQty(int level) {
            return book.bidQty(level);
        }

        @Override
        public long askPrice(int level) {
            return book.askPrice(level);
        }

        @Override
        public long askQty(int level) {
            return book.askQty(level);
        }
    }
}
