// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.broker.paper.internal.Harness.dec;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.broker.OpenOrder;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Liquidity;
import org.tradeengine.api.broker.OrderEvent.Type;
import org.tradeengine.api.model.Side;

class LimitOrderTest {

    private final Harness h = new Harness();

    private static void assertFill(OrderEvent e, String qty, String price, Liquidity liquidity, String leaves) {
        assertEquals(Type.FILL, e.type());
        assertEquals(0, dec(qty).compareTo(e.fillQty().toBigDecimal()), "fill qty of " + e);
        assertEquals(0, dec(price).compareTo(e.fillPrice().toBigDecimal()), "fill price of " + e);
        assertEquals(liquidity, e.liquidity(), "liquidity of " + e);
        assertEquals(0, dec(leaves).compareTo(e.leavesQty().toBigDecimal()), "leaves of " + e);
        BigDecimal rate = dec(liquidity == Liquidity.MAKER ? "0.0002" : "0.0005");
        assertEquals(0, dec(price).multiply(dec(qty)).multiply(rate).compareTo(e.fee()), "fee of " + e);
    }

    @Test
    void theMarketablePartTakesUpToTheLimitAndTheRestRests() {
        h.book.bids("99.9:3").asks("100.0:1", "100.1:1", "100.2:5");
        h.show(0);
        h.submit(h.limit("l1", Side.BUY, "3", "100.1", 0));
        h.show(50);

        List<OrderEvent> fills = h.fills("l1");
        assertEquals(2, fills.size());
        assertFill(fills.get(0), "1", "100.0", Liquidity.TAKER, "2");
        assertFill(fills.get(1), "1", "100.1", Liquidity.TAKER, "1");
        List<OpenOrder> open = h.broker.openOrders();
        assertEquals(1, open.size());
        assertEquals(0, dec("1").compareTo(open.get(0).leavesQty().toBigDecimal()));
        assertEquals(0, dec("100.1").compareTo(open.get(0).limitPrice().toBigDecimal()));
    }

    @Test
    void aRestingOrderFillsOnlyAfterTheSizeAheadOfItLeft() {
        h.book.bids("99.9:5", "99.8:1").asks("100.0:2");
        h.show(0);
        h.submit(h.limit("q", Side.BUY, "2", "99.9", 0));
        h.show(50); // joins behind the 5 at 99.9

        h.book.bids("99.9:3", "99.8:1");
        h.show(60); // 2 of the 5 ahead left
        h.book.bids("99.9:4", "99.8:1");
        h.show(70); // someone joined: behind us, nobody ahead
        h.book.bids("99.9:1", "99.8:1");
        h.show(80); // 3 left: the last 3 ahead of us are gone
        assertTrue(h.fills("q").isEmpty(), "5 were ahead, only 5 left so far");

        h.book.bids("99.8:1");
        h.show(90); // the level's last 1 left: that is us being hit
        List<OrderEvent> fills = h.fills("q");
        assertEquals(1, fills.size());
        assertFill(fills.get(0), "1", "99.9", Liquidity.MAKER, "1");

        h.book.bids("99.9:6", "99.8:1");
        h.show(100); // the level is back: growth never fills
        h.book.bids("99.9:2.5", "99.8:1");
        h.show(110); // 3.5 left; we had 1 open
        fills = h.fills("q");
        assertEquals(2, fills.size());
        assertFill(fills.get(1), "1", "99.9", Liquidity.MAKER, "0");
        assertTrue(h.broker.openOrders().isEmpty());
        assertEquals(0, dec("2").compareTo(h.position()));
    }

    @Test
    void aSellRestingOnTheAsksQueuesTheSameWay() {
        h.book.bids("99.9:2").asks("100.0:1", "100.1:2");
        h.show(0);
        h.submit(h.limit("qs", Side.SELL, "1", "100.1", 0));
        h.show(50); // 2 ahead
        h.book.asks("100.0:1", "100.1:0.5");
        h.show(60); // 1.5 left: 0.5 ahead
        h.book.asks("100.0:1");
        h.show(70); // the last 0.5 left: nothing ahead
        h.book.asks("100.0:1", "100.1:1");
        h.show(80); // newcomers behind us
        assertTrue(h.fills("qs").isEmpty());
        h.book.asks("100.0:1", "100.1:0.7");
        h.show(90);
        assertFill(h.fills("qs").get(0), "0.3", "100.1", Liquidity.MAKER, "0.7");
        assertEquals(0, dec("-0.3").compareTo(h.position()));
    }

