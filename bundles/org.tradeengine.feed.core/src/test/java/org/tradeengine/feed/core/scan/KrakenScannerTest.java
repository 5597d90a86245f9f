// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.core.kraken.KrakenSession;
import org.tradeengine.feed.core.kraken.ReferenceBooks;
import org.tradeengine.feed.core.sync.SyncRules;

class KrakenScannerTest {

    private static final InstrumentSpec ETH = InstrumentSpecs.lookup(InstrumentId.ofVenueSymbol(Venue.KRAKEN_FUTURES,
            "PI_ETHUSD"));
    private static final Pattern LEVEL = Pattern.compile("\\{\"price\":([^,}]+),\"qty\":([^,}]+)\\}");
    private static final String DELTA = "{\"feed\":\"book\",\"product_id\":\"PI_ETHUSD\",\"side\":\"sell\",\"seq\":26660860,"
            + "\"price\":2004.6,\"qty\":1500.0,\"timestamp\":1626994928036}";
    private static final String SNAPSHOT = "{\"feed\":\"book_snapshot\",\"product_id\":\"PI_ETHUSD\",\"timestamp\":1626994927674,"
            + "\"seq\":26660859,\"tickSize\":null,\"bids\":[{\"price\":2003.9,\"qty\":2234.0},{\"price\":2003.3,\"qty\":35826.0}],"
            + "\"asks\":[{\"price\":2004.6,\"qty\":5000.0}]}";

    private final KrakenScanner scanner = new KrakenScanner();

