// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.core.kraken.KrakenSession;
import org.tradeengine.feed.replay.internal.replay.BookReplay;
import org.tradeengine.recordings.Recordings;

class ReplayCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private static ReplayCommand command(String venue, int top, String... files) {
        ReplayCommand c = new ReplayCommand();
        c.books = ServiceLoader.load(OrderBookFactory.class).findFirst().orElseThrow();
        c.venue = venue;
        c.top = top;
        c.files = List.of(files);
        return c;
    }

    @Test
    void printsTheSameLineAsTheSharedReplay() {
        Path file = Recordings.copyTo(Recordings.USDM_BTCUSDT_20240808, dir);
        BookReplay expected = new BookReplay(Venue.BINANCE_FUTURES, command("x", 1).books, e -> { });
        expected.run(List.of(file));

        command("binance-futures", 7, file.toString()).execute();

        assertEquals(expected.jsonLines(7).get(0) + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void namesAnUnknownVenueAndAMissingFile() {
        command("bitmex", 10, "x.gz").execute();
        command("binance-spot", 10, dir.resolve("missing.gz").toString()).execute();
        assertEquals("replay: unknown venue 'bitmex' (valid: binance-futures, binance-spot, kraken-futures)" + System.lineSeparator()
                + "replay: no such file: " + dir.resolve("missing.gz") + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void replaysKrakenFuturesAndPrintsOnlyTheNamedInstrument() {
        Path file = KrakenSession.writeRecording(dir.resolve("kraken.gz"), true);
        BookReplay expected = new BookReplay(Venue.KRAKEN_FUTURES, command("x", 1).books, e -> { });
        expected.run(List.of(file));
        ReplayCommand c = command("kraken-futures", 5, file.toString());
        c.instrument = "pi_ethusd";

        c.execute();

        String line = expected.jsonLines(5).stream().filter(l -> l.startsWith("{\"instrument\":\"PI_ETHUSD.KRAKEN_FUTURES\""))
                .findFirst().orElseThrow();
        assertEquals(line + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(10, expected.jsonLines(5).size(), "without --instrument every product of the session");
    }
}
