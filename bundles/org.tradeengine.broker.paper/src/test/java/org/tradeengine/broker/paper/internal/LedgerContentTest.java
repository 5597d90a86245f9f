// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Type;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;

/** The ledger holds exactly the events the listeners got, each written before it was delivered, in a stable format. */
class LedgerContentTest {

    @TempDir
    Path dir;
    private Harness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.broker.close();
        }
    }

    private Path file() {
        return dir.resolve("paper").resolve("ledger.log");
    }

    /** Market orders over several levels, an IOC rest, a resting limit, a trade-through, a cancel, a reject. */
    private void session() {
        h.book.bids("99.9:5", "99.8:5").asks("100.0:1", "100.1:1", "100.2:5");
        h.show(0);
        h.submit(h.market("m1", Side.BUY, "3", 0));
        h.show(50); // 3 taker fills, one per level
        h.submit(h.limit("l1", Side.SELL, "2", "100.5", 50));
        h.show(100); // rests
        h.submit(h.intent("r1", Side.SELL, OrderType.MARKET, "5", null, true, 100)); // would flip: REJECTED
        h.submit(h.limit("c1", Side.BUY, "1", "99.0", 100));
        h.cancel("c1");
        h.submit(h.market("ioc", Side.SELL, "12", 100));
        h.show(150); // 5 + 5 taken, 2 cancelled (IOC)
        h.book.bids("100.5:1").asks("100.6:5");
        h.show(200); // l1 traded through: 2 maker at 100.5
    }

    @Test
    void everyEventTheListenersGotIsInTheLedgerOnceInOrderWithExactValues() throws IOException {
        h = Harness.withLedger(file());
        session();

        List<LedgerEntry> entries = PaperLedger.read(file());
        assertEquals(h.events, entries.stream().map(LedgerEntry::toEvent).toList(), "the same events, equal to the last"
                + " decimal and nanosecond, in the same order");
        List<OrderEvent> fills = h.events.stream().filter(OrderEvent::isFill).toList();
        List<LedgerEntry.Fill> fileFills = entries.stream().filter(e -> e instanceof LedgerEntry.Fill)
                .map(e -> (LedgerEntry.Fill) e).toList();
        assertEquals(6, fills.size());
        assertEquals(fills.size(), fileFills.size());
        for (int i = 0; i < fills.size(); i++) {
            OrderEvent f = fills.get(i);
            LedgerEntry.Fill l = fileFills.get(i);
            assertEquals(f.clientOrderId(), l.clientOrderId());
            assertEquals(f.fillQty(), l.qty());
            assertEquals(f.fillPrice(), l.price());
            assertEquals(f.fee(), l.fee(), "fee exact, scale included");
            assertEquals(f.liquidity(), l.liquidity());
            assertEquals(f.leavesQty(), l.leavesQty());
            assertEquals(f.at(), l.at());
        }
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(i + 1, entries.get(i).seq(), "numbered 1, 2, 3… without gaps");
        }
        PaperLedger.Stats stats = h.broker.status().ledger();
        assertEquals(4, stats.orders()); // m1, l1, c1, ioc
        assertEquals(6, stats.fills());
        assertEquals(2, stats.cancels()); // c1, ioc rest
        assertEquals(1, stats.rejects()); // r1
        assertEquals(0, stats.writeFailures());
        assertEquals(entries.size(), stats.lastSeq());
    }

    @Test
    void theLineFormatIsStable() throws IOException {
        h = Harness.withLedger(file());
        session();
        List<String> lines = Files.readAllLines(file(), StandardCharsets.US_ASCII);
        assertEquals("{\"seq\":1,\"event\":\"ACCEPTED\",\"clientOrderId\":\"m1\",\"correlationId\":\"corr-m1\","
                + "\"instrument\":\"BTCUSDT-PERP.BINANCE_FUTURES\",\"side\":\"BUY\",\"type\":\"MARKET\",\"qty\":\"3.000\","
                + "\"limitPrice\":null,\"reduceOnly\":false,\"reason\":\"test\",\"createdAt\":\"2024-08-08T23:55:00Z\","
                + "\"detail\":\"paper: reaches the simulated venue at 2024-08-08T23:55:00.050Z\","
                + "\"at\":\"2024-08-08T23:55:00Z\"}", lines.get(0));
        assertEquals("{\"seq\":2,\"event\":\"FILL\",\"clientOrderId\":\"m1\",\"correlationId\":\"corr-m1\","
                + "\"instrument\":\"BTCUSDT-PERP.BINANCE_FUTURES\",\"side\":\"BUY\",\"qty\":\"1.000\",\"price\":\"100.0\","
                + "\"fee\":\"0.05000000\",\"liquidity\":\"TAKER\",\"leavesQty\":\"2.000\",\"detail\":\"took ask level 0\","
                + "\"at\":\"2024-08-08T23:55:00.050Z\"}", lines.get(1));
        assertTrue(lines.contains("{\"seq\":5,\"event\":\"ACCEPTED\",\"clientOrderId\":\"l1\",\"correlationId\":\"corr-l1\","
                + "\"instrument\":\"BTCUSDT-PERP.BINANCE_FUTURES\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"qty\":\"2.000\","
                + "\"limitPrice\":\"100.5\",\"reduceOnly\":false,\"reason\":\"test\","
                + "\"createdAt\":\"2024-08-08T23:55:00.050Z\","
                + "\"detail\":\"paper: reaches the simulated venue at 2024-08-08T23:55:00.100Z\","
                + "\"at\":\"2024-08-08T23:55:00.050Z\"}"), String.join("\n", lines));
        assertTrue(lines.contains("{\"seq\":6,\"event\":\"REJECTED\",\"clientOrderId\":\"r1\",\"correlationId\":\"corr-r1\","
                + "\"instrument\":\"BTCUSDT-PERP.BINANCE_FUTURES\",\"side\":\"SELL\",\"qty\":\"5.000\",\"detail\":"
                + "\"reduce-only SELL 5.000 BTCUSDT-PERP.BINANCE_FUTURES would flip the position 3.000 to -2.000\","
                + "\"at\":\"2024-08-08T23:55:00.100Z\"}"), String.join("\n", lines));
        assertTrue(lines.contains("{\"seq\":8,\"event\":\"CANCELLED\",\"clientOrderId\":\"c1\",\"correlationId\":\"corr-c1\","
                + "\"instrument\":\"BTCUSDT-PERP.BINANCE_FUTURES\",\"side\":\"BUY\",\"leavesQty\":\"0.000\","
                + "\"detail\":\"cancelled on request\",\"at\":\"2024-08-08T23:55:00.100Z\"}"), String.join("\n", lines));
    }

    @Test
    void eachEventIsOnDiskBeforeAListenerOrTheCallerSeesIt() {
        h = Harness.withLedger(file());
        List<String> problems = new ArrayList<>();
        h.broker.addListener(e -> {
            if (!inFile(e)) {
                problems.add("delivered before it was written: " + e);
            }
        });
        h.book.bids("99.9:5").asks("100.0:1", "100.1:5");
        h.show(0);
        OrderEvent accepted = h.submit(h.market("a", Side.BUY, "2", 0));
        assertTrue(inFile(accepted), "ACCEPTED is written before submit returns");
        h.show(50);
        h.submit(h.limit("b", Side.BUY, "1", "99.0", 50));
        OrderEvent cancelled = h.cancel("b");
        assertTrue(inFile(cancelled), "CANCELLED is written before cancel returns");
        assertEquals(List.of(), problems);
        assertEquals(5, h.events.size());
    }

    private boolean inFile(OrderEvent e) {
        try {
            return PaperLedger.read(file()).stream().map(LedgerEntry::toEvent).anyMatch(e::equals);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void anyTextSurvivesTheRoundTripAndALineIsPureAscii() throws IOException {
        h = Harness.withLedger(file());
        String odd = "sig \"x\" \\ back\nslash\ttab \u0001 ü € \uD83D\uDE00 lone \uD800 end";
        h.book.bids("99.9:5").asks("100.0:5");
        h.show(0);
        OrderIntent intent = new OrderIntent("id \"1\"\n", odd, h.book.instrument(), Side.BUY, OrderType.LIMIT,
                Quantity.parse("1", 3), org.tradeengine.api.model.Price.parse("99.0", 1), false, odd,
                Instant.parse("2024-08-08T23:55:00.000000001Z"));
        h.submit(intent);
        byte[] bytes = Files.readAllBytes(file());
        for (byte b : bytes) {
            assertTrue(b >= 0x20 && b < 0x7f || b == '\n', "printable ASCII only, got " + b);
        }
        assertEquals(1, new String(bytes, StandardCharsets.US_ASCII).lines().count());
        LedgerEntry.Accepted a = (LedgerEntry.Accepted) PaperLedger.read(file()).get(0);
        assertEquals(intent, a.intent());
        assertEquals(h.events.get(0), a.toEvent());
    }

    @Test
    void anEmptyLedgerFileSettingWritesNoFile() throws IOException {
        PaperBrokerComponent c = new PaperBrokerComponent(TestConfig.of(Map.of("ledger.file", "")),
                Map.of("karaf.data", dir.toString())::get);
        SyntheticBook book = new SyntheticBook(Harness.BTC_PERP).bids("99.9:5").asks("100.0:5");
        c.onBook(book, Harness.nanos(0));
        c.submit(new OrderIntent("x", "", book.instrument(), Side.BUY, OrderType.MARKET, Quantity.parse("1", 3), null,
                false, "test", Harness.at(0)));
        c.onBook(book, Harness.nanos(50));
        assertEquals(1, c.positions().size());
        PaperBroker.Status s = c.status();
        assertEquals("", s.ledger().file());
        assertEquals(1, s.ledger().orders(), "counted, but in memory");
        assertEquals(1, s.ledger().fills());
        c.deactivate();
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing written");
        }
    }

    @Test
    void aBrokerWithoutALedgerFileKeepsWorkingInMemory() {
        h = new Harness();
        session();
        assertFalse(h.events.isEmpty());
        assertEquals(null, h.broker.ledgerFile());
        assertTrue(h.broker.status().ledger().writable());
        assertEquals(Type.FILL, h.events.get(h.events.size() - 1).type());
    }
}
