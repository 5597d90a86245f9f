// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.benchmark;

import java.util.ServiceLoader;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.strategy.Strategy;
import org.tradeengine.engine.internal.Pipeline;
import org.tradeengine.feed.core.scan.BinanceScanner;
import org.tradeengine.feed.core.scan.ScannedMessage;
import org.tradeengine.feed.core.sync.BookSync;
import org.tradeengine.feed.core.sync.SyncOutput;
import org.tradeengine.feed.core.sync.SyncRules;

/**
 * The production code path, one recorded line at a time: the replay feed's byte scanner and Binance futures
 * sync state machine, then the engine's {@link Pipeline} (fixed-point book, top-N features only on change,
 * strategies running the Drools entry rules, signals). Only the queue and thread hand-off are left out.
 */
final class FixedPointPipeline implements SyncOutput {

    static final InstrumentId PERP = InstrumentId.ofVenueSymbol(Venue.BINANCE_FUTURES, "BTCUSDT");

    private final InstrumentSpec spec = InstrumentSpecs.lookup(PERP);
    private final BinanceScanner scanner = new BinanceScanner(Venue.BINANCE_FUTURES);
    private final BookSync sync = new BookSync(SyncRules.FUTURES, 10_000, this);
    private final Pipeline pipeline;
    private long brokenCount;

    FixedPointPipeline(Strategy strategy) {
        OrderBookFactory books = ServiceLoader.load(OrderBookFactory.class).findFirst().orElseThrow();
        this.pipeline = new Pipeline(5, id -> books.create(InstrumentSpecs.lookup(id)), 1000);
        pipeline.setStrategies(strategy);
    }

    /** Scans, synchronises and runs one recorded line ({@code <ts> <json>}). */
    void onLine(byte[] line) {
        ScannedMessage m = scanner.scan(line, 0, line.length, spec);
        switch (m.kind()) {
            case DEPTH -> sync.onUpdate(m.toUpdate(SyncRules.FUTURES.previousId(m.firstId(), m.prevId())));
            case SNAPSHOT -> sync.onSnapshot(m.toSnapshot());
            case ERROR -> throw new IllegalStateException("recording line rejected: " + m.message());
            default -> {
                // other streams: not part of the depth pipeline
            }
        }
    }

    /** Starts over before the recording is replayed again. */
    void restart() {
        sync.reset();
        pipeline.resetBook(PERP, "benchmark pass restarts");
    }

    @Override
    public void emit(BookDelta delta) {
        pipeline.onDelta(delta);
    }

    @Override
    public void broken(String message) {
        brokenCount++;
    }

    long levelUpdates() {
        return pipeline.levelUpdates();
    }

    long signals() {
        return pipeline.signalCount();
    }

    long broken() {
        return brokenCount;
    }
}
