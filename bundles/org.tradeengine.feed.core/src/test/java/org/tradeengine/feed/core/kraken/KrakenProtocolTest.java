// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.kraken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookIntegrity;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.core.live.FrameSink;
import org.tradeengine.feed.core.live.LiveFeedSettings;
import org.tradeengine.feed.core.sync.BookSync;
import org.tradeengine.feed.core.sync.SyncOutput;
import org.tradeengine.feed.core.sync.SyncRules;

class KrakenProtocolTest {

    private static final Function<InstrumentId, InstrumentSpec> SPECS = InstrumentSpecs::lookup;
    private static final InstrumentSpec ETH = spec("PI_ETHUSD");
    private static final InstrumentSpec XRP = spec("PI_XRPUSD");
    private static final InstrumentSpec LTC = spec("PI_LTCUSD");

    private static InstrumentSpec spec(String product) {
        return SPECS.apply(InstrumentId.ofVenueSymbol(Venue.KRAKEN_FUTURES, product));
    }

    private static KrakenProtocol protocol(String instruments) {
        LiveFeedSettings settings = LiveFeedSettings.of(Venue.KRAKEN_FUTURES, KrakenProtocol.WS_URL, KrakenProtocol.REST_URL,
                "", Map.of("feed.id", "kraken", "instruments", instruments));
        return new KrakenProtocol(settings, SPECS);
    }

    /** Records what the protocol reports, one call per frame. */
    static final class RecordingSink implements FrameSink {
        final List<String> calls = new ArrayList<>();
        final List<BookDelta> deltas = new ArrayList<>();
        InstrumentSpec lastInstrument;

        @Override
        public void update(InstrumentSpec instrument, BookDelta update) {
            calls.add("update " + instrument.id().venueSymbol());
            deltas.add(update);
            lastInstrument = instrument;
        }

        @Override
        public void snapshot(InstrumentSpec instrument, BookDelta snapshot) {
            calls.add("snapshot " + instrument.id().venueSymbol());
            deltas.add(snapshot);
            lastInstrument = instrument;
        }

        @Override
        public void malformed(InstrumentSpec instrument, String what) {
            calls.add("malformed " + name(instrument) + " " + what);
            lastInstrument = instrument;
        }

        @Override
        public void skipped(InstrumentSpec instrument) {
            calls.add("skipped " + name(instrument));
            lastInstrument = instrument;
        }

        @Override
        public void sessionEnding(String why) {
            calls.add("sessionEnding " + why);
        }

        @Override
        public void venueError(InstrumentSpec instrument, String what) {
            calls.add("venueError " + name(instrument) + " " + what);
            lastInstrument = instrument;
        }

        private static String name(InstrumentSpec s) {
            return s == null ? "-" : s.id().venueSymbol();
        }

        long count(String prefix) {
            return calls.stream().filter(c -> c.startsWith(prefix)).count();
        }
    }

