// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.risk.OrderCheck;
import org.tradeengine.api.risk.RiskDecision;
import org.tradeengine.api.trading.RiskEvent;

class EntryTest extends DeskTestSupport {

    @Test
    void entryIsSizedByNotionalFlooredToTheLotAtTheBestAsk() {
        TestBook btc = new TestBook(BTC).quote("61800.10", "61800.20");
        signal(btc, Side.BUY, T0);

        OrderIntent entry = paper.submitted.get(0);
        // 5000 / 61800.20 = 0.0809058... -> 0.080 (lot 0.001)
        assertEquals("0.080", entry.quantity().toString());
        assertEquals(Side.BUY, entry.side());
        assertEquals(OrderType.MARKET, entry.type());
        assertFalse(entry.reduceOnly());
        assertTrue(entry.correlationId().endsWith("-sig-1"), entry.correlationId());
        assertEquals("imbalance-long", entry.reason());
        assertEquals(T0, entry.createdAt());
        assertTrue(entry.clientOrderId().matches("te-[0-9a-z]+-1"), entry.clientOrderId());

        OrderCheck check = risk.orderChecks.get(0);
        assertDecimal("61800.20", check.getPrice());
        assertDecimal("0", check.getPositionQty());
        assertTrue(check.isBookLive());
        assertEquals(0, check.getDataAgeMillis());
        assertEquals(0, check.getOrdersLastMinute());
        assertEquals(TradingState.ACTIVE, check.getTradingState());
        assertDecimal("40000", check.getAccount().getEquity());
    }

    @Test
    void sellEntryUsesTheBestBid() {
        TestBook eth = new TestBook(ETH).quote("2999.99", "3000.01");
        signal(eth, Side.SELL, T0);
        OrderIntent entry = paper.submitted.get(0);
        assertEquals(Side.SELL, entry.side());
        assertDecimal("2999.99", risk.orderChecks.get(0).getPrice());
        assertEquals("1.666", entry.quantity().toString()); // 5000 / 2999.99 = 1.66667... -> 1.666
    }

    @Test
    void ordersGoToTheVenueBrokerElseToPaperElseAreRefused() {
        TestBroker futures = new TestBroker(Venue.BINANCE_FUTURES).price(BTC, "61800.20");
        desk.addBroker(futures, Venue.BINANCE_FUTURES);
        String kraken = "PI_XBTUSD.KRAKEN_FUTURES";
        paper.price(kraken, "61800.5");
        signal(new TestBook(BTC).quote("61800.10", "61800.20"), Side.BUY, T0);
        signal(new TestBook(kraken).quote("61800.0", "61800.5"), Side.BUY, T0);
        assertEquals(List.of(BTC), futures.submitted.stream().map(i -> i.instrument().toString()).toList());
        assertEquals(List.of(kraken), paper.submitted.stream().map(i -> i.instrument().toString()).toList());

        desk.removeBroker(paper, Venue.PAPER);
        signal(new TestBook("BTCUSD.BINANCE_US").quote("61800.00", "61800.01"), Side.BUY, T0);
        RiskEvent refused = desk.riskEvents(1).get(0);
        assertEquals("DENY", refused.outcome());
        assertEquals("no-broker", refused.rule());
        assertTrue(refused.reason().startsWith("no broker for BINANCE_US"), refused.reason());
        assertEquals(1, paper.submitted.size());
    }

    @Test
    void spotNeverOpensAShort() {
        TestBook spot = new TestBook(BTC_SPOT).quote("61799.99", "61800.00");
        signal(spot, Side.SELL, T0);
        assertTrue(paper.submitted.isEmpty());
        signal(spot, Side.BUY, T0);
        assertEquals(Side.BUY, paper.submitted.get(0).side());
        assertEquals("0.08090614", paper.submitted.get(0).quantity().toString()); // 8-decimal spot lot
    }

    @Test
    void onlyOneEntryAtATimePerInstrument() {
        TestBook btc = new TestBook(BTC).quote("61800.10", "61800.20");
        paper.restEntries = true;
        signal(btc, Side.BUY, T0);
        signal(btc, Side.BUY, T0.plusMillis(10)); // the first is still pending
        assertEquals(1, paper.submitted.size());

        paper.open.clear();
        paper.restEntries = false;
        signal(new TestBook(ETH).quote("2999.99", "3000.01"), Side.BUY, T0);
        signal(new TestBook(ETH).quote("2999.99", "3000.01"), Side.SELL, T0.plusMillis(10)); // positioned already
        assertEquals(2, paper.submitted.size());
        assertEquals(1, risk.orderChecks.get(1).getOrdersLastMinute());
    }

    @Test
    void ordersInTheLastMinuteCountEventTime() {
        TestBook eth = new TestBook(ETH).quote("2999.99", "3000.01");
        risk.orders = c -> RiskDecision.deny("test", "count only");
        signal(eth, Side.BUY, T0);
        paper.restEntries = true;
        risk.orders = c -> TestRisk.ALLOW;
        signal(new TestBook(BTC).quote("61800.10", "61800.20"), Side.BUY, T0.plusSeconds(1));
        signal(eth, Side.BUY, T0.plusSeconds(30));
        signal(new TestBook(ETH.replace("ETH", "SOL")).quote("150.00", "150.01"), Side.BUY, T0.plusSeconds(61));
        List<Integer> counts = risk.orderChecks.stream().map(OrderCheck::getOrdersLastMinute).toList();
        assertEquals(List.of(0, 0, 1, 1), counts); // a denied order was not sent; the BTC order ages out after 60 s
    }

    @Test
    void signalsAreIgnoredUnlessActive() {
        desk.reduce("test: only reducing", "tester");
        signal(new TestBook(BTC).quote("61800.10", "61800.20"), Side.BUY, T0);
        assertTrue(paper.submitted.isEmpty());
        assertTrue(risk.orderChecks.isEmpty());
        desk.resume("test: back", "tester");
        signal(new TestBook(BTC).quote("61800.10", "61800.20"), Side.BUY, T0);
        assertEquals(1, paper.submitted.size());
    }

    @Test
    void dataAgeAndBookStateComeFromTheInstrumentsLastBookEvent() {
        TestBook btc = new TestBook(BTC).quote("61800.10", "61800.20");
        book(btc, T0);
        risk.orders = c -> RiskDecision.deny("stale", "test");
        desk.onSignal(new org.tradeengine.api.strategy.Signal(9, btc.instrument(), Side.BUY, "s", "r", 1, BigDecimal.ONE,
                null, null, 1, 0, T0), btc.state(BookState.INVALID), nanos(T0.plus(Duration.ofMillis(250))));
        OrderCheck check = risk.orderChecks.get(0);
        assertFalse(check.isBookLive());
        assertEquals(0, check.getDataAgeMillis()); // the signal's own event is the latest book event
        assertEquals("DENY", desk.riskEvents(1).get(0).outcome());
        assertNotEquals("", desk.riskEvents(1).get(0).clientOrderId());
    }
}
