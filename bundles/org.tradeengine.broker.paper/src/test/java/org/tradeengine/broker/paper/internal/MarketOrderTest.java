// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.broker.paper.internal.Harness.dec;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Liquidity;
import org.tradeengine.api.broker.OrderEvent.Type;
import org.tradeengine.api.model.Side;

class MarketOrderTest {

    private final Harness h = new Harness();

    private static void assertFill(OrderEvent e, String qty, String price, String leaves) {
        assertEquals(Type.FILL, e.type());
        assertEquals(0, dec(qty).compareTo(e.fillQty().toBigDecimal()), "fill qty of " + e);
        assertEquals(0, dec(price).compareTo(e.fillPrice().toBigDecimal()), "fill price of " + e);
        assertEquals(0, dec(leaves).compareTo(e.leavesQty().toBigDecimal()), "leaves of " + e);
        assertEquals(Liquidity.TAKER, e.liquidity());
        BigDecimal expectedFee = dec(price).multiply(dec(qty)).multiply(dec("0.0005"));
        assertEquals(0, expectedFee.compareTo(e.fee()), "fee of " + e);
    }

    @Test
    void marketBuyWalksTheAsksWithOneFillPerLevel() {
        h.book.bids("99.9:3").asks("100.0:1", "100.1:2.5", "100.3:5");
        h.show(0);
        assertEquals(Type.ACCEPTED, h.submit(h.market("m1", Side.BUY, "4", 0)).type());
        h.show(60);

        List<OrderEvent> fills = h.fills("m1");
        assertEquals(3, fills.size());
        assertFill(fills.get(0), "1", "100.0", "3");
        assertFill(fills.get(1), "2.5", "100.1", "0.5");
        assertFill(fills.get(2), "0.5", "100.3", "0");
        assertTrue(fills.get(2).isFinal());
        assertEquals(0, dec("4").compareTo(h.position()));
        assertTrue(h.broker.openOrders().isEmpty());
    }

    @Test
    void marketSellWalksTheBids() {
        h.book.bids("99.9:0.2", "99.8:0.3", "99.5:7").asks("100.0:1");
        h.show(0);
        h.submit(h.market("s1", Side.SELL, "1", 0));
        h.show(50);

        List<OrderEvent> fills = h.fills("s1");
        assertEquals(3, fills.size());
        assertFill(fills.get(0), "0.2", "99.9", "0.8");
        assertFill(fills.get(1), "0.3", "99.8", "0.5");
        assertFill(fills.get(2), "0.5", "99.5", "0");
        assertEquals(0, dec("-1").compareTo(h.position()));
    }

    @Test
    void whatTheBookCannotFillIsCancelledImmediatelyOrCancel() {
        h.book.bids("99.9:3").asks("100.0:1", "100.2:2");
        h.show(0);
        h.submit(h.market("ioc", Side.BUY, "5", 0));
        h.show(50);

        assertEquals(2, h.fills("ioc").size());
        OrderEvent last = h.last("ioc");
        assertEquals(Type.CANCELLED, last.type());
        assertEquals(0, last.leavesQty().raw());
        assertTrue(last.detail().contains("IOC") && last.detail().contains("3.000 of 5.000"), last.detail());
        assertEquals(0, dec("3").compareTo(h.position()));
        assertTrue(h.broker.openOrders().isEmpty());

        h.book.asks("100.0:10");
        h.show(100);
        assertEquals(2, h.fills("ioc").size(), "a cancelled remainder never fills later");
    }

    @Test
    void anOrderTradesAtTheFirstBookAfterItsLatencyNotAtAnEarlierOne() {
        h.book.bids("99.9:3").asks("100.0:5");
        h.show(0);
        h.submit(h.market("lat", Side.BUY, "1", 0));

        h.book.asks("99.5:5"); // cheaper while the order is still on its way
        h.show(20);
        h.show(49);
        assertTrue(h.fills("lat").isEmpty(), "books before createdAt + 50 ms must not match");

        h.book.asks("100.4:0.4", "100.6:5"); // the price moved by the time the order arrives
        h.show(50);
        List<OrderEvent> fills = h.fills("lat");
        assertEquals(2, fills.size());
        assertFill(fills.get(0), "0.4", "100.4", "0.6");
        assertFill(fills.get(1), "0.6", "100.6", "0");
        assertEquals(Harness.at(50), fills.get(0).at(), "event time is the book's local time");
    }

    @Test
    void latencyComesFromTheConfiguration() {
        Harness slow = new Harness(Harness.BTC_PERP, java.util.Map.of("latency.ms", "200"));
        slow.book.bids("99.9:3").asks("100.0:5");
        slow.show(0);
        slow.submit(slow.market("slow", Side.BUY, "1", 0));
        slow.show(199);
        assertTrue(slow.fills("slow").isEmpty());
        slow.show(200);
        assertEquals(1, slow.fills("slow").size());
    }

    @Test
    void aMarketOrderDueOnABookThatIsNotLiveWaitsForTheNextLiveBook() {
        h.book.bids("99.9:3").asks("100.0:5");
        h.show(0);
        h.submit(h.market("wait", Side.BUY, "1", 0));
        h.book.state(BookState.SYNCING);
        h.show(60);
        h.book.state(BookState.INVALID);
        h.show(70);
        assertEquals(List.of(Type.ACCEPTED), h.of("wait").stream().map(OrderEvent::type).toList());
        assertEquals(1, h.broker.openOrders().size(), "still open while it waits");

        h.book.state(BookState.LIVE).asks("100.2:5");
        h.show(80);
        assertEquals(1, h.fills("wait").size());
        assertFill(h.fills("wait").get(0), "1", "100.2", "0");
    }

    @Test
    void twoOrdersOnTheSameBookDoNotTakeTheSameQuantityTwice() {
        h.book.bids("99.9:3").asks("100.0:1", "100.1:5");
        h.show(0);
        h.submit(h.market("a", Side.BUY, "0.6", 0));
        h.submit(h.market("b", Side.BUY, "0.6", 0));
        h.show(50);

        assertFill(h.fills("a").get(0), "0.6", "100.0", "0");
        List<OrderEvent> b = h.fills("b");
        assertEquals(2, b.size());
        assertFill(b.get(0), "0.4", "100.0", "0.2");
        assertFill(b.get(1), "0.2", "100.1", "0");
    }

    @Test
    void aBookOfAnotherInstrumentDoesNotMatch() {
        SyntheticBook eth = new SyntheticBook(org.tradeengine.api.model.InstrumentSpecs.lookup(
                org.tradeengine.api.model.InstrumentId.parse("ETHUSDT-PERP.BINANCE_FUTURES")));
        eth.bids("2500.00:10").asks("2500.01:10");
        h.book.bids("99.9:3").asks("100.0:5");
        h.show(0);
        h.submit(h.market("btc", Side.BUY, "1", 0));
        h.broker.onBook(eth, Harness.nanos(100));
        assertTrue(h.fills("btc").isEmpty());
        h.show(101);
        assertEquals(1, h.fills("btc").size());
    }
}