    private static void frame(KrakenProtocol p, String text, FrameSink sink) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[b.length + 16];   // the feed may hand over a longer buffer
        System.arraycopy(b, 0, buffer, 0, b.length);
        p.onFrame(buffer, b.length, 1L, sink);
    }

    @Test
    void subscribesEachProductsBookAndTheHeartbeatOnOpen() {
        KrakenProtocol p = protocol("pi_ethusd,PI_XRPUSD");
        List<String> open = p.onOpen(List.of(ETH, XRP));
        assertEquals(List.of("{\"event\":\"subscribe\",\"feed\":\"book\",\"product_ids\":[\"PI_ETHUSD\"]}",
                "{\"event\":\"subscribe\",\"feed\":\"book\",\"product_ids\":[\"PI_XRPUSD\"]}",
                "{\"event\":\"subscribe\",\"feed\":\"heartbeat\"}"), open);
        assertEquals(URI.create("wss://futures.kraken.com/ws/v1"), p.streamUri(List.of(ETH, XRP)));
        assertNull(p.snapshotUri(ETH), "snapshots come in the stream");
        assertEquals(SyncRules.KRAKEN, p.rules());
        assertEquals(List.of("{\"event\":\"unsubscribe\",\"feed\":\"book\",\"product_ids\":[\"PI_XRPUSD\"]}",
                "{\"event\":\"subscribe\",\"feed\":\"book\",\"product_ids\":[\"PI_XRPUSD\"]}"), p.resubscribe(XRP));
        RecordingSink sink = new RecordingSink();
        p.onSnapshotBody(new byte[] {'{', '}'}, 2, 1L, ETH, sink);
        assertTrue(sink.calls.get(0).startsWith("malformed PI_ETHUSD"), sink.calls.toString());
    }

    @Test
    void pointsTheStreamAtTheConfiguredUrl() {
        LiveFeedSettings settings = LiveFeedSettings.of(Venue.KRAKEN_FUTURES, KrakenProtocol.WS_URL, KrakenProtocol.REST_URL,
                "", Map.of("feed.id", "k", "instruments", "PI_ETHUSD", "ws.url", "ws://127.0.0.1:4711/ws/v1/"));
        assertEquals(URI.create("ws://127.0.0.1:4711/ws/v1"), new KrakenProtocol(settings, SPECS).streamUri(List.of(ETH)));
    }

    @Test
    void buildsEveryProductsBookOfTheRealSessionExactlyAsAnIndependentReference() {
        KrakenProtocol p = protocol("PI_ETHUSD");
        RecordingSink sink = new RecordingSink();
        ReferenceBooks reference = new ReferenceBooks();
        OrderBookFactory factory = ServiceLoader.load(OrderBookFactory.class).findFirst().orElseThrow();
        Map<InstrumentId, OrderBook> books = new LinkedHashMap<>();
        Map<InstrumentId, BookSync> syncs = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (KrakenSession.Frame f : KrakenSession.frames()) {
            int before = sink.deltas.size();
            int calls = sink.calls.size();
            frame(p, f.text(), sink);
            reference.apply(f.text());
            assertEquals(calls + 1, sink.calls.size(), "exactly one report per frame: " + f.text());
            if (sink.deltas.size() == before) {
                continue;
            }
            BookDelta d = sink.deltas.get(before);
            OrderBook book = books.computeIfAbsent(d.instrument(), id -> factory.create(SPECS.apply(id)));
            BookSync sync = syncs.computeIfAbsent(d.instrument(), id -> new BookSync(SyncRules.KRAKEN, 100, new SyncOutput() {
                @Override
                public void emit(BookDelta delta) {
                    BookIntegrity r = book.apply(delta);
                    if (r != BookIntegrity.OK) {
                        problems.add(delta + ": " + r);
                    }
                }

                @Override
                public void broken(String message) {
                    problems.add(message);
                }
            }));
            if (d.isSnapshot()) {
                sync.onSnapshot(d);
            } else {
                sync.onUpdate(d);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(10, sink.count("snapshot "));
        assertEquals(7014, sink.count("update "));
        assertEquals(0, sink.count("malformed") + sink.count("venueError") + sink.count("sessionEnding"));
        assertEquals(10 + 3 + 107 + 1 + 30, sink.count("skipped"), "trades, tickers, info, subscribed acks");
        assertEquals(KrakenSession.products().size(), books.size());
        assertEquals(10, reference.books().size());
        for (Map.Entry<String, ReferenceBooks.Book> e : reference.books().entrySet()) {
            OrderBook book = books.get(InstrumentId.ofVenueSymbol(Venue.KRAKEN_FUTURES, e.getKey()));
            ReferenceBooks.Book ref = e.getValue();
            assertEquals(BookState.LIVE, book.state(), e.getKey());
            assertEquals(ref.seq, book.lastUpdateId(), e.getKey());
            assertEquals(plain(ref.bids), side(book, true), e.getKey() + " bids");
            assertEquals(plain(ref.asks), side(book, false), e.getKey() + " asks");
            assertTrue(ref.bids.size() > 0 && ref.asks.size() > 0, e.getKey());
        }
        assertEquals(3890, reference.book("PI_ETHUSD").deltas, "PI_ETHUSD deltas, as the provenance says");
    }

    /** Price to quantity as plain text without trailing zeros: 2003.90 and 2003.9 are one price. */
    private static Map<String, String> plain(Map<BigDecimal, BigDecimal> side) {
        Map<String, String> levels = new java.util.TreeMap<>();
        side.forEach((price, qty) -> levels.put(price.stripTrailingZeros().toPlainString(), qty.stripTrailingZeros().toPlainString()));
        return levels;
    }

    private static Map<String, String> side(OrderBook book, boolean bids) {
        Map<BigDecimal, BigDecimal> levels = new java.util.TreeMap<>();
        int depth = bids ? book.bidDepth() : book.askDepth();
        for (int i = 0; i < depth; i++) {
            long price = bids ? book.bidPrice(i) : book.askPrice(i);
            long qty = bids ? book.bidQty(i) : book.askQty(i);
            levels.put(FixedPoint.toBigDecimal(price, book.spec().priceScale()).stripTrailingZeros(),
                    FixedPoint.toBigDecimal(qty, book.spec().qtyScale()).stripTrailingZeros());
        }
        return plain(levels);
    }

    @Test
    void reportsAnErrorNamingAProductAsThatProductsVenueError() {
        KrakenProtocol p = protocol("PI_ETHUSD,PI_XRPUSD");
        p.onOpen(List.of(ETH, XRP));
        RecordingSink sink = new RecordingSink();
        frame(p, "{\"event\":\"subscribed_failed\",\"feed\":\"book\",\"product_ids\":[\"pi_xrpusd\"]}", sink);
        assertEquals(XRP, sink.lastInstrument);
        assertTrue(sink.calls.get(0).startsWith("venueError PI_XRPUSD subscribed_failed feed book"), sink.calls.toString());
        frame(p, "{\"event\":\"alert\",\"message\":\"Couldn't subscribe to invalid product `PI_ETHUSD`\"}", sink);
        assertEquals(ETH, sink.lastInstrument);
        frame(p, "{\"event\":\"error\",\"product_id\":\"PI_ETHUSD\",\"message\":\"Json Error\"}", sink);
        assertTrue(sink.calls.get(2).startsWith("venueError PI_ETHUSD error product PI_ETHUSD: Json Error"), sink.calls.get(2));
        frame(p, "{\"event\":\"error\",\"message\":\"Invalid feed\"}", sink);
        assertEquals("venueError - error: Invalid feed", sink.calls.get(3), "an error about no product concerns the session");
    }

    @Test
    void givesAnAnonymousInvalidProductIdToTheOldestUnansweredSubscription() {
        KrakenProtocol p = protocol("PI_ETHUSD,PI_XRPUSD,PI_LTCUSD");
        p.onOpen(List.of(ETH, XRP, LTC));
        RecordingSink sink = new RecordingSink();
        frame(p, "{\"event\":\"subscribed\",\"feed\":\"book\",\"product_ids\":[\"PI_ETHUSD\"]}", sink);
        frame(p, "{\"event\":\"subscribed\",\"feed\":\"heartbeat\"}", sink);
        frame(p, "{\"event\":\"error\",\"message\":\"Invalid product id\"}", sink);
        assertEquals(List.of("skipped PI_ETHUSD", "skipped -",
                "venueError PI_XRPUSD error: Invalid product id (book subscription of PI_XRPUSD)"), sink.calls);
        frame(p, "{\"feed\":\"book_snapshot\",\"product_id\":\"PI_LTCUSD\",\"seq\":5,\"bids\":[],\"asks\":[]}", sink);
        frame(p, "{\"event\":\"error\",\"message\":\"Invalid product id\"}", sink);
        assertEquals("venueError - error: Invalid product id", sink.calls.get(4), "nothing left unanswered");
        p.resubscribe(LTC);
        frame(p, "{\"event\":\"error\",\"message\":\"Invalid product id\"}", sink);
        assertTrue(sink.calls.get(5).startsWith("venueError PI_LTCUSD"), sink.calls.get(5));
    }

    @Test
    void reportsRejectedFramesAsMalformedForTheirProduct() {
        KrakenProtocol p = protocol("PI_ETHUSD");
        RecordingSink sink = new RecordingSink();
        frame(p, "{\"feed\":\"book\",\"product_id\":\"PI_ETHUSD\",\"side\":\"buy\",\"seq\":2,\"price\":1,\"qty\":-1.0}", sink);
        assertEquals(ETH, sink.lastInstrument);
        assertTrue(sink.calls.get(0).startsWith("malformed PI_ETHUSD BAD_VALUE: book delta PI_ETHUSD: qty -1.0 at column"),
                sink.calls.get(0));
        frame(p, "{\"feed\":\"book\",\"product_id\":\"PI_ETHUSD\",\"side\":\"buy\",\"seq\":2,\"pri", sink);
        assertTrue(sink.calls.get(1).startsWith("malformed - MALFORMED_JSON"), sink.calls.get(1));
        frame(p, "{\"feed\":\"book_ui\",\"product_id\":\"PI_ETHUSD\"}", sink);
        assertTrue(sink.calls.get(2).startsWith("malformed PI_ETHUSD UNKNOWN_EVENT: unknown feed 'book_ui'"), sink.calls.get(2));
        frame(p, "", sink);
        assertEquals("malformed - empty frame", sink.calls.get(3));
        frame(p, "{\"feed\":\"heartbeat\",\"time\":1534262350627}", sink);
        assertEquals("skipped -", sink.calls.get(4));
        frame(p, "{\"feed\":\"book\",\"product_id\":\"PI_ETHUSD\",\"side\":\"buy\",\"seq\":2,\"price\":1,\"qty\":3}", sink);
        BookDelta d = sink.deltas.get(0);
        assertEquals(2, d.firstUpdateId());
        assertEquals(2, d.lastUpdateId());
        assertEquals(1, d.previousUpdateId(), "SyncRules.KRAKEN: previous = seq - 1");
        assertEquals(1, d.bidCount());
    }
}
