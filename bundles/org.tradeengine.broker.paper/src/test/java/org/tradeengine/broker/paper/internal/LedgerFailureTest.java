// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.broker.paper.internal.Harness.dec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Type;
import org.tradeengine.api.model.Side;

/** A ledger that cannot be written: new orders are refused with the file named, cancels still work. */
class LedgerFailureTest {

    @TempDir
    Path dir;
    private Harness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.broker.close();
        }
    }

    @Test
    void anUnwritableLedgerRefusesNewOrdersNamingTheFileAndTheBrokerKeepsRunning() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("data"), "a file where a directory should be");
        Path file = notADirectory.resolve("paper").resolve("ledger.log");
        h = Harness.withLedger(file);
        h.book.bids("99.9:5").asks("100.0:5");
        h.show(0);

        OrderEvent e = h.submit(h.market("a", Side.BUY, "1", 0));
        assertEquals(Type.REJECTED, e.type());
        assertTrue(e.detail().startsWith("paper ledger " + file + " cannot be written: "), e.detail());
        assertEquals("corr-a", e.correlationId());
        assertTrue(h.events.isEmpty(), "nothing happened at the venue: the listeners hear nothing");
        assertTrue(h.broker.openOrders().isEmpty());
        h.show(50);
        assertTrue(h.broker.positions().isEmpty());
        PaperLedger.Stats s = h.broker.status().ledger();
        assertFalse(s.writable());
        assertEquals(e.detail(), s.failure());
        assertEquals(1, s.writeFailures());

        // the operator fixes the disk: the same id is taken now (a refusal for the ledger is not an answer to keep)
        Files.delete(notADirectory);
        OrderEvent again = h.submit(h.market("a", Side.BUY, "1", 50));
        assertEquals(Type.ACCEPTED, again.type());
        assertTrue(h.broker.status().ledger().writable());
        assertEquals(again, PaperLedger.read(file).get(0).toEvent());
    }

    @Test
    void whenTheDiskFailsMidSessionNewOrdersAreRefusedAndCancelsStillWork() throws IOException {
        Path file = dir.resolve("ledger.log");
        SwitchableChannel[] channel = new SwitchableChannel[1];
        h = new Harness(new PaperBroker(TestConfig.settings(Map.of()), file, f -> {
            channel[0] = new SwitchableChannel(PaperLedger.FILES.open(f));
            return channel[0];
        }));
        h.book.bids("99.9:5").asks("100.0:5");
        h.show(0);
        h.submit(h.limit("rest", Side.BUY, "1", "99.0", 0));
        h.show(50);
        assertEquals(1, h.broker.openOrders().size());
        long goodSize = Files.size(file);

        channel[0].failing = true;
        OrderEvent refused = h.submit(h.market("new", Side.BUY, "1", 50));
        assertEquals(Type.REJECTED, refused.type());
        assertEquals("paper ledger " + file + " cannot be written: No space left on device", refused.detail());
        OrderEvent cancelled = h.cancel("rest");
        assertEquals(Type.CANCELLED, cancelled.type(), "a cancel is never blocked");
        assertTrue(h.broker.openOrders().isEmpty(), "applied in memory");
        assertEquals(cancelled, h.last("rest"), "and delivered: it happened");
        assertTrue(h.of("new").isEmpty());
        PaperLedger.Stats s = h.broker.status().ledger();
        assertEquals(2, s.writeFailures(), "the refused order's line and the cancel's");
        assertFalse(s.writable());
        assertEquals(goodSize, Files.size(file), "the partial lines were cut off again");

        channel[0].failing = false;
        assertEquals(Type.ACCEPTED, h.submit(h.market("new", Side.BUY, "1", 60)).type());
        h.show(110);
        assertEquals(0, dec("1").compareTo(h.position()));
        PaperLedger.Scan scan = PaperLedger.scan(file, e -> { });
        assertEquals(List.of(), scan.bad(), "no torn line in the file");
        assertNull(scan.truncated());
        List<LedgerEntry> entries = PaperLedger.read(file);
        assertEquals(List.of("rest:ACCEPTED", "new:ACCEPTED", "new:FILL"), entries.stream()
                .map(x -> x.clientOrderId() + ":" + x.event()).toList(), "the cancel is the event not in the ledger");
        assertEquals(List.of(1L, 2L, 3L), entries.stream().map(LedgerEntry::seq).toList());
        assertTrue(h.broker.status().ledger().writable());
        assertEquals(2, h.broker.status().ledger().writeFailures());
    }
}