    @Test
    void whenTheOppositeSideTradesThroughTheLimitTheOrderFillsCompletelyAtItsLimit() {
        h.book.bids("99.9:5").asks("100.0:2");
        h.show(0);
        h.submit(h.limit("tt", Side.BUY, "2", "99.9", 0));
        h.show(50);
        assertTrue(h.fills("tt").isEmpty());

        h.book.bids("99.8:4").asks("99.9:3"); // sellers came down to our price: 5 were ahead, but they traded too
        h.show(60);
        List<OrderEvent> fills = h.fills("tt");
        assertEquals(1, fills.size());
        assertFill(fills.get(0), "2", "99.9", Liquidity.MAKER, "0");
    }

    @Test
    void aSellIsTradedThroughWhenTheBestBidReachesItsLimit() {
        h.book.bids("99.9:5").asks("100.0:2", "100.5:1");
        h.show(0);
        h.submit(h.limit("tts", Side.SELL, "1.5", "100.5", 0));
        h.show(50);
        h.book.bids("100.6:1").asks("100.7:1");
        h.show(60);
        assertFill(h.fills("tts").get(0), "1.5", "100.5", Liquidity.MAKER, "0");
    }

    @Test
    void anOrderBetterThanTheBookHasNothingAheadButFillsOnlyWhenTradedThrough() {
        h.book.bids("99.0:5").asks("100.0:2");
        h.show(0);
        h.submit(h.limit("inside", Side.BUY, "1", "99.5", 0));
        h.show(50);
        h.book.bids("99.0:1").asks("100.0:1");
        h.show(60);
        assertTrue(h.fills("inside").isEmpty(), "no level at our price: nothing leaves it");
        h.book.asks("99.5:1");
        h.book.bids("99.0:1");
        h.show(70);
        assertFill(h.fills("inside").get(0), "1", "99.5", Liquidity.MAKER, "0");
    }

    @Test
    void restingOrdersIgnoreBooksThatAreNotLive() {
        h.book.bids("99.9:2").asks("100.0:2");
        h.show(0);
        h.submit(h.limit("nl", Side.BUY, "1", "99.9", 0));
        h.show(50); // 2 ahead
        h.book.bids("99.9:0.5");
        h.show(60); // 1.5 left: 0.5 ahead
        h.book.state(BookState.INVALID).bids("99.9:0.1").asks("99.8:1"); // crossed garbage: neither fills nor counts
        h.show(70);
        assertTrue(h.fills("nl").isEmpty());
        h.book.state(BookState.LIVE).bids("99.9:0.5").asks("100.0:2");
        h.show(80); // compared with the last LIVE book: unchanged
        h.book.bids("99.9:3");
        h.show(90);
        assertTrue(h.fills("nl").isEmpty());
        h.book.bids("99.9:2.2");
        h.show(100); // 0.8 left: the 0.5 ahead, then 0.3 of us
        assertFill(h.fills("nl").get(0), "0.3", "99.9", Liquidity.MAKER, "0.7");
    }

    @Test
    void aLimitOrderThatComesDueOnANonLiveBookJoinsTheNextLiveBook() {
        h.book.bids("99.9:2").asks("100.0:2");
        h.show(0);
        h.submit(h.limit("late", Side.BUY, "1", "100.0", 0));
        h.book.state(BookState.SYNCING);
        h.show(50);
        assertTrue(h.fills("late").isEmpty());
        h.book.state(BookState.LIVE).asks("100.0:0.4", "100.1:1");
        h.show(60);
        assertFill(h.fills("late").get(0), "0.4", "100.0", Liquidity.TAKER, "0.6");
        assertEquals(1, h.broker.openOrders().size());
    }
}
