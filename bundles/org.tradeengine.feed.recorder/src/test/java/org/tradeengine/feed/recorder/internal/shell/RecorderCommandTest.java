// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.await;
import static org.tradeengine.feed.recorder.internal.RecorderFiles.nanos;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.recorder.internal.MutableClock;
import org.tradeengine.feed.recorder.internal.Recorder;
import org.tradeengine.feed.recorder.internal.RecorderSettings;

class RecorderCommandTest {

    @TempDir
    Path dir;

    private static String print(RecorderCommand c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            c.execute();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void saysHowToTurnTheRecorderOn() {
        assertEquals("Recorder not running: create etc/org.tradeengine.feed.recorder.cfg to record the live feeds' raw messages"
                + System.lineSeparator(), print(new RecorderCommand()));
    }

    @Test
    void showsCountersPerFeedAndTheOpenFiles() throws Exception {
        Files.writeString(dir.resolve("blocked"), "a file where kraken's folder should be");
        Recorder r = new Recorder(new RecorderSettings(dir, Set.of(), 100, 1L << 20),
                new MutableClock(Instant.parse("2024-08-08T10:30:00Z")));
        r.start();
        try {
            byte[] m = "{\"e\":\"depthUpdate\"}".getBytes(StandardCharsets.US_ASCII);
            InstrumentId btc = InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES");
            r.onRawMessage("binance-usdm", Venue.BINANCE_FUTURES, btc, nanos("2024-08-08T10:30:00Z"), m, m.length);
            r.onRawMessage("binance-usdm", Venue.BINANCE_FUTURES, btc, nanos("2024-08-08T10:30:01Z"), m, m.length);
            r.onRawMessage("blocked", Venue.KRAKEN_FUTURES, null, nanos("2024-08-08T10:30:01Z"), m, m.length);
            await("2 written, 1 lost", () -> r.status().messagesWritten() == 2 && r.status().droppedErrors() == 1);
            RecorderCommand c = new RecorderCommand();
            c.recorder = r;

            String text = print(c);

            assertTrue(text.startsWith("Recorder running, writing to " + dir + " (feeds: all)"), text);
            assertTrue(text.contains("Written 2 messages, 80 bytes, 1 files; dropped 0 (queue full), lost 1 (errors); errors 1"),
                    text);
            assertTrue(text.contains("Last error: " + dir.resolve("blocked/_session_20240808_10.gz") + ": cannot create"), text);
            assertTrue(text.matches("(?s).*binance-usdm\\s+\\|\\s+2\\s+\\|\\s+80\\s+\\|\\s+0\\s+\\|\\s+0\\s+\\|\\s+0.*"), text);
            assertTrue(text.matches("(?s).*blocked\\s+\\|\\s+0\\s+\\|\\s+0\\s+\\|\\s+0\\s+\\|\\s+1\\s+\\|\\s+1.*"), text);
            assertTrue(text.matches("(?s).*binance-usdm/btcusdt_20240808_10.gz\\s+\\|\\s+binance-usdm\\s+\\|\\s+2\\s+\\|\\s+80.*"), text);
        } finally {
            r.close();
        }
    }
}
