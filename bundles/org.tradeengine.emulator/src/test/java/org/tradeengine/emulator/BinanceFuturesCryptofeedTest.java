// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.recordings.Recordings;

/** The 2021 four-symbol USD-M session: recorded snapshots (some bridged by an event ending at their id) and truth. */
class BinanceFuturesCryptofeedTest {

    @Test
    void recordedSnapshotsFirstAndTruthEqualsAnIndependentReplay() {
        RecordedSession rec = RecordedSession.cryptofeedBinance(Recordings.CRYPTOFEED_BINANCE_FUTURES_WS,
                Recordings.CRYPTOFEED_BINANCE_FUTURES_HTTP);
        try (VenueEmulator emu = VenueEmulator.binanceFuturesCryptofeed(EmulatorOptions.defaults()
                .withStartPaused(true).withLoop(false).withSpeed(1_000_000)).start()) {
            assertEquals(List.of("SUSHIUSDT", "AKROUSDT", "KEEPUSDT", "CTKUSDT"), emu.symbols());
            for (String s : emu.symbols()) {
                assertEquals(rec.snapshots.get(s), Http.get(emu.restBase(), "/fapi/v1/depth?symbol=" + s).body());
            }
            emu.resume();
            Await.until("end of the recording", () -> emu.stats().finished());
            for (String s : emu.symbols()) {
                RefBook expected = RecordedSession.replayBinance(rec, s, true);
                TrueBook truth = emu.trueBook(s);
                assertEquals(expected.id, truth.lastUpdateId(), s);
                assertEquals(RefBook.canon(expected.bids), RefBook.canon(truth.bids()), s);
                assertEquals(RefBook.canon(expected.asks), RefBook.canon(truth.asks()), s);
            }
        }
    }
}
