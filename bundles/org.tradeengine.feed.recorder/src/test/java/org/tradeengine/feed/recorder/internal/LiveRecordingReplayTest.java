// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.feed.core.live.FeedAwait.await;
import static org.tradeengine.feed.core.live.FeedAwait.live;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.Venue;
import org.tradeengine.emulator.EmulatorOptions;
import org.tradeengine.emulator.TrueBook;
import org.tradeengine.emulator.VenueEmulator;
import org.tradeengine.feed.binance.futures.internal.BinanceFuturesFeed;
import org.tradeengine.feed.replay.internal.replay.BookReplay;

/**
 * The recorder behind the real Binance USD-M feed, fed by the emulator: what it wrote replays through the replay
 * (the code of {@code bin/replay}) to exactly the book the venue had when recording stopped.
 */
class LiveRecordingReplayTest {

    private static final InstrumentId BTC = InstrumentId.ofVenueSymbol(Venue.BINANCE_FUTURES, "BTCUSDT");
    private static final int TOP = 20;

    @TempDir
    Path dir;

    @Test
    void aRecordingOfTheLiveFeedReplaysToTheVenuesBook() throws IOException {
        OrderBookFactory books = ServiceLoader.load(OrderBookFactory.class).findFirst().orElseThrow();
        Path recordings = dir.resolve("recordings");
        try (VenueEmulator emulator = VenueEmulator.binanceFutures(EmulatorOptions.defaults().withSpeed(4))) {
            emulator.start();
            Recorder recorder = new Recorder(new RecorderSettings(recordings, Set.of(), 100_000, 1L << 30), Clock.systemUTC());
            recorder.start();
            Map<String, Object> p = new HashMap<>();
            p.put("feed.id", "usdm");
            p.put("instruments", "BTCUSDT");
            p.put("ws.url", emulator.wsBase() + "/public");
            p.put("rest.url", emulator.restBase().toString());
            BinanceFuturesFeed feed = new BinanceFuturesFeed(books, p);
            feed.bindSink(recorder);
            InstrumentSpec spec = feed.spec(BTC);
            try {
                await("the feed LIVE with 300 events", () -> live(feed) && feed.status().instruments().get(0).events() >= 300);
                emulator.pause();
                long last = emulator.lastSentUpdateId("BTCUSDT");
                await("the feed to catch up with the paused venue",
                        () -> feed.status().instruments().get(0).lastUpdateId() == last);
            } finally {
                feed.deactivate();
                recorder.close();
            }
            TrueBook truth = emulator.trueBook("BTCUSDT");

            List<Path> files;
            try (Stream<Path> s = Files.list(recordings.resolve("usdm"))) {
                files = s.filter(f -> !f.getFileName().toString().startsWith("_session")).sorted().collect(Collectors.toList());
            }
            assertTrue(!files.isEmpty(), "recorded files");
            List<String> errors = new ArrayList<>();
            BookReplay replay = new BookReplay(Venue.BINANCE_FUTURES, books, errors::add);
            replay.run(files);
            assertEquals(List.of(), errors);
            assertEquals(0, replay.exitCode());
            String json = replay.jsonLines(TOP).get(0);
            assertTrue(json.startsWith("{\"instrument\":\"" + BTC + "\",\"lastUpdateId\":" + truth.lastUpdateId() + ","), json);
            String levels = "\"bids\":" + levels(truth.bids(), spec) + ",\"asks\":" + levels(truth.asks(), spec) + "}";
            assertTrue(json.endsWith(levels), "replayed book\n" + json + "\nvenue book\n" + levels);
        }
    }

    private static String levels(NavigableMap<BigDecimal, BigDecimal> side, InstrumentSpec spec) {
        StringBuilder b = new StringBuilder("[");
        Iterator<Map.Entry<BigDecimal, BigDecimal>> it = side.entrySet().iterator();
        for (int i = 0; i < TOP && it.hasNext(); i++) {
            Map.Entry<BigDecimal, BigDecimal> e = it.next();
            b.append(i == 0 ? "" : ",").append("[\"").append(e.getKey().setScale(spec.priceScale(), RoundingMode.UNNECESSARY)
                    .toPlainString()).append("\",\"").append(e.getValue().setScale(spec.qtyScale(), RoundingMode.UNNECESSARY)
                    .toPlainString()).append("\"]");
        }
        return b.append(']').toString();
    }
}
