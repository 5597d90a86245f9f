// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.recordings.Recordings;

/**
 * The fast book on real Binance depth streams: after every applied event, every level of both sides and the
 * last update id equal an independent BigDecimal reference, and every result is OK. The counts asserted are
 * recomputed here from the ids in the recordings, not taken from anywhere else.
 */
class RecordedBinanceBookTest {

    @Test
    void usdmFuturesRecordingMatchesTheReferenceAfterEveryEvent() throws IOException {
        BinanceDepthReplay replay = new BinanceDepthReplay(true,
                new ArrayOrderBook(InstrumentSpecs.lookup(InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES"))));
        replay.replay(Recordings.USDM_BTCUSDT_20240808);
        assertCountsAndChain(replay);
    }

    @Test
    void spotRecordingsOfTwoDaysReplayAsOneStreamMatchingTheReference() throws IOException {
        // 8 quantity decimals, as Binance spot prints them: 7 recorded quantities have 6 decimals
        // (e.g. "25.42618900", resting orders from before a lot-size change), finer than the listed lot.
        InstrumentSpec spec = InstrumentSpecs.lookup(InstrumentId.parse("BTCUSDT.BINANCE_SPOT"));
        assertEquals(8, spec.qtyScale());
        BinanceDepthReplay replay = new BinanceDepthReplay(false, new ArrayOrderBook(spec));
        replay.replay(Recordings.SPOT_BTCUSDT_20240808);
        int eventsOfFirstDay = replay.allEvents.size();
        replay.replay(Recordings.SPOT_BTCUSDT_20240809);
        assertTrue(replay.allEvents.size() > eventsOfFirstDay, "the second day adds events");
        assertCountsAndChain(replay);
    }

    private static void assertCountsAndChain(BinanceDepthReplay replay) {
        assertEquals(List.of(), replay.notOk, "every result must be OK");
        assertEquals(1, replay.snapshots, "one REST snapshot");
        assertEquals(1, replay.bridging, "one bridging event");
        List<long[]> events = replay.allEvents;
        int kept = 0;
        int gaps = 0;
        long previousU = -1;
        for (long[] e : events) {
            boolean old = replay.futures ? e[1] < replay.snapshotId : e[1] <= replay.snapshotId;
            if (old) {
                continue;
            }
            if (kept > 0 && (replay.futures ? e[2] != previousU : e[0] != previousU + 1)) {
                gaps++;
            }
            kept++;
            previousU = e[1];
        }
        assertTrue(kept > 1000, "a real stream, not a stub: " + kept + " events kept");
        assertEquals(0, gaps, "sequence gaps in the recording");
        assertEquals(events.size() - kept, replay.dropped, "events older than the snapshot");
        assertEquals(kept, replay.applied, "events applied");
        assertEquals(kept + 1, replay.okResults, "OK results (events plus the snapshot)");
        assertEquals(previousU, replay.book.lastUpdateId(), "book id = last u of the stream");
        assertEquals(BookState.LIVE, replay.book.state());
        System.out.printf("%s: %d lines, %d depth events, %d dropped before the snapshot %d, %d applied, 0 gaps,"
                + " deepest bids %d, asks %d%n", replay.book.instrument(), replay.lines, events.size(), replay.dropped,
                replay.snapshotId, replay.applied, replay.maxBidDepth, replay.maxAskDepth);
    }
}
