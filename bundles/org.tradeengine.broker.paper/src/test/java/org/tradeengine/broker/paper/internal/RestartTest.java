// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.broker.paper.internal.Harness.dec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.broker.OpenOrder;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Liquidity;
import org.tradeengine.api.broker.OrderEvent.Type;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Side;

/** Like a real venue, the paper broker keeps positions, open orders and client ids across a restart of the engine. */
class RestartTest {

    @TempDir
    Path dir;
    private Harness before;
    private Harness after;

    @AfterEach
    void close() {
        if (before != null) {
            before.broker.close();
        }
        if (after != null) {
            after.broker.close();
        }
    }

    private Path file() {
        return dir.resolve("ledger.log");
    }

    private Harness restart() {
        before.broker.close();
        after = Harness.withLedger(file());
        return after;
    }

    /** Long 2 (bought at 100.0), a resting buy at 99.0 and sell at 101.0, a cancelled and a rejected order. */
    private void firstSession() {
        before = Harness.withLedger(file());
        before.book.bids("99.9:5").asks("100.0:5");
        before.show(0);
        before.submit(before.market("m1", Side.BUY, "2", 0));
        before.show(50);
        before.submit(before.limit("bid", Side.BUY, "1", "99.0", 50));
        before.submit(before.limit("ask", Side.SELL, "1", "101.0", 50));
        before.submit(before.limit("gone", Side.BUY, "1", "98.0", 50));
        before.show(100);
        before.cancel("gone");
        before.submit(before.intent("flip", Side.SELL, OrderType.MARKET, "5", null, true, 100));
        assertEquals(0, dec("2").compareTo(before.position()));
    }

    @Test
    void positionsAndOpenOrdersAreRestored() {
        firstSession();
        List<OpenOrder> open = before.broker.openOrders();
        assertEquals(2, open.size());

        Harness h = restart();
        assertEquals(before.broker.positions(), h.broker.positions());
        assertEquals(open, h.broker.openOrders(), "same ids, quantities, limits, acceptance times");
        PaperBroker.Restored r = h.broker.restored();
        assertEquals(new PaperBroker.Restored(4, 1, 1, 1, 2, 1), r);
        assertTrue(h.events.isEmpty(), "a restart tells the listeners nothing");
    }

    @Test
    void theSameClientIdAnswersAsBeforeTheRestartAndCreatesNothing() {
        firstSession();
        OrderEvent m1 = before.of("m1").get(0);
        OrderEvent flip = before.of("flip").get(0);

        Harness h = restart();
        assertEquals(m1, h.submit(h.market("m1", Side.SELL, "7", 500)), "the first answer, not a new order");
        assertEquals(flip, h.submit(h.market("flip", Side.BUY, "1", 500)), "a rejected id stays rejected");
        assertEquals(2, h.broker.openOrders().size());
        assertTrue(h.events.isEmpty());
        assertEquals("already filled", h.cancel("m1").detail());
        assertEquals("already cancelled", h.cancel("gone").detail());
        assertTrue(h.cancel("flip").detail().startsWith("order was rejected: reduce-only SELL 5.000"));
        assertEquals("unknown order", h.cancel("never").detail());
        assertEquals(Type.CANCELLED, h.cancel("ask").type(), "a restored open order can be cancelled");
        assertEquals(1, h.broker.openOrders().size());
    }

