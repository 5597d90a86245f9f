// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.core.TestData;
import org.tradeengine.feed.replay.internal.replay.BookReplay;
import org.tradeengine.recordings.Recordings;

class ReplayMainTest {

    private static final String BTC_PERP = "BTCUSDT-PERP.BINANCE_FUTURES";

    @TempDir
    Path dir;

    /** Exit code, stdout lines and stderr lines of one run. */
    private record Run(int code, List<String> out, List<String> err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReplayMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, lines(out), lines(err));
    }

    private static List<String> lines(ByteArrayOutputStream s) {
        String text = s.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static ReferenceReplay reference(boolean futures, int priceScale, int qtyScale, Path file, List<String> lines) {
        return feed(new ReferenceReplay(futures, priceScale, qtyScale), file, lines);
    }

    private static ReferenceReplay feed(ReferenceReplay r, Path file, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            r.line(file + ":" + (i + 1), lines.get(i));
        }
        return r;
    }

    /** Stderr lines reduced to {@code file:line gap|malformed}, the reference's form. */
    private static List<String> errorKinds(List<String> err) {
        List<String> kinds = new ArrayList<>();
        for (String e : err) {
            String rest = e.substring("replay: ".length());
            int colon = rest.indexOf(": ");
            kinds.add(rest.substring(0, colon) + (rest.startsWith("sequence gap", colon + 2) ? " gap" : " malformed"));
        }
        return kinds;
    }

    private static int spotQtyScale() {
        return InstrumentSpecs.lookup(InstrumentId.parse("BTCUSDT.BINANCE_SPOT")).qtyScale();
    }

    @Test
    void futuresRecordingEndsWithTheIndependentlyComputedBook() {
        Path file = Recordings.copyTo(Recordings.USDM_BTCUSDT_20240808, dir);
        ReferenceReplay expected = reference(true, 1, 3, file, TestData.lines(Recordings.USDM_BTCUSDT_20240808));
        Run r = run("--venue", "binance-futures", "--top", "20", file.toString());
        assertEquals(List.of(), r.err());
        assertEquals(0, r.code());
        assertEquals(List.of(expected.json(BTC_PERP, 20)), r.out());
        assertEquals(0, expected.gaps);
        assertTrue(r.out().get(0).contains("\"bids\":[[\"") && expected.events > 6000, r.out().get(0));
    }

    /**
     * Spot 0808 + 0809 as one stream, at the api's scales. The real data has quantities with 6 decimals (e.g.
     * "25.42618900"); while the api gives BTCUSDT spot 5 quantity decimals those lines are rejected (never rounded)
     * and the next event is a gap; with 6 or more every line applies and the book ends LIVE. The independent
     * replay decides which.
     */
    @Test
    void spotRecordingsOfTwoDaysAreOneStream() {
        Path day1 = Recordings.copyTo(Recordings.SPOT_BTCUSDT_20240808, dir);
        Path day2 = Recordings.copyTo(Recordings.SPOT_BTCUSDT_20240809, dir);
        ReferenceReplay expected = new ReferenceReplay(false, 2, spotQtyScale());
        feed(expected, day1, TestData.lines(Recordings.SPOT_BTCUSDT_20240808));
        feed(expected, day2, TestData.lines(Recordings.SPOT_BTCUSDT_20240809));

        Run r = run("--venue", "binance-spot", day1.toString(), day2.toString());

        assertEquals(expected.errors, errorKinds(r.err()));
        assertEquals(expected.errors.isEmpty() ? 0 : 1, r.code());
        assertEquals(List.of(expected.json("BTCUSDT.BINANCE_SPOT", 10)), r.out());
    }

    @Test
    void spotRecordingsReplayWithoutAnyErrorAtEightQuantityDecimals() {
        Path day1 = Recordings.copyTo(Recordings.SPOT_BTCUSDT_20240808, dir);
        Path day2 = Recordings.copyTo(Recordings.SPOT_BTCUSDT_20240809, dir);
        ReferenceReplay expected = new ReferenceReplay(false, 2, 8);
        feed(expected, day1, TestData.lines(Recordings.SPOT_BTCUSDT_20240808));
        feed(expected, day2, TestData.lines(Recordings.SPOT_BTCUSDT_20240809));
        List<String> errors = new ArrayList<>();
        BookReplay replay = new BookReplay(Venue.BINANCE_SPOT, ServiceLoader.load(OrderBookFactory.class).findFirst()
                .orElseThrow(), errors::add, id -> new InstrumentSpec(id, 2, 8, 1, 1));

        replay.run(List.of(day1, day2));

        assertEquals(List.of(), errors);
        assertEquals(List.of(), expected.errors);
        assertEquals(0, replay.exitCode());
        assertEquals(List.of(expected.json("BTCUSDT.BINANCE_SPOT", 25)), replay.jsonLines(25));
        assertEquals(3451 + 3044 - 2, expected.events, "every event but the two the snapshot already held");
    }

    @Test
    void droppedLineIsAGapNamingTheFileTheLineAndTheRule() {
        List<String> lines = new ArrayList<>(TestData.lines(Recordings.USDM_BTCUSDT_20240808));
        int dropped = depthLineIndexes(lines).get(3000);
        long uBefore = previousDepthU(lines, dropped);
        lines.remove(dropped);
        int next = nextDepthIndex(lines, dropped);
        Path file = TestData.writeGzip(dir.resolve("cut.gz"), lines);

        Run r = run("--venue", "binance-futures", file.toString());

        String nextLine = lines.get(next);
        String expected = "replay: " + file + ":" + (next + 1) + ": sequence gap: pu == previous u broken: pu="
                + num(nextLine, "pu") + ", previous u=" + uBefore + " (event U=" + num(nextLine, "U") + " u="
                + num(nextLine, "u") + ": updates are missing)";
        assertEquals(List.of(expected), r.err());
        assertEquals(1, r.code());
        ReferenceReplay ref = reference(true, 1, 3, file, lines);
        assertEquals(List.of(file + ":" + (next + 1) + " gap"), ref.errors);
        assertEquals(List.of(ref.json(BTC_PERP, 10)), r.out(), "the book as it was when the chain broke");
    }

    @Test
    void garbledLineIsMalformedAndTheNextEventIsAGap() {
        List<String> lines = new ArrayList<>(TestData.lines(Recordings.USDM_BTCUSDT_20240808));
        int garbled = depthLineIndexes(lines).get(2000);
        String original = lines.get(garbled);
        lines.set(garbled, original.replace("\"pu\":", "\"pu\":x"));
        int next = nextDepthIndex(lines, garbled + 1);
        Path file = TestData.writeGzip(dir.resolve("garbled.gz"), lines);

        Run r = run("--venue", "binance-futures", file.toString());

        assertEquals(2, r.err().size(), String.join("\n", r.err()));
        assertEquals("replay: " + file + ":" + (garbled + 1) + ": \"pu\" must be a non-negative whole number, not 'x"
                + num(original, "pu") + "'", r.err().get(0));
        assertEquals(reference(true, 1, 3, file, lines).errors, errorKinds(r.err()));
        assertTrue(r.err().get(1).startsWith("replay: " + file + ":" + (next + 1) + ": sequence gap: pu == previous u broken:"
                + " pu=" + num(lines.get(next), "pu") + ", previous u=" + previousDepthU(lines, garbled)), r.err().get(1));
        assertEquals(1, r.code());
    }

    @Test
    void plainTextRecordingGivesTheSameBookAsGzip() throws IOException {
        Path gz = Recordings.copyTo(Recordings.USDM_BTCUSDT_20240808, dir);
        Path plain = dir.resolve("btcusdt_20240808.txt");
        Files.write(plain, TestData.lines(Recordings.USDM_BTCUSDT_20240808), StandardCharsets.US_ASCII);
        Run a = run("--venue", "binance-futures", gz.toString());
        Run b = run("--venue=binance-futures", "--top=10", plain.toString());
        assertEquals(0, b.code());
        assertEquals(a.out(), b.out());
    }

    @Test
    void printsOneLinePerInstrument() {
        List<String> btc = TestData.lines(Recordings.USDM_BTCUSDT_20240808);
        List<String> eth = new ArrayList<>();
        btc.forEach(l -> eth.add(l.replace("btcusdt", "ethusdt").replace("BTCUSDT", "ETHUSDT")));
        Path f1 = Recordings.copyTo(Recordings.USDM_BTCUSDT_20240808, dir);
        Path f2 = TestData.writeGzip(dir.resolve("eth.gz"), eth);

        Run r = run("--venue", "binance-futures", "--top", "5", f1.toString(), f2.toString());

        assertEquals(List.of(), r.err());
        assertEquals(0, r.code());
        assertEquals(List.of(reference(true, 1, 3, f1, btc).json(BTC_PERP, 5),
                reference(true, 2, 3, f2, eth).json("ETHUSDT-PERP.BINANCE_FUTURES", 5)), r.out());
    }

    /** The 2023 files: microsecond timestamps, a re-serialised snapshot with spaces, fetched before any event came. */
    @Test
    void replaysRecordingsInThe2023Style() {
        Path file = Recordings.copyTo(Recordings.USDM_BTCUSDT_20240808, dir);
        List<String> lines = new ArrayList<>();
        String snapshot = null;
        for (String l : TestData.lines(Recordings.USDM_BTCUSDT_20240808)) {
            String micros = l.substring(0, l.indexOf(' ') - 3) + l.substring(l.indexOf(' '));
            if (micros.contains("lastUpdateId")) {
                snapshot = micros.replace("\":", "\": ").replace(",", ", ");
            } else {
                lines.add(micros);
            }
        }
        lines.add(0, snapshot);
        Path old = TestData.writeGzip(dir.resolve("btcusdt_20230404.dat.gz"), lines);

        Run original = run("--venue", "binance-futures", file.toString());
        Run r = run("--venue", "binance-futures", old.toString());

        assertEquals(List.of(), r.err());
        assertEquals(0, r.code());
        assertEquals(original.out(), r.out(), "the events the late snapshot found buffered are the ones it drops now");
    }

    @Test
    void snapshotWithoutAnyDepthEventIsReported() {
        String snapshot = TestData.firstLineWith(Recordings.USDM_BTCUSDT_20240808, "lastUpdateId");
        Path file = TestData.writeGzip(dir.resolve("only-snapshot.gz"), List.of(snapshot));
        Run r = run("--venue", "binance-futures", file.toString());
        assertEquals(1, r.code());
        assertEquals(List.of("replay: " + file + ":1: snapshot before any depth event: no depth event followed, so its"
                + " instrument is unknown", "replay: " + file + ":1: no binance-futures depth events in the files"), r.err());
    }

    @Test
    void fileWithoutSnapshotNeverSynchronises() {
        List<String> lines = new ArrayList<>(TestData.lines(Recordings.USDM_BTCUSDT_20240808));
        lines.removeIf(l -> l.contains("lastUpdateId"));
        Path file = TestData.writeGzip(dir.resolve("nosnapshot.gz"), lines);
        Run r = run("--venue", "binance-futures", file.toString());
        assertEquals(1, r.code());
        assertEquals(List.of(), r.out());
        assertEquals(List.of("replay: " + file + ":" + lines.size() + ": end of data: BTCUSDT-PERP.BINANCE_FUTURES never"
                + " synchronised (no snapshot it could use)"), r.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        Run none = run();
        assertEquals(2, none.code());
        assertEquals(List.of("replay: --venue is required (valid: binance-futures, binance-spot, kraken-futures)", ReplayMain.USAGE), none.err());

        Run venue = run("--venue", "bitmex", "x.gz");
        assertEquals(2, venue.code());
        assertEquals("replay: unknown venue 'bitmex' (valid: binance-futures, binance-spot, kraken-futures)", venue.err().get(0));

        Path missing = dir.resolve("missing.gz");
        Run file = run("--venue", "binance-spot", missing.toString());
        assertEquals(2, file.code());
        assertEquals(List.of("replay: no such file: " + missing), file.err());

        assertEquals(2, run("--venue", "binance-spot", "--top", "0", "x").code());
        assertEquals(2, run("--venue", "binance-spot", "--depth", "3", "x").code());
        assertEquals(2, run("--venue", "binance-spot").code());
        Run help = run("--help");
        assertEquals(0, help.code());
        assertEquals(List.of(ReplayMain.USAGE), help.out());
    }

    private static List<Integer> depthLineIndexes(List<String> lines) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("@depth")) {
                idx.add(i);
            }
        }
        return idx;
    }

    private static int nextDepthIndex(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains("@depth")) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    private static long previousDepthU(List<String> lines, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (lines.get(i).contains("@depth")) {
                return Long.parseLong(num(lines.get(i), "u"));
            }
        }
        throw new IllegalStateException();
    }

    private static String num(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json.substring(0, Math.min(200, json.length())));
        }
        return m.group(1);
    }
}
