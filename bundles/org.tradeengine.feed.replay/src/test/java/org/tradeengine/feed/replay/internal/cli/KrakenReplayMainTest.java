// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.feed.core.kraken.KrakenSession;
import org.tradeengine.feed.core.kraken.ReferenceBooks;

/**
 * {@code bin/replay --venue kraken-futures} over the real cryptofeed Kraken Futures session converted to the recorder's
 * line format ({@code <local ts ns> <raw frame>}), checked against books built independently with regular expressions
 * and TreeMaps.
 */
class KrakenReplayMainTest {

    private static final Pattern LEVEL = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\"\\]");

    @TempDir
    Path dir;

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

    private static ReferenceBooks reference() {
        ReferenceBooks reference = new ReferenceBooks();
        KrakenSession.frames().forEach(f -> reference.apply(f.text()));
        return reference;
    }

    @Test
    void printsTheFinalBookOfPiEthUsdAsTheIndependentReference() {
        Path file = KrakenSession.writeRecording(dir.resolve("kraken_futures.gz"), true);
        ReferenceBooks.Book expected = reference().book("PI_ETHUSD");

        Run r = run("--venue", "kraken-futures", "--top", "5", "--instrument", "pi_ethusd", file.toString());

        assertEquals(List.of(), r.err());
        assertEquals(0, r.code());
        assertEquals(1, r.out().size(), r.out().toString());
        assertBook("PI_ETHUSD", expected, 5, r.out().get(0));
        assertEquals(3890, expected.deltas);
    }

    @Test
    void printsEveryProductOfAFileInOrderOfFirstAppearance() {
        Path file = KrakenSession.writeRecording(dir.resolve("kraken_futures.txt"), false);
        ReferenceBooks reference = reference();

        Run r = run("--venue", "kraken-futures", "--top", "5", file.toString());

        assertEquals(List.of(), r.err());
        assertEquals(0, r.code());
        List<String> products = new ArrayList<>(reference.books().keySet());
        assertEquals(KrakenSession.products(), products, "snapshots come first for each product");
        assertEquals(products.size(), r.out().size());
        for (int i = 0; i < products.size(); i++) {
            assertBook(products.get(i), reference.book(products.get(i)), 5, r.out().get(i));
        }
    }

    @Test
    void namesAMissingInstrumentAndAGapWithTheFileLineAndRule() throws Exception {
        Path file = KrakenSession.writeRecording(dir.resolve("kraken_futures.gz"), true);
        Run none = run("--venue", "kraken-futures", "--instrument", "PF_XBTUSD", file.toString());
        assertEquals(1, none.code());
        assertEquals(List.of("replay: no instrument PF_XBTUSD in the files"), none.err());

        List<String> lines = new ArrayList<>(KrakenSession.recordedLines());
        int cut = -1;
        int seen = 0;
        for (int i = 0; i < lines.size() && cut < 0; i++) {
            if (lines.get(i).contains("\"feed\":\"book\",\"product_id\":\"PI_ETHUSD\"") && ++seen == 100) {
                cut = i;
            }
        }
        String dropped = lines.remove(cut);
        long seq = Long.parseLong(ReferenceBooks.field(dropped, "seq"));
        int next = cut;
        while (!lines.get(next).contains("\"feed\":\"book\",\"product_id\":\"PI_ETHUSD\"")) {
            next++;
        }
        Path broken = dir.resolve("cut.txt");
        Files.write(broken, lines);
        Run r = run("--venue", "kraken-futures", "--instrument", "PI_ETHUSD", broken.toString());
        assertEquals(1, r.code());
        assertEquals("replay: " + broken + ":" + (next + 1) + ": sequence gap: seq == previous seq + 1 broken: seq="
                + (seq + 1) + ", previous seq=" + (seq - 1) + " (event U=" + (seq + 1) + " u=" + (seq + 1)
                + ": updates are missing)", r.err().get(0));
        assertTrue(r.out().get(0).contains("\"lastUpdateId\":" + (seq - 1) + ","), "the book keeps its last consistent"
                + " state: " + r.out().get(0));
    }

    /** Compares one output line with the reference: ids, counters and the top levels, by value. */
    private static void assertBook(String product, ReferenceBooks.Book expected, int top, String json) {
        assertTrue(json.startsWith("{\"instrument\":\"" + product + ".KRAKEN_FUTURES\",\"lastUpdateId\":" + expected.seq
                + ",\"events\":" + expected.deltas + ",\"gaps\":0,"), json);
        int asks = json.indexOf("\"asks\":");
        assertSide(expected.bids, top, json.substring(json.indexOf("\"bids\":"), asks), product + " bids");
        assertSide(expected.asks, top, json.substring(asks), product + " asks");
    }

    private static void assertSide(NavigableMap<BigDecimal, BigDecimal> expected, int top, String json, String what) {
        Matcher m = LEVEL.matcher(json);
        Iterator<Map.Entry<BigDecimal, BigDecimal>> it = expected.entrySet().iterator();
        int n = 0;
        while (m.find()) {
            Map.Entry<BigDecimal, BigDecimal> e = it.next();
            assertEquals(0, e.getKey().compareTo(new BigDecimal(m.group(1))), what + " level " + n + " price: " + json);
            assertEquals(0, e.getValue().compareTo(new BigDecimal(m.group(2))), what + " level " + n + " qty: " + json);
            n++;
        }
        assertEquals(Math.min(top, expected.size()), n, what + ": " + json);
    }
}