    @Test
    void aRestoredRestingOrderJoinsTheBackOfItsLevelAndStillFills() throws IOException {
        firstSession();
        long lastSeq = before.broker.status().ledger().lastSeq();
        Harness h = restart();
        h.book.bids("99.0:3").asks("100.0:5");
        h.show(10_000); // "bid" joins behind the 3 at 99.0
        h.book.bids("99.0:1").asks("100.0:5");
        h.show(10_010); // 2 of them left
        h.book.bids("98.9:5").asks("100.0:5");
        h.show(10_020); // the last one left: nothing ahead any more, but nothing of ours traded
        assertTrue(h.fills("bid").isEmpty(), "3 were ahead of the restored order");
        h.book.bids("99.0:4").asks("100.0:5");
        h.show(10_030); // newcomers queue behind us
        h.book.bids("99.0:2").asks("100.0:5");
        h.show(10_040); // 2 left the level: the first is us
        List<OrderEvent> fills = h.fills("bid");
        assertEquals(1, fills.size());
        assertEquals(Liquidity.MAKER, fills.get(0).liquidity());
        assertEquals(0, dec("99.0").compareTo(fills.get(0).fillPrice().toBigDecimal()));
        assertEquals(0, dec("3").compareTo(h.position()));

        h.book.bids("101.0:1").asks("101.1:5");
        h.show(10_050); // "ask" traded through
        assertEquals(1, h.fills("ask").size());
        assertEquals(0, dec("2").compareTo(h.position()));
        assertTrue(h.broker.openOrders().isEmpty());

        List<LedgerEntry> entries = PaperLedger.read(file());
        assertEquals(lastSeq + 2, entries.get(entries.size() - 1).seq(), "numbering goes on after the restart");
        assertEquals(h.fills("ask").get(0), entries.get(entries.size() - 1).toEvent());
    }

    @Test
    void aMarketOrderThatNeverReachedABookIsMatchedAtItsFirstBookAfterTheRestart() {
        before = Harness.withLedger(file());
        before.book.bids("99.9:5").asks("100.0:5");
        before.show(0);
        before.submit(before.market("late", Side.BUY, "1", 0)); // the engine stops before the next book
        Harness h = restart();
        assertEquals(1, h.broker.openOrders().size());
        h.book.bids("99.9:5").asks("100.2:5");
        h.show(60_000);
        List<OrderEvent> fills = h.fills("late");
        assertEquals(1, fills.size());
        assertEquals(Liquidity.TAKER, fills.get(0).liquidity());
        assertEquals(0, dec("100.2").compareTo(fills.get(0).fillPrice().toBigDecimal()));
        assertTrue(h.broker.openOrders().isEmpty());
    }

    @Test
    void aPartlyFilledOrderComesBackWithWhatWasLeft() {
        before = Harness.withLedger(file());
        before.book.bids("99.9:5").asks("100.0:1", "100.5:5");
        before.show(0);
        before.submit(before.limit("part", Side.BUY, "3", "100.0", 0));
        before.show(50); // 1 taken at 100.0, 2 rest at 100.0
        assertEquals(0, dec("1").compareTo(before.position()));
        Harness h = restart();
        OpenOrder o = h.broker.openOrders().get(0);
        assertEquals(0, dec("2").compareTo(o.leavesQty().toBigDecimal()));
        assertEquals(0, dec("3").compareTo(o.quantity().toBigDecimal()));
        h.book.bids("99.9:5").asks("100.0:5");
        h.show(1_000); // marketable again: takes the 2 that are left
        assertEquals(0, dec("3").compareTo(h.position()));
        assertEquals(0, h.fills("part").get(0).leavesQty().raw());
    }

    @Test
    void aStoppedBrokerNeverWritesAgainSoItsSuccessorKeepsTheFile() throws IOException {
        firstSession();
        Harness h = restart();
        OrderEvent late = before.submit(before.market("late", Side.BUY, "1", 200));
        assertEquals(Type.REJECTED, late.type());
        assertTrue(late.detail().endsWith("cannot be written: the paper broker was stopped"), late.detail());
        assertEquals(Type.ACCEPTED, h.submit(h.market("next", Side.BUY, "1", 200)).type());
        assertTrue(PaperLedger.read(file()).stream().noneMatch(e -> e.clientOrderId().equals("late")));
    }

    @Test
    void aSecondBrokerOnTheSameFileRefusesOrdersInsteadOfWritingIntoIt() {
        before = Harness.withLedger(file());
        after = Harness.withLedger(file());
        after.book.bids("99.9:5").asks("100.0:5");
        after.show(0);
        OrderEvent e = after.submit(after.market("x", Side.BUY, "1", 0));
        assertEquals(Type.REJECTED, e.type());
        assertTrue(e.detail().contains("paper ledger " + file().toAbsolutePath() + " cannot be written")
                && e.detail().contains("locked by another paper broker"), e.detail());
        assertEquals(Type.ACCEPTED, before.submit(before.market("y", Side.BUY, "1", 0)).type());
    }
}
