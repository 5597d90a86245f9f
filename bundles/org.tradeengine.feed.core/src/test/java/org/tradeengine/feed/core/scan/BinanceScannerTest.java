// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.core.TestData;
import org.tradeengine.recordings.Recordings;

class BinanceScannerTest {

    private static final InstrumentSpec BTC_PERP = InstrumentSpecs.lookup(InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES"));
    private static final InstrumentSpec BTC_SPOT = InstrumentSpecs.lookup(InstrumentId.parse("BTCUSDT.BINANCE_SPOT"));
    private static final Pattern LEVEL = Pattern.compile("\\[\\s*\"([^\"]*)\"\\s*,\\s*\"([^\"]*)\"\\s*\\]");

    private final BinanceScanner futures = new BinanceScanner(Venue.BINANCE_FUTURES);
    private final BinanceScanner spot = new BinanceScanner(Venue.BINANCE_SPOT);

    private static ScannedMessage scan(BinanceScanner s, String line, InstrumentSpec snapshotSpec) {
        byte[] b = ("xx" + line + "yy").getBytes(StandardCharsets.ISO_8859_1);   // the line sits inside a bigger buffer
        return s.scan(b, 2, b.length - 2, snapshotSpec);
    }

    private static ScannedMessage scan(BinanceScanner s, String line) {
        return scan(s, line, null);
    }

    @Test
    void readsRealFuturesCombinedDepthUpdateExactly() {
        String line = TestData.firstLineWith(Recordings.USDM_BTCUSDT_20240808, "@depth@0ms");
        ScannedMessage m = scan(futures, line);
        assertEquals(ScannedMessage.Kind.DEPTH, m.kind(), m.message());
        assertEquals(BTC_PERP, m.spec());
        assertEquals(1723161255030314667L, m.localTimeNanos());
        assertEquals(5123107832006L, m.firstId());
        assertEquals(5123107837557L, m.lastId());
        assertEquals(5123107831937L, m.prevId());
        assertEquals(1723161256299L, m.eventTime());
        assertEquals(1723161256298L, m.transactionTime());
        assertLevels(line, "\"b\":", "\"a\":", m, true, BTC_PERP);
        assertLevels(line, "\"a\":", "]]}", m, false, BTC_PERP);
        assertEquals(587102L, m.bidPrice(0));   // "58710.20" at one decimal
        assertEquals(14L, m.bidQty(0));         // "0.014" at three decimals
    }

    @Test
    void readsRealSpotCombinedDepthUpdate() {
        String line = TestData.firstLineWith(Recordings.SPOT_BTCUSDT_20240808, "@depth@100ms");
        ScannedMessage m = scan(spot, line);
        assertEquals(ScannedMessage.Kind.DEPTH, m.kind(), m.message());
        assertEquals(BTC_SPOT, m.spec());
        assertEquals(50093239189L, m.firstId());
        assertEquals(50093239202L, m.lastId());
        assertLevels(line, "\"b\":", "\"a\":", m, true, BTC_SPOT);
        assertLevels(line, "\"a\":", "]]}", m, false, BTC_SPOT);
    }

    @Test
    void readsBareDepthUpdateWithoutTheStreamEnvelope() {
        String line = TestData.firstLineWith(Recordings.USDM_BTCUSDT_20240808, "@depth@0ms");
        String bare = line.replace("{\"stream\":\"btcusdt@depth@0ms\",\"data\":", "");
        bare = bare.substring(0, bare.length() - 1);
        ScannedMessage m = scan(futures, bare);
        assertEquals(ScannedMessage.Kind.DEPTH, m.kind(), m.message());
        assertLevels(line, "\"b\":", "\"a\":", m, true, BTC_PERP);
    }

    @Test
    void readsRealFuturesSnapshotAtTheGivenInstrumentsScales() {
        String line = TestData.firstLineWith(Recordings.USDM_BTCUSDT_20240808, "lastUpdateId");
        ScannedMessage m = scan(futures, line, BTC_PERP);
        assertEquals(ScannedMessage.Kind.SNAPSHOT, m.kind(), m.message());
        assertEquals(5123107852948L, m.lastId());
        assertEquals(1723161256501L, m.eventTime());
        assertEquals(1000, m.bidCount());
        assertLevels(line, "\"bids\":", "\"asks\":", m, true, BTC_PERP);
        assertLevels(line, "\"asks\":", "]]}", m, false, BTC_PERP);
        BookDelta d = m.toSnapshot();
        assertEquals(BookDelta.Kind.SNAPSHOT, d.kind());
        assertEquals(5123107852948L, d.lastUpdateId());
    }

    @Test
    void readsSnapshotReserialisedWithSpacesLikeThe2023Files() {
        String line = TestData.firstLineWith(Recordings.USDM_BTCUSDT_20240808, "lastUpdateId");
        String spaced = line.replace("\":", "\": ").replace(",", ", ");
        ScannedMessage m = scan(futures, spaced, BTC_PERP);
        assertEquals(ScannedMessage.Kind.SNAPSHOT, m.kind(), m.message());
        assertLevels(line, "\"bids\":", "\"asks\":", m, true, BTC_PERP);
    }

    @Test
    void readsSpotSnapshotWithoutEventTimes() {
        String line = TestData.firstLineWith(Recordings.SPOT_BTCUSDT_20240808, "lastUpdateId");
        ScannedMessage m = scan(spot, line, BTC_SPOT);
        assertEquals(ScannedMessage.Kind.SNAPSHOT, m.kind(), m.message());
        assertEquals(50093239218L, m.lastId());
        assertEquals(0L, m.eventTime());
        assertLevels(line, "\"asks\":", "]]}", m, false, BTC_SPOT);
    }

    @Test
    void convertsMicrosecondTimestampsOfThe2023Files() {
        String line = TestData.firstLineWith(Recordings.USDM_BTCUSDT_20240808, "@depth@0ms");
        ScannedMessage m = scan(futures, "1680652700599351" + line.substring(line.indexOf(' ')));
        assertEquals(1680652700599351000L, m.localTimeNanos());
    }

    @Test
    void skipsTheOtherStreamsOfTheRecordings() {
        assertEquals(ScannedMessage.Kind.SKIPPED, scan(futures, TestData.firstLineWith(Recordings.USDM_BTCUSDT_20240808,
                "@bookTicker")).kind());
        assertEquals(ScannedMessage.Kind.SKIPPED, scan(futures, TestData.firstLineWith(Recordings.USDM_BTCUSDT_20240808,
                "@trade")).kind());
        assertEquals(ScannedMessage.Kind.SKIPPED, scan(spot, TestData.firstLineWith(Recordings.SPOT_BTCUSDT_20240808,
                "@bookTicker")).kind());
        assertEquals(ScannedMessage.Kind.SKIPPED, scan(futures, "1680652700599351 {\"stream\":\"btcusdt@markPrice@1s\","
                + "\"data\":{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"p\":\"28145.1\"}}").kind());
        assertEquals(ScannedMessage.Kind.SKIPPED, scan(futures, "1680652700599351 {\"e\":\"trade\",\"E\":1}").kind());
    }

    @Test
    void acceptsKeysInAnyOrder() {
        String canonical = "1723161255030314667 {\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":5,"
                + "\"T\":4,\"s\":\"BTCUSDT\",\"U\":10,\"u\":20,\"pu\":9,\"b\":[[\"100.1\",\"1.000\"]],\"a\":[[\"100.2\",\"0.5\"]]}}";
        String shuffled = "1723161255030314667 {\"data\":{\"a\":[[\"100.2\",\"0.5\"]],\"b\":[[\"100.1\",\"1.000\"]],\"pu\":9,"
                + "\"u\":20,\"U\":10,\"s\":\"BTCUSDT\",\"T\":4,\"E\":5,\"e\":\"depthUpdate\"},\"stream\":\"btcusdt@depth@0ms\"}";
        String bareLevelsFirst = "1723161255030314667 {\"b\":[[\"100.1\",\"1.000\"]],\"a\":[[\"100.2\",\"0.5\"]],\"u\":20,"
                + "\"pu\":9,\"U\":10,\"E\":5,\"T\":4,\"s\":\"BTCUSDT\",\"e\":\"depthUpdate\",\"x\":{\"y\":[1,\"]\"]}}";
        for (String line : List.of(canonical, shuffled, bareLevelsFirst)) {
            ScannedMessage m = scan(futures, line);
            assertEquals(ScannedMessage.Kind.DEPTH, m.kind(), line + " -> " + m.message());
            assertEquals(10L, m.firstId());
            assertEquals(20L, m.lastId());
            assertEquals(9L, m.prevId());
            assertEquals(1001L, m.bidPrice(0));
            assertEquals(1000L, m.bidQty(0));
            assertEquals(1002L, m.askPrice(0));
            assertEquals(500L, m.askQty(0));
        }
        String snapshot = "1723161255030314667 {\"asks\":[[\"100.2\",\"0.5\"]],\"T\":1,\"bids\":[],\"E\":2,\"lastUpdateId\":7}";
        ScannedMessage m = scan(futures, snapshot, BTC_PERP);
        assertEquals(ScannedMessage.Kind.SNAPSHOT, m.kind(), m.message());
        assertEquals(7L, m.lastId());
        assertEquals(0, m.bidCount());
        assertEquals(1, m.askCount());
    }

    @Test
    void treatsAnEmptyLineAsBlank() {
        assertEquals(ScannedMessage.Kind.BLANK, scan(futures, "").kind());
        assertEquals(ScannedMessage.Kind.BLANK, scan(futures, "  \r").kind());
    }

    @Test
    void rejectsEveryMalformedVariantWithATypedProblemAndNoException() {
        String ok = "1723161255030314667 {\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":5,\"T\":4,"
                + "\"s\":\"BTCUSDT\",\"U\":10,\"u\":20,\"pu\":9,\"b\":[[\"100.1\",\"1.000\"]],\"a\":[[\"100.2\",\"0.500\"]]}}";
        assertEquals(ScannedMessage.Kind.DEPTH, scan(futures, ok).kind());
        Map<ScanProblem, Integer> seen = new EnumMap<>(ScanProblem.class);
        String[][] cases = {
            {"BAD_LINE", "{\"e\":1}", "expected '<local timestamp> <JSON>'"},
            {"BAD_LINE", "abc " + ok.substring(20), "expected '<local timestamp> <JSON>'"},
            {"BAD_LINE", ok.replace("1723161255030314667", "1723161255030"), "neither nanoseconds nor microseconds"},
            {"BAD_LINE", ok.replace("1723161255030314667", "99999999999999999999"), "does not fit in a long"},
            {"MALFORMED_JSON", ok.substring(0, 150), "message ends"},
            {"MALFORMED_JSON", ok.substring(0, ok.length() - 1), "expected ',' or '}'"},
            {"MALFORMED_JSON", ok + "}", "text after the JSON object"},
            {"MALFORMED_JSON", ok.replace("[[\"100.1\",\"1.000\"]]", "[[\"100.1\",\"1.000\",\"7\"]]"), "expected ']'"},
            {"MALFORMED_JSON", ok.replace("[[\"100.1\",\"1.000\"]]", "\"100.1\""), "must be arrays"},
            {"MALFORMED_JSON", ok.replace("\"BTCUSDT\"", "\"BTC\\u0055SDT\""), "escape or control character in \"s\""},
            {"BAD_NUMBER", ok.replace("\"100.1\"", "\"100\\u002e1\""), "'\\' is not a digit"},
            {"MALFORMED_JSON", ok.replace("\"E\":5", "\"E\"5"), "expected ':'"},
            {"MALFORMED_JSON", ok.replace("{\"stream\"", "{\"u\":1,\"stream\""), "fields outside"},
            {"MALFORMED_JSON", ok.replace("\"E\":5,", "\"E\":5,,"), "expected '\"'"},
            {"MISSING_FIELD", ok.replace(",\"pu\":9", ""), "depthUpdate without \"pu\""},
            {"MISSING_FIELD", ok.replace(",\"T\":4", ""), "depthUpdate without \"T\""},
            {"MISSING_FIELD", ok.replace("\"s\":\"BTCUSDT\",", ""), "depthUpdate without \"s\""},
            {"MISSING_FIELD", ok.replace(",\"a\":[[\"100.2\",\"0.500\"]]", ""), "depthUpdate without \"a\""},
            {"MISSING_FIELD", ok.replace("\"u\":20", "\"u\":20,\"u\":21"), "\"u\" appears twice"},
            {"MISSING_FIELD", "1723161255030314667 {}", "neither a stream message"},
            {"MISSING_FIELD", ok.replace("\"stream\":\"btcusdt@depth@0ms\",", ""), "without \"stream\""},
            {"MISSING_FIELD", "1723161255030314667 {\"stream\":\"btcusdt@depth@0ms\"}", "without \"data\""},
            {"MISSING_FIELD", ok.replace("\"e\":\"depthUpdate\",", ""), "message without \"e\""},
            {"UNKNOWN_EVENT", ok.replace("\"e\":\"depthUpdate\"", "\"e\":\"depthUpdat\""), "carries event type 'depthUpdat'"},
            {"UNKNOWN_EVENT", ok.replace("@depth@0ms", "@kline_1m"), "unknown stream 'btcusdt@kline_1m'"},
            {"UNKNOWN_EVENT", ok.replace("@depth@0ms", "@depth20@100ms"), "unknown stream"},
            {"UNKNOWN_EVENT", ok.replace("btcusdt@depth@0ms", "btcusdt"), "is not <symbol>@<channel>"},
            {"UNKNOWN_EVENT", "1723161255030314667 {\"e\":\"forceOrder\",\"E\":1}", "unknown event type 'forceOrder'"},
            {"WRONG_SYMBOL", ok.replace("\"s\":\"BTCUSDT\"", "\"s\":\"ETHUSDT\""), "symbol 'ETHUSDT' does not match stream"},
            {"WRONG_SYMBOL", ok.replace("\"s\":\"BTCUSDT\"", "\"s\":\"BTC-USDT\""), "bad symbol 'BTC-USDT'"},
            {"WRONG_SYMBOL", ok.replace("\"s\":\"BTCUSDT\"", "\"s\":\"\""), "bad symbol ''"},
            {"BAD_NUMBER", ok.replace("\"1.000\"", "\"abc\""), "bad quantity in \"b\""},
            {"BAD_NUMBER", ok.replace("\"1.000\"", "\"1.0001\""), "more than 3 decimals"},
            {"BAD_NUMBER", ok.replace("\"1.000\"", "\"\""), "empty number"},
            {"BAD_NUMBER", ok.replace("\"100.2\"", "\"1e2\""), "bad price in \"a\""},
            {"BAD_NUMBER", ok.replace("\"U\":10", "\"U\":\"10\""), "\"U\" must be a non-negative whole number"},
            {"BAD_NUMBER", ok.replace("\"pu\":9", "\"pu\":-9"), "\"pu\" must be a non-negative whole number, not '-9'"},
            {"BAD_NUMBER", ok.replace("\"u\":20", "\"u\":20.5"), "\"u\" must be a non-negative whole number"},
            {"BAD_NUMBER", ok.replace("\"E\":5", "\"E\":99999999999999999999"), "\"E\" does not fit in a long"},
            {"BAD_VALUE", ok.replace("\"1.000\"", "\"-1.000\""), "negative quantity -1.000 in \"b\""},
            {"BAD_VALUE", ok.replace("\"100.2\"", "\"-100.2\""), "negative price -100.2 in \"a\""},
            {"BAD_VALUE", ok.replace("\"100.2\"", "\"0.0\""), "price 0.0 in \"a\" is not positive"},
            {"BAD_VALUE", ok.replace("\"U\":10", "\"U\":30"), "U 30 is greater than u 20"},
            {"NO_INSTRUMENT", "1723161255030314667 {\"lastUpdateId\":7,\"E\":1,\"T\":1,\"bids\":[],\"asks\":[]}",
                "snapshot before any depth event"},
        };
        for (String[] c : cases) {
            ScannedMessage m = scan(futures, c[1]);
            assertEquals(ScannedMessage.Kind.ERROR, m.kind(), c[1]);
            assertEquals(ScanProblem.valueOf(c[0]), m.problem(), c[1] + " -> " + m.message());
            assertTrue(m.message().contains(c[2]), c[1] + " -> " + m.message());
            seen.merge(m.problem(), 1, Integer::sum);
        }
        assertEquals(ScanProblem.values().length, seen.size(), "every problem type is covered: " + seen);
    }

    @Test
    void rejectsMissingSnapshotFieldsPerVenue() {
        String futuresSnapshot = "1723161255030314667 {\"lastUpdateId\":7,\"E\":1,\"T\":1,\"bids\":[],\"asks\":[]}";
        assertEquals(ScannedMessage.Kind.SNAPSHOT, scan(futures, futuresSnapshot, BTC_PERP).kind());
        ScannedMessage m = scan(futures, futuresSnapshot.replace("\"T\":1,", ""), BTC_PERP);
        assertEquals(ScanProblem.MISSING_FIELD, m.problem());
        assertEquals("snapshot without \"T\"", m.message());
        assertEquals(ScannedMessage.Kind.SNAPSHOT, scan(spot, futuresSnapshot.replace("\"E\":1,\"T\":1,", ""), BTC_SPOT).kind());
        m = scan(spot, futuresSnapshot.replace(",\"asks\":[]", ""), BTC_SPOT);
        assertEquals("snapshot without \"asks\"", m.message());
    }

    @Test
    void rejectsASpotEventOnTheFuturesVenueForItsMissingFields() {
        String spotShape = "1723161253937085768 {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
                + "\"E\":1,\"s\":\"BTCUSDT\",\"U\":5,\"u\":6,\"b\":[],\"a\":[]}}";
        assertEquals(ScannedMessage.Kind.DEPTH, scan(spot, spotShape).kind());
        ScannedMessage m = scan(futures, spotShape);
        assertEquals(ScanProblem.MISSING_FIELD, m.problem());
        assertEquals("depthUpdate without \"T\"", m.message());
        m = scan(futures, TestData.firstLineWith(Recordings.SPOT_BTCUSDT_20240808, "@depth@100ms"));
        assertEquals(ScanProblem.BAD_NUMBER, m.problem(), "spot prices have more decimals than the futures tick");
    }

    @Test
    void rejectsARealQuantityWithMoreDecimalsThanTheInstrumentsScaleInsteadOfRoundingIt() {
        String line = TestData.lines(Recordings.SPOT_BTCUSDT_20240808).get(1885);
        ScannedMessage m = scan(spot, line);
        if (BTC_SPOT.qtyScale() < 6) {
            assertEquals(ScanProblem.BAD_NUMBER, m.problem());
            assertEquals("bad quantity in \"a\" at scale " + BTC_SPOT.qtyScale() + ": not an exact decimal (more than "
                    + BTC_SPOT.qtyScale() + " decimals): \"25.42618900\"", m.message());
        }
        ScannedMessage wide = scan(new BinanceScanner(Venue.BINANCE_SPOT, id -> new InstrumentSpec(id, 2, 8, 1, 1)), line);
        assertEquals(ScannedMessage.Kind.DEPTH, wide.kind());
        boolean found = false;
        for (int i = 0; i < wide.askCount(); i++) {
            found |= wide.askQty(i) == 2542618900L;
        }
        assertTrue(found);
    }

    @Test
    void neverThrowsOnCorruptedRealLines() {
        String line = TestData.firstLineWith(Recordings.USDM_BTCUSDT_20240808, "@depth@0ms");
        java.util.Random random = new java.util.Random(42);
        byte[] chars = "{}[]\",:0-.9eE \\a".getBytes(StandardCharsets.US_ASCII);
        int errors = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] b = line.getBytes(StandardCharsets.US_ASCII);
            for (int k = 0; k <= i % 3; k++) {
                b[20 + random.nextInt(b.length - 20)] = chars[random.nextInt(chars.length)];
            }
            int end = i % 5 == 0 ? 20 + random.nextInt(b.length - 20) : b.length;
            ScannedMessage m = futures.scan(b, 0, end, BTC_PERP);
            assertNotNull(m.kind());
            if (m.kind() == ScannedMessage.Kind.ERROR) {
                errors++;
                assertNotNull(m.problem());
                assertTrue(!m.message().startsWith("unreadable"), m.message());
            } else {
                assertNull(m.problem());
            }
        }
        assertTrue(errors > 1000, "most corruptions are detected: " + errors);
    }

    @Test
    void scansEveryLineOfTheRealRecordingsAsProvenanceCounts() {
        int[] counts = countKinds(futures, TestData.lines(Recordings.USDM_BTCUSDT_20240808), BTC_PERP);
        assertEquals(6551, counts[ScannedMessage.Kind.DEPTH.ordinal()]);
        assertEquals(1, counts[ScannedMessage.Kind.SNAPSHOT.ordinal()]);
        assertEquals(66089 + 21313, counts[ScannedMessage.Kind.SKIPPED.ordinal()]);
        assertEquals(0, counts[ScannedMessage.Kind.ERROR.ordinal()]);
        BinanceScanner wideSpot = new BinanceScanner(Venue.BINANCE_SPOT, id -> new InstrumentSpec(id, 2, 8, 1, 1));
        counts = countKinds(wideSpot, TestData.lines(Recordings.SPOT_BTCUSDT_20240809), BTC_SPOT);
        assertEquals(3044, counts[ScannedMessage.Kind.DEPTH.ordinal()]);
        assertEquals(45134 + 10147, counts[ScannedMessage.Kind.SKIPPED.ordinal()]);
        assertEquals(0, counts[ScannedMessage.Kind.ERROR.ordinal()]);
    }

    private static int[] countKinds(BinanceScanner s, List<String> lines, InstrumentSpec spec) {
        int[] counts = new int[ScannedMessage.Kind.values().length];
        for (String l : lines) {
            ScannedMessage m = scan(s, l, spec);
            counts[m.kind().ordinal()]++;
            if (m.kind() == ScannedMessage.Kind.ERROR) {
                System.err.println(m.message() + ": " + l.substring(0, Math.min(200, l.length())));
            }
        }
        return counts;
    }

    /** Compares every level with an independent regex read of the same JSON text. */
    private static void assertLevels(String line, String startKey, String endMarker, ScannedMessage m, boolean bids,
            InstrumentSpec spec) {
        int from = line.indexOf(startKey);
        int to = line.indexOf(endMarker, from + startKey.length());
        String segment = line.substring(from, to < 0 ? line.length() : to + (endMarker.startsWith("]") ? 2 : 0));
        Matcher matcher = LEVEL.matcher(segment);
        List<long[]> expected = new ArrayList<>();
        while (matcher.find()) {
            expected.add(new long[] {new BigDecimal(matcher.group(1)).movePointRight(spec.priceScale()).longValueExact(),
                new BigDecimal(matcher.group(2)).movePointRight(spec.qtyScale()).longValueExact()});
        }
        assertTrue(expected.size() > 0);
        assertEquals(expected.size(), bids ? m.bidCount() : m.askCount());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], bids ? m.bidPrice(i) : m.askPrice(i), "price " + i);
            assertEquals(expected.get(i)[1], bids ? m.bidQty(i) : m.askQty(i), "qty " + i);
        }
    }

    private ScannedMessage live(String frame) {
        byte[] b = frame.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return futures.scanMessage(b, 0, b.length, 1L, null);
    }

    @Test
    void sessionMessagesOfALiveConnectionAreControlNotMalformed() {
        ScannedMessage bare = live("{\"e\":\"serverShutdown\",\"E\":1727168113000}");
        assertEquals(ScannedMessage.Kind.CONTROL, bare.kind());
        assertEquals("serverShutdown", bare.message());
        ScannedMessage wrapped = live("{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":1}}");
        assertEquals(ScannedMessage.Kind.CONTROL, wrapped.kind(), String.valueOf(wrapped.message()));
        assertEquals("serverShutdown", wrapped.message());
        ScannedMessage answer = live("{\"result\":null,\"id\":7}");
        assertEquals(ScannedMessage.Kind.CONTROL, answer.kind());
        assertEquals("answer to request 7", answer.message());
        ScannedMessage other = live("{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"somethingElse\",\"E\":1}}");
        assertEquals(ScannedMessage.Kind.ERROR, other.kind());
        assertEquals(ScanProblem.UNKNOWN_EVENT, other.problem());
    }
}
