// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.broker.paper.internal.Harness.dec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Type;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.Venue;

class OrderLifecycleTest {

    private final Harness h = new Harness();

    private void bookAt(long ms) {
        h.book.bids("99.9:5").asks("100.0:5");
        h.show(ms);
    }

    @Test
    void thePaperBrokerIsNeverLive() {
        assertEquals(Venue.PAPER, h.broker.venue());
        assertFalse(h.broker.isLive());
    }

    @Test
    void theSameClientOrderIdAgainReturnsTheFirstAnswerAndCreatesNothing() {
        bookAt(0);
        OrderEvent first = h.submit(h.limit("dup", Side.BUY, "1", "99.0", 0));
        OrderEvent again = h.submit(h.limit("dup", Side.SELL, "7", "105.0", 5));
        assertSame(first, again);
        assertEquals(1, h.broker.openOrders().size());
        assertEquals(Side.BUY, h.broker.openOrders().get(0).side());
        assertEquals(1, h.of("dup").size(), "one ACCEPTED event only");

        OrderEvent rejected = h.submit(h.intent("bad", Side.SELL, OrderType.MARKET, "1", null, true, 0));
        assertEquals(Type.REJECTED, rejected.type());
        assertSame(rejected, h.submit(h.market("bad", Side.SELL, "1", 0)), "a rejected id stays rejected");
        assertEquals(1, h.broker.openOrders().size());
    }

    @Test
    void eventsAreStampedWithTheirOwnInstrumentsClockWhenFeedsAreSkewed() {
        bookAt(0);
        // another instrument's feed runs 70 s ahead (two replays, or two venues with skewed clocks)
        SyntheticBook eth = new SyntheticBook(InstrumentSpecs.lookup(InstrumentId.parse("ETHUSDT-PERP.BINANCE_FUTURES")))
                .bids("3000.00:5").asks("3000.10:5");
        h.broker.onBook(eth, Harness.nanos(70_000));
        OrderEvent accepted = h.submit(h.limit("own-clock", Side.BUY, "1", "99.0", 0));
        assertEquals(Harness.at(0), accepted.at(), "accepted at BTC's book time, not ETH's");
        bookAt(10);
        OrderEvent cancelled = h.cancel("own-clock");
        assertEquals(Harness.at(10), cancelled.at());
    }

    @Test
    void acceptedAtOnceWithTheSimulationClockAndTheArrivalTime() {
        bookAt(0);
        bookAt(30);
        OrderEvent e = h.submit(h.market("acc", Side.BUY, "1", 10));
        assertEquals(Type.ACCEPTED, e.type());
        assertEquals(Harness.at(30), e.at(), "event time is the books' clock, not the wall clock");
        assertEquals(0, dec("1").compareTo(e.leavesQty().toBigDecimal()));
        assertEquals("corr-acc", e.correlationId());
        assertTrue(e.detail().contains(Harness.at(60).toString()), e.detail());
        bookAt(59);
        assertTrue(h.fills("acc").isEmpty());
        bookAt(60);
        assertEquals(1, h.fills("acc").size());
    }

    @Test
    void anIntentStampedFarAfterTheBookClockCountsAsCreatedAtTheClock() {
        bookAt(0);
        OrderIntent wallClock = new OrderIntent("wall", "", h.book.instrument(), Side.BUY, OrderType.MARKET,
                Quantity.parse("1", 3), null, false, "test", Instant.parse("2030-01-01T00:00:00Z"));
        h.submit(wallClock);
        bookAt(49);
        assertTrue(h.fills("wall").isEmpty());
        bookAt(50);
        assertEquals(1, h.fills("wall").size());
    }

    @Test
    void anIntentStampedShortlyAfterTheLastBookKeepsItsOwnTime() {
        bookAt(0);
        h.submit(h.market("ahead", Side.BUY, "1", 30)); // created 30 ms after the last book: due at 80
        bookAt(79);
        assertTrue(h.fills("ahead").isEmpty());
        bookAt(80);
        assertEquals(1, h.fills("ahead").size());
    }

    @Test
    void quantitiesAndPricesAreCheckedAgainstTheInstrumentsLotAndTick() {
        bookAt(0);
        OrderIntent offLot = new OrderIntent("lot", "", h.book.instrument(), Side.BUY, OrderType.MARKET,
                Quantity.parse("0.0015", 4), null, false, "test", Harness.at(0));
        OrderEvent e = h.submit(offLot);
        assertEquals(Type.REJECTED, e.type());
        assertTrue(e.detail().contains("more decimals than the lot 0.001"), e.detail());

        OrderIntent offTick = new OrderIntent("tick", "", h.book.instrument(), Side.BUY, OrderType.LIMIT,
                Quantity.parse("1", 3), Price.parse("99.95", 2), false, "test", Harness.at(0));
        e = h.submit(offTick);
        assertEquals(Type.REJECTED, e.type());
        assertTrue(e.detail().contains("limit price 99.95 has more decimals than the tick 0.1"), e.detail());

        OrderIntent otherScales = new OrderIntent("scales", "", h.book.instrument(), Side.BUY, OrderType.LIMIT,
                Quantity.parse("1.5", 1), Price.parse("99.90", 2), false, "test", Harness.at(0));
        assertEquals(Type.ACCEPTED, h.submit(otherScales).type(), "exact at the instrument's scales: fine");
        assertEquals(0, dec("1.500").compareTo(h.broker.openOrders().get(0).quantity().toBigDecimal()));
        assertTrue(h.broker.openOrders().stream().noneMatch(o -> o.clientOrderId().equals("lot")));
    }