    private ScannedMessage frame(String text) {
        byte[] b = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);   // the frame sits inside a bigger buffer
        return scanner.scanMessage(b, 2, b.length - 2, 77L);
    }

    private ScannedMessage line(String text) {
        byte[] b = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
        return scanner.scan(b, 2, b.length - 2);
    }

    @Test
    void readsABookDeltaAsAnUpdateOfOneLevelWithTheKrakenIds() {
        ScannedMessage m = frame(DELTA);
        assertEquals(ScannedMessage.Kind.DEPTH, m.kind(), m.message());
        assertEquals(ETH, m.spec());
        assertEquals("PI_ETHUSD.KRAKEN_FUTURES", m.spec().id().toString());
        assertEquals(26660860L, m.firstId());
        assertEquals(26660860L, m.lastId());
        assertEquals(26660859L, m.prevId());
        assertEquals(1626994928036L, m.eventTime());
        assertEquals(77L, m.localTimeNanos());
        assertEquals(0, m.bidCount());
        assertEquals(1, m.askCount());
        assertEquals(0, new BigDecimal("2004.6").compareTo(FixedPoint.toBigDecimal(m.askPrice(0), ETH.priceScale())));
        assertEquals(0, new BigDecimal("1500").compareTo(FixedPoint.toBigDecimal(m.askQty(0), ETH.qtyScale())));
        BookDelta d = m.toUpdate(SyncRules.KRAKEN.previousId(m.firstId(), m.prevId()));
        assertEquals(BookDelta.Kind.UPDATE, d.kind());
        assertEquals(26660859L, d.previousUpdateId());
        assertEquals(1626994928036L, d.exchangeTimeMillis());

        m = frame(DELTA.replace("\"sell\"", "\"buy\""));
        assertEquals(1, m.bidCount());
        assertEquals(0, m.askCount());
    }

    @Test
    void readsABookSnapshotWithItsSeqAsEveryId() {
        ScannedMessage m = frame(SNAPSHOT);
        assertEquals(ScannedMessage.Kind.SNAPSHOT, m.kind(), m.message());
        BookDelta d = m.toSnapshot();
        assertEquals(BookDelta.Kind.SNAPSHOT, d.kind());
        assertEquals(26660859L, d.firstUpdateId());
        assertEquals(26660859L, d.lastUpdateId());
        assertEquals(26660859L, d.previousUpdateId());
        assertEquals(1626994927674L, d.exchangeTimeMillis());
        assertEquals(2, d.bidCount());
        assertEquals(1, d.askCount());
        assertEquals(200390000000L, d.bidPrice(0));
        assertEquals(3582600000000L, d.bidQty(1));
    }

    @Test
    void readsExponentFormsExactlyAndRefusesThemWhenInexact() {
        String[][] exact = {
            {"1e-05", "0.00001"}, {"2.5E3", "2500"}, {"1E+2", "100"}, {"0.000010", "0.00001"}, {"20108.0", "20108"},
            {"0", "0"}, {"1.50e1", "15"}, {"0.00000001", "0.00000001"}, {"123456789.12345678", "123456789.12345678"},
            {"1000000000000000000000e-12", "1000000000"}, {"0.0000000100000000000000", "0.00000001"},
        };
        for (String[] c : exact) {
            ScannedMessage m = frame(DELTA.replace("\"qty\":1500.0", "\"qty\":" + c[0]));
            assertEquals(ScannedMessage.Kind.DEPTH, m.kind(), c[0] + " -> " + m.message());
            assertEquals(0, new BigDecimal(c[1]).compareTo(FixedPoint.toBigDecimal(m.askQty(0), ETH.qtyScale())), c[0]);
        }
        for (String bad : new String[] {"1e-9", "0.123456789", "1.5e-8", "1e300", "99999999999e9"}) {
            ScannedMessage m = frame(DELTA.replace("\"qty\":1500.0", "\"qty\":" + bad));
            assertEquals(ScanProblem.BAD_NUMBER, m.problem(), bad + " -> " + m.message());
        }
    }

    @Test
    void acceptsKeysInAnyOrderAndProductIdsInAnyCase() {
        String shuffled = "{\"qty\":1500.0,\"timestamp\":1626994928036,\"price\":2004.6,\"seq\":26660860,\"side\":\"sell\","
                + "\"extra\":{\"a\":[1,\"x\"]},\"product_id\":\"pi_ethusd\",\"feed\":\"book\"}";
        ScannedMessage m = frame(shuffled);
        assertEquals(ScannedMessage.Kind.DEPTH, m.kind(), m.message());
        assertSame(ETH.id(), m.spec().id().equals(ETH.id()) ? ETH.id() : m.spec().id());
        assertEquals(ETH, m.spec());
        assertEquals(200460000000L, m.askPrice(0));
        String snapshot = "{ \"asks\" : [ { \"qty\" : 5000.0 , \"price\" : 2004.6 } ] , \"bids\":[], \"seq\":9,"
                + "\"product_id\":\"Pi_EthUsd\",\"feed\":\"book_snapshot\" }";
        m = frame(snapshot);
        assertEquals(ScannedMessage.Kind.SNAPSHOT, m.kind(), m.message());
        assertEquals(ETH, m.spec());
        assertEquals(1, m.askCount());
        assertEquals(500000000000L, m.askQty(0));
        assertEquals(0L, m.eventTime(), "timestamp is optional");
        m = frame("{\"feed\":\"book\",\"product_id\":\"FI_XBTUSD_210730\",\"side\":\"BUY\",\"seq\":1,\"price\":1,\"qty\":1}");
        assertEquals("FI_XBTUSD_210730.KRAKEN_FUTURES", m.spec().id().toString());
    }

    @Test
    void readsARecordedLineWithItsLocalTimestamp() {
        ScannedMessage m = line("1626994928036123456 " + DELTA);
        assertEquals(ScannedMessage.Kind.DEPTH, m.kind(), m.message());
        assertEquals(1626994928036123456L, m.localTimeNanos());
        m = line("1626994928036123 " + DELTA);
        assertEquals(1626994928036123000L, m.localTimeNanos(), "microseconds are accepted");
        assertEquals(ScannedMessage.Kind.BLANK, line("   ").kind());
        assertEquals(ScannedMessage.Kind.BLANK, frame("").kind());
    }

    @Test
    void classifiesSessionEventsAndNamesTheProductOfAFailure() {
        assertControl("{\"event\":\"info\",\"version\":1}", KrakenEvent.INFO, null);
        assertControl("{\"event\":\"subscribed\",\"feed\":\"book\",\"product_ids\":[\"PI_ETHUSD\"]}", KrakenEvent.SUBSCRIBED, ETH);
        assertControl("{\"event\":\"unsubscribed\",\"feed\":\"book\",\"product_ids\":[\"pi_ethusd\"]}", KrakenEvent.UNSUBSCRIBED,
                ETH);
        ScannedMessage m = assertControl("{\"event\":\"error\",\"message\":\"Invalid product id\"}", KrakenEvent.ERROR, null);
        assertEquals("error: Invalid product id", m.message());
        m = assertControl("{\"event\":\"subscribed_failed\",\"feed\":\"book\",\"product_ids\":[\"PI_ETHUSD\"]}",
                KrakenEvent.SUBSCRIBED_FAILED, ETH);
        assertEquals("subscribed_failed feed book products [\"PI_ETHUSD\"]", m.message());
        m = assertControl("{\"event\":\"alert\",\"message\":\"Couldn't subscribe to invalid product `PI_ETHUSD`\"}",
                KrakenEvent.ALERT, ETH);
        assertTrue(m.message().startsWith("alert: Couldn't subscribe"), m.message());
        assertTrue(KrakenEvent.ALERT.isFailure() && !KrakenEvent.SUBSCRIBED.isFailure());
        assertEquals(ScannedMessage.Kind.SKIPPED, frame("{\"feed\":\"heartbeat\",\"time\":1534262350627}").kind());
        assertEquals(KrakenEvent.NONE, scanner.event());
    }

    private ScannedMessage assertControl(String text, KrakenEvent event, InstrumentSpec spec) {
        ScannedMessage m = frame(text);
        assertEquals(ScannedMessage.Kind.CONTROL, m.kind(), text + " -> " + m.message());
        assertEquals(event, scanner.event(), text);
        assertEquals(spec, m.spec(), text);
        return m;
    }

    @Test
    void rejectsEveryErrorClassWithATypedProblemSayingWhatAndWhere() {
        assertEquals(ScannedMessage.Kind.DEPTH, frame(DELTA).kind());
        Map<ScanProblem, Integer> seen = new EnumMap<>(ScanProblem.class);
        String ok = DELTA;
        String[][] cases = {
            {"BAD_LINE", "line", DELTA, "expected '<local timestamp ns> <frame>'"},
            {"BAD_LINE", "line", "1626994928036 " + DELTA, "neither nanoseconds nor microseconds"},
            {"MALFORMED_JSON", "frame", ok.substring(0, 60), "missing value at column 61"},
            {"MALFORMED_JSON", "frame", ok.substring(0, 50), "unterminated string at column 48"},
            {"MALFORMED_JSON", "frame", ok.substring(0, ok.length() - 1), "expected ',' or '}' at column"},
            {"MALFORMED_JSON", "frame", ok + "}", "text after the JSON object at column 124"},
            {"MALFORMED_JSON", "frame", ok.replace("\"seq\":", "\"seq\""), "expected ':' at column 60"},
            {"MALFORMED_JSON", "frame", "[1,2]", "expected '{' at column 1"},
            {"MALFORMED_JSON", "frame", ok.replace("\"side\":\"sell\"", "\"side\":1"), "\"side\" at column 48 must be a string"},
            {"MISSING_FIELD", "frame", ok.replace(",\"seq\":26660860", ""), "book delta without \"seq\""},
            {"MISSING_FIELD", "frame", ok.replace("\"qty\":1500.0", "\"qty\":1,\"qty\":2"), "\"qty\" appears twice"},
            {"MISSING_FIELD", "frame", "{\"version\":1}", "neither \"feed\" nor \"event\""},
            {"MISSING_FIELD", "frame", SNAPSHOT.replace("{\"price\":2004.6,", "{"), "level of \"asks\" at column"},
            {"UNKNOWN_EVENT", "frame", ok.replace("\"book\"", "\"book_ui\""), "unknown feed 'book_ui' (column 10)"},
            {"UNKNOWN_EVENT", "frame", "{\"event\":\"challenge\",\"message\":\"x\"}", "unknown event 'challenge'"},
            {"WRONG_SYMBOL", "frame", ok.replace("PI_ETHUSD", "PI-ETHUSD"), "bad product_id 'PI-ETHUSD' at column 30"},
            {"WRONG_SYMBOL", "frame", ok.replace("PI_ETHUSD", ""), "bad product_id ''"},
            {"BAD_NUMBER", "frame", ok.replace("1500.0", "abc"), "qty abc at column 91 is not a JSON number"},
            {"BAD_NUMBER", "frame", ok.replace("1500.0", "\"1500.0\""), "is not a JSON number"},
            {"BAD_NUMBER", "frame", ok.replace("1500.0", "null"), "qty null"},
            {"BAD_NUMBER", "frame", ok.replace("2004.6", "2004.123456789"), "price 2004.123456789 at column 78 is not exact"},
            {"BAD_NUMBER", "frame", ok.replace("26660860", "-1"), "\"seq\" -1 at column"},
            {"BAD_NUMBER", "frame", ok.replace("1500.0", "1."), "is not a JSON number"},
            {"BAD_VALUE", "frame", ok.replace("1500.0", "-1.0"), "book delta PI_ETHUSD: qty -1.0 at column 91 is negative"},
            {"BAD_VALUE", "frame", ok.replace("2004.6", "0"), "price 0 at column 78 is not positive"},
            {"BAD_VALUE", "frame", ok.replace("2004.6", "-2004.6"), "is not positive"},
            {"BAD_VALUE", "frame", ok.replace("\"sell\"", "\"hold\""), "side 'hold' at column 49 is neither buy nor sell"},
            {"BAD_VALUE", "frame", SNAPSHOT.replace("35826.0", "-3"), "bids PI_ETHUSD: qty -3 at column"},
        };
        for (String[] c : cases) {
            ScannedMessage m = c[1].equals("line") ? line(c[2]) : frame(c[2]);
            assertEquals(ScannedMessage.Kind.ERROR, m.kind(), c[2]);
            assertEquals(ScanProblem.valueOf(c[0]), m.problem(), c[2] + " -> " + m.message());
            assertTrue(m.message().contains(c[3]), c[2] + " -> " + m.message());
            seen.merge(m.problem(), 1, Integer::sum);
        }
        seen.put(ScanProblem.NO_INSTRUMENT, 0);   // Binance only: Kraken snapshots name their product
        assertEquals(ScanProblem.values().length, seen.size(), "every problem type is covered: " + seen);
        ScannedMessage m = frame(ok.replace("1500.0", "-1.0"));
        assertEquals(ETH, m.spec(), "a rejected frame still names its product, so the feed counts it there");
    }

    @Test
    void scansEveryFrameOfTheRealSessionAsProvenanceCounts() {
        int[] counts = new int[ScannedMessage.Kind.values().length];
        int zeroQty = 0;
        int subscribed = 0;
        int levels = 0;
        for (KrakenSession.Frame f : KrakenSession.frames()) {
            byte[] b = f.text().getBytes(StandardCharsets.UTF_8);
            ScannedMessage m = scanner.scanMessage(b, 0, b.length, f.localTimeNanos());
            counts[m.kind().ordinal()]++;
            assertNotNull(m.kind());
            assertNull(m.problem(), () -> m.message() + ": " + f.text());
            if (m.kind() == ScannedMessage.Kind.DEPTH) {
                assertEquals(1, m.bidCount() + m.askCount());
                long qty = m.bidCount() == 1 ? m.bidQty(0) : m.askQty(0);
                long price = m.bidCount() == 1 ? m.bidPrice(0) : m.askPrice(0);
                zeroQty += qty == 0 ? 1 : 0;
                assertEquals(0, new BigDecimal(ReferenceBooks.field(f.text(), "qty")).compareTo(dec(qty, m.spec().qtyScale())));
                assertEquals(0, new BigDecimal(ReferenceBooks.field(f.text(), "price")).compareTo(dec(price,
                        m.spec().priceScale())));
                assertEquals(Long.parseLong(ReferenceBooks.field(f.text(), "seq")), m.lastId());
                assertEquals(ReferenceBooks.field(f.text(), "side").equals("buy"), m.bidCount() == 1);
                assertEquals(ReferenceBooks.field(f.text(), "product_id"), m.spec().id().venueSymbol());
            } else if (m.kind() == ScannedMessage.Kind.SNAPSHOT) {
                levels += assertSnapshotLevels(f.text(), m);
            } else if (m.kind() == ScannedMessage.Kind.CONTROL && scanner.event() == KrakenEvent.SUBSCRIBED) {
                subscribed++;
                assertNotNull(m.spec());
            }
        }
        assertEquals(10, counts[ScannedMessage.Kind.SNAPSHOT.ordinal()]);
        assertEquals(7014, counts[ScannedMessage.Kind.DEPTH.ordinal()]);
        assertEquals(2400, zeroQty);
        assertEquals(10 + 3 + 107, counts[ScannedMessage.Kind.SKIPPED.ordinal()], "trade_snapshot, trade, ticker_lite");
        assertEquals(1 + 30, counts[ScannedMessage.Kind.CONTROL.ordinal()], "info + subscribed");
        assertEquals(30, subscribed);
        assertEquals(0, counts[ScannedMessage.Kind.ERROR.ordinal()]);
        assertTrue(levels > 359 + 294, "the PI_ETHUSD snapshot alone has 359 + 294 levels: " + levels);

        int recorded = 0;
        for (String l : KrakenSession.recordedLines()) {
            ScannedMessage m = line(l);
            assertNull(m.problem(), m.message());
            recorded += m.kind() == ScannedMessage.Kind.DEPTH ? 1 : 0;
        }
        assertEquals(7014, recorded, "the recorder's line format reads the same");
    }

    private static int assertSnapshotLevels(String text, ScannedMessage m) {
        int bidsAt = text.indexOf("\"bids\":");
        int asksAt = text.indexOf("\"asks\":");
        Matcher bids = LEVEL.matcher(text.substring(bidsAt, asksAt));
        int i = 0;
        while (bids.find()) {
            assertEquals(0, new BigDecimal(bids.group(1)).compareTo(dec(m.bidPrice(i), m.spec().priceScale())));
            assertEquals(0, new BigDecimal(bids.group(2)).compareTo(dec(m.bidQty(i), m.spec().qtyScale())));
            i++;
        }
        assertEquals(i, m.bidCount());
        Matcher asks = LEVEL.matcher(text.substring(asksAt));
        int j = 0;
        while (asks.find()) {
            assertEquals(0, new BigDecimal(asks.group(1)).compareTo(dec(m.askPrice(j), m.spec().priceScale())));
            assertEquals(0, new BigDecimal(asks.group(2)).compareTo(dec(m.askQty(j), m.spec().qtyScale())));
            j++;
        }
        assertEquals(j, m.askCount());
        assertEquals(Long.parseLong(ReferenceBooks.field(text, "seq")), m.lastId());
        return i + j;
    }

    private static BigDecimal dec(long raw, int scale) {
        return FixedPoint.toBigDecimal(raw, scale);
    }

    @Test
    void neverThrowsOnCorruptedRealFrames() {
        List<KrakenSession.Frame> frames = KrakenSession.frames();
        Random random = new Random(7);
        byte[] chars = "{}[]\",:0-.9eE \\a_".getBytes(StandardCharsets.US_ASCII);
        int errors = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] b = frames.get(random.nextInt(frames.size())).text().getBytes(StandardCharsets.UTF_8);
            for (int k = 0; k <= i % 3; k++) {
                b[random.nextInt(b.length)] = chars[random.nextInt(chars.length)];
            }
            int end = i % 5 == 0 ? random.nextInt(b.length) : b.length;
            ScannedMessage m = scanner.scanMessage(b, 0, end, 1);
            assertNotNull(m.kind());
            if (m.kind() == ScannedMessage.Kind.ERROR) {
                errors++;
                assertNotNull(m.problem());
                assertTrue(!m.message().startsWith("unreadable"), m.message());
            } else {
                assertNull(m.problem());
            }
        }
        assertTrue(errors > 1500, "most corruptions are detected: " + errors);
    }

    @Test
    void allocatesNothingForGoodFrames() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(mx instanceof com.sun.management.ThreadMXBean sun) || !sun.isThreadAllocatedMemorySupported()) {
            return;
        }
        byte[] delta = DELTA.getBytes(StandardCharsets.UTF_8);
        byte[] snapshot = SNAPSHOT.getBytes(StandardCharsets.UTF_8);
        byte[] ack = "{\"event\":\"subscribed\",\"feed\":\"book\",\"product_ids\":[\"PI_ETHUSD\"]}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20_000; i++) {   // warm up: specs cached, code compiled
            scanner.scanMessage(delta, 0, delta.length, i);
            scanner.scanMessage(snapshot, 0, snapshot.length, i);
            scanner.scanMessage(ack, 0, ack.length, i);
        }
        long tid = Thread.currentThread().getId();
        long before = sun.getThreadAllocatedBytes(tid);
        long depth = 0;
        for (int i = 0; i < 100_000; i++) {
            depth += scanner.scanMessage(delta, 0, delta.length, i).kind() == ScannedMessage.Kind.DEPTH ? 1 : 0;
            scanner.scanMessage(snapshot, 0, snapshot.length, i);
            scanner.scanMessage(ack, 0, ack.length, i);
        }
        long allocated = sun.getThreadAllocatedBytes(tid) - before;
        assertEquals(100_000, depth);
        assertTrue(allocated < 100_000, "300,000 good frames allocated " + allocated + " bytes");
    }
}
