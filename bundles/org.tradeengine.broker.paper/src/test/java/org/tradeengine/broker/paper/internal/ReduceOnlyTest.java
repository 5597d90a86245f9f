// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.broker.paper.internal.Harness.dec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Type;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Side;

class ReduceOnlyTest {

    private final Harness h = new Harness();

    @BeforeEach
    void book() {
        h.book.bids("99.9:10").asks("100.0:10");
        h.show(0);
    }

    private void goLong(String qty) {
        h.submit(h.market("open-" + qty, Side.BUY, qty, 0));
        h.show(50);
        assertEquals(0, dec(qty).compareTo(h.position()));
    }

    @Test
    void aReduceOnlyOrderWithNoPositionIsRejected() {
        OrderEvent e = h.submit(h.intent("r0", Side.SELL, OrderType.MARKET, "1", null, true, 0));
        assertEquals(Type.REJECTED, e.type());
        assertTrue(e.detail().contains("no position to reduce"), e.detail());
        assertTrue(h.broker.openOrders().isEmpty());
        assertEquals(e, h.last("r0"), "listeners get the rejection too");
    }

    @Test
    void aReduceOnlyOrderThatWouldIncreaseOrFlipThePositionIsRejected() {
        goLong("2");
        OrderEvent increase = h.submit(h.intent("inc", Side.BUY, OrderType.MARKET, "1", null, true, 60));
        assertEquals(Type.REJECTED, increase.type());
        assertTrue(increase.detail().contains("would increase the position 2.000"), increase.detail());

        OrderEvent flip = h.submit(h.intent("flip", Side.SELL, OrderType.LIMIT, "3", "99.9", true, 60));
        assertEquals(Type.REJECTED, flip.type());
        assertTrue(flip.detail().contains("would flip the position 2.000 to -1.000"), flip.detail());
        h.show(200);
        assertEquals(0, dec("2").compareTo(h.position()), "rejected orders change nothing");
    }

    @Test
    void aReduceOnlyOrderThatReducesIsAcceptedAndClosesThePosition() {
        goLong("2");
        OrderEvent ok = h.submit(h.intent("close", Side.SELL, OrderType.MARKET, "2", null, true, 60));
        assertEquals(Type.ACCEPTED, ok.type());
        h.show(110);
        assertEquals(0, dec("2").compareTo(h.filled("close")));
        assertFalse(h.broker.positions().containsKey(h.book.instrument()), "flat instruments are left out");
    }

    @Test
    void aReduceOnlyOrderNeverFillsMoreThanWhatIsLeftWhenItArrives() {
        goLong("2");
        h.submit(h.market("plain", Side.SELL, "1.5", 60));
        h.submit(h.intent("ro", Side.SELL, OrderType.MARKET, "2", null, true, 60)); // accepted: 2 <= 2 at submit
        h.show(110); // "plain" fills first and leaves 0.5 to reduce

        assertEquals(0, dec("0.5").compareTo(h.filled("ro")));
        OrderEvent last = h.last("ro");
        assertEquals(Type.CANCELLED, last.type());
        assertTrue(last.detail().contains("reduce-only"), last.detail());
        assertEquals(0, h.position().signum());
    }

    @Test
    void aRestingReduceOnlyOrderIsCancelledOnceThePositionIsGone() {
        goLong("1");
        h.submit(h.intent("tp", Side.SELL, OrderType.LIMIT, "1", "101.0", true, 60));
        h.show(110);
        assertEquals(1, h.broker.openOrders().size());
        h.submit(h.market("flatten", Side.SELL, "1", 120));
        h.show(170);
        assertEquals(0, h.position().signum());
        assertEquals(Type.CANCELLED, h.last("tp").type());
        assertTrue(h.broker.openOrders().isEmpty());
    }
}