    @Test
    void lotSizesLargerThanOneRawUnitAreEnforced() {
        Harness coarse = new Harness(new org.tradeengine.api.model.InstrumentSpec(
                org.tradeengine.api.model.InstrumentId.parse("XBTUSD.KRAKEN_FUTURES"), 1, 0, 5, 10), java.util.Map.of());
        coarse.show(0); // the broker learns the instrument's tick and lot from its book
        OrderEvent e = coarse.submit(coarse.intent("c1", Side.BUY, OrderType.LIMIT, "15", "100.0", false, 0));
        assertEquals(Type.REJECTED, e.type());
        assertTrue(e.detail().contains("not a multiple of the lot 10"), e.detail());
        e = coarse.submit(coarse.intent("c2", Side.BUY, OrderType.LIMIT, "20", "100.3", false, 0));
        assertTrue(e.detail().contains("not a multiple of the tick 0.5"), e.detail());
        assertEquals(Type.ACCEPTED, coarse.submit(coarse.intent("c3", Side.BUY, OrderType.LIMIT, "20", "100.5", false, 0))
                .type());
    }

    @Test
    void cancelOfAPendingOrderIsImmediateAndItNeverTrades() {
        bookAt(0);
        h.submit(h.market("p", Side.BUY, "1", 0));
        OrderEvent c = h.cancel("p");
        assertEquals(Type.CANCELLED, c.type());
        assertEquals(0, c.leavesQty().raw());
        assertEquals(c, h.last("p"));
        bookAt(100);
        assertTrue(h.fills("p").isEmpty());
        assertTrue(h.broker.openOrders().isEmpty());
    }

    @Test
    void cancelOfARestingOrderIsImmediate() {
        bookAt(0);
        h.submit(h.limit("r", Side.BUY, "1", "99.9", 0));
        bookAt(50);
        assertEquals(1, h.broker.openOrders().size());
        assertEquals(Type.CANCELLED, h.cancel("r").type());
        h.book.bids().asks("99.9:5"); // would have traded through
        h.show(60);
        assertTrue(h.fills("r").isEmpty());
    }

    @Test
    void cancelOfAnUnknownFilledOrCancelledOrderIsRefusedWithAReason() {
        bookAt(0);
        h.submit(h.market("f", Side.BUY, "1", 0));
        bookAt(50);
        h.submit(h.limit("c", Side.BUY, "1", "90.0", 50));
        h.cancel("c");
        int eventsBefore = h.events.size();

        assertRefused(h.cancel("nope"), "unknown order");
        assertRefused(h.cancel(null), "unknown order");
        assertRefused(h.cancel("f"), "already filled");
        assertRefused(h.cancel("c"), "already cancelled");
        assertEquals(eventsBefore, h.events.size(), "a refused cancel changes nothing and tells no listener");
    }

    private static void assertRefused(OrderEvent e, String reason) {
        assertEquals(Type.REJECTED, e.type());
        assertEquals(reason, e.detail());
    }

    @Test
    void aListenerMaySubmitFromAFillAndEveryListenerSeesTheEventsInOrder() {
        bookAt(0);
        List<String> second = new ArrayList<>();
        h.broker.addListener(e -> {
            if (e.type() == Type.FILL && e.clientOrderId().equals("entry")) {
                h.broker.submit(h.limit("exit", Side.SELL, "1", "101.0", 50));
            }
        });
        h.broker.addListener(e -> second.add(e.clientOrderId() + ":" + e.type()));
        h.broker.addListener(e -> {
            throw new IllegalStateException("a broken listener");
        });
        h.submit(h.market("entry", Side.BUY, "1", 0));
        bookAt(50);

        assertEquals(List.of("entry:ACCEPTED", "entry:FILL", "exit:ACCEPTED"), second);
        assertEquals(second, h.events.stream().map(e -> e.clientOrderId() + ":" + e.type()).toList());
        assertEquals(3, h.broker.listenerFailures());
        assertEquals(1, h.broker.openOrders().size());
    }

    @Test
    void aNullIntentIsRefusedNotThrown() {
        OrderEvent e = h.broker.submit(null).toCompletableFuture().join();
        assertEquals(Type.REJECTED, e.type());
        assertTrue(h.events.isEmpty());
    }

    @Test
    void aBrokenBookIsCountedAndTheBrokerKeepsWorking() {
        bookAt(0);
        h.submit(h.market("x", Side.BUY, "1", 0));
        SyntheticBook liar = new SyntheticBook(Harness.BTC_PERP) {
            @Override
            public int askDepth() {
                return 3; // claims levels it does not have
            }
        };
        h.broker.onBook(liar, Harness.nanos(50));
        assertEquals(1, h.broker.bookErrors());
        bookAt(60);
        assertEquals(0, dec("1").compareTo(h.position()));
    }
}
