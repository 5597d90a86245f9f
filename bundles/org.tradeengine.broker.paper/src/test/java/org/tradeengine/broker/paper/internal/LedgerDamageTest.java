// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.broker.paper.internal.Harness.dec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.broker.OrderEvent.Type;
import org.tradeengine.api.model.Side;

/** Bad content in the ledger never stops the broker: it is reported, skipped and counted. */
class LedgerDamageTest {

    @TempDir
    Path dir;
    private final List<Harness> brokers = new ArrayList<>();

    @AfterEach
    void close() {
        brokers.forEach(b -> b.broker.close());
    }

    private Path file() {
        return dir.resolve("ledger.log");
    }

    private Harness broker() {
        Harness h = Harness.withLedger(file());
        brokers.add(h);
        return h;
    }

    /** Two buys of 1 and 2 filled at 100.0; returns the ledger's lines. */
    private List<String> twoFilledBuys() throws IOException {
        Harness h = broker();
        h.book.bids("99.9:5").asks("100.0:5");
        h.show(0);
        h.submit(h.market("a", Side.BUY, "1", 0));
        h.submit(h.market("b", Side.BUY, "2", 0));
        h.show(50);
        h.broker.close();
        assertEquals(0, dec("3").compareTo(h.position()));
        return Files.readAllLines(file());
    }

    @Test
    void aLastLineCutShortByACrashIsIgnoredAndCutOffBeforeAppending() throws IOException {
        List<String> lines = twoFilledBuys();
        byte[] good = Files.readAllBytes(file());
        Files.writeString(file(), "{\"seq\":5,\"event\":\"FILL\",\"clientOrderId\":\"b\",\"correlationId\":\"co",
                StandardOpenOption.APPEND);

        Harness h = broker();
        assertEquals(0, dec("3").compareTo(h.position()), "the good lines count");
        PaperLedger.Stats s = h.broker.status().ledger();
        assertEquals(lines.size() + 1, s.truncatedLine(), "reported with its line number");
        assertEquals(0, s.badLines());
        assertArrayEquals(good, Files.readAllBytes(file()), "cut back to the last good line");

        h.book.bids("99.9:5").asks("100.0:5");
        h.show(1_000);
        h.submit(h.market("c", Side.SELL, "3", 1_000));
        h.show(1_050);
        PaperLedger.Scan scan = PaperLedger.scan(file(), e -> { });
        assertEquals(List.of(), scan.bad());
        assertNull(scan.truncated());
        assertEquals(lines.size() + 2, scan.entries());
        assertEquals(lines.size() + 2, scan.lastSeq(), "numbering goes on from the last good line");
    }

    @Test
    void aCompleteLastLineWithoutItsLineFeedCountsAndGetsOne() throws IOException {
        twoFilledBuys();
        byte[] all = Files.readAllBytes(file());
        Files.write(file(), java.util.Arrays.copyOf(all, all.length - 1)); // drop the final \n only
        Harness h = broker();
        assertEquals(0, dec("3").compareTo(h.position()));
        assertEquals(0, h.broker.status().ledger().truncatedLine());
        assertArrayEquals(all, Files.readAllBytes(file()));
    }

    @Test
    void aMalformedLineInTheMiddleIsReportedSkippedAndCounted() throws IOException {
        List<String> lines = new ArrayList<>(twoFilledBuys());
        int fillOfB = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"event\":\"FILL\"") && lines.get(i).contains("\"clientOrderId\":\"b\"")) {
                fillOfB = i;
            }
        }
        assertTrue(fillOfB > 0 && fillOfB < lines.size(), String.join("\n", lines));
        lines.set(fillOfB, lines.get(fillOfB).replace("\"qty\":\"2.000\"", "\"qty\":\"two\""));
        lines.add(1, "garbage from an editor");
        Files.write(file(), lines, StandardCharsets.UTF_8);

        Harness h = broker();
        assertEquals(0, dec("1").compareTo(h.position()), "what the good lines say: the fill of b is lost (the"
                + " desk's reconciliation sees the difference)");
        assertEquals(2, h.broker.status().ledger().badLines());
        PaperLedger.Scan scan = PaperLedger.scan(file(), e -> { });
        assertEquals(2, scan.bad().size());
        assertEquals(2, scan.bad().get(0).line());
        assertTrue(scan.bad().get(0).what().contains("expected '{'"), scan.bad().get(0).what());
        assertEquals(fillOfB + 2, scan.bad().get(1).line());
        assertTrue(scan.bad().get(1).what().contains("field qty: 'two' is not a plain decimal"), scan.bad().get(1).what());
        assertEquals(1, h.broker.openOrders().size(), "without its fill, b looks open");
        assertEquals("b", h.broker.openOrders().get(0).clientOrderId());
        assertEquals(Type.CANCELLED, h.cancel("b").type());
    }

    @Test
    void linesThatDoNotFitTheRestAreReportedButFillsStillCountInThePosition() throws IOException {
        List<String> lines = new ArrayList<>(twoFilledBuys());
        lines.add(lines.get(lines.size() - 1)); // a line twice: its sequence number does not go on
        String orphan = lines.get(lines.size() - 1).replace("\"clientOrderId\":\"b\"", "\"clientOrderId\":\"zz\"")
                .replaceFirst("\"seq\":\\d+", "\"seq\":99");
        lines.add(orphan); // a fill of an order the ledger never accepted
        Files.write(file(), lines, StandardCharsets.UTF_8);

        Harness h = broker();
        assertEquals(0, dec("5").compareTo(h.position()), "3, plus the orphan fill of 2");
        assertEquals(2, h.broker.status().ledger().badLines(), "the repeated line and the orphan fill");
        assertTrue(h.broker.openOrders().isEmpty());
        List<String> problems = new ArrayList<>();
        PaperLedger.scan(file(), e -> { }).bad().forEach(p -> problems.add(p.line() + ": " + p.what()));
        assertEquals(1, problems.size(), "the reader alone sees only the repeated sequence number: " + problems);
        assertTrue(problems.get(0).contains("does not follow"), problems.toString());
    }

    @Test
    void theReaderSaysWhatIsWrong() {
        assertThrows(IllegalArgumentException.class, () -> LedgerFormat.parse("{\"seq\":0,\"event\":\"FILL\"}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LedgerFormat.parse(
                "{\"seq\":1,\"event\":\"EXPLODED\",\"clientOrderId\":\"a\",\"instrument\":\"BTCUSDT-PERP.BINANCE_FUTURES\","
                        + "\"side\":\"BUY\",\"at\":\"2024-08-08T23:55:00Z\"}"));
        assertTrue(e.getMessage().contains("unknown event 'EXPLODED'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LedgerFormat.parse(
                "{\"seq\":1,\"event\":\"CANCELLED\",\"clientOrderId\":\"a\",\"instrument\":\"BTCUSDT-PERP.BINANCE_FUTURES\","
                        + "\"side\":\"BUY\",\"leavesQty\":\"1e3\",\"at\":\"2024-08-08T23:55:00Z\"}"));
        assertTrue(e.getMessage().contains("field leavesQty: '1e3' is not a plain decimal"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LedgerFormat.parse("{\"seq\":1,\"seq\":2}"));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LedgerFormat.parse(
                "{\"seq\":1,\"event\":\"CANCELLED\",\"clientOrderId\":\"a\",\"side\":\"BUY\"}"));
        assertTrue(e.getMessage().contains("field instrument is missing"), e.getMessage());
    }
}
