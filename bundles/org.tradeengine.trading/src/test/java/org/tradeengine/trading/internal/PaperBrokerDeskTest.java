// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.strategy.ExitDecision;
import org.tradeengine.api.trading.FillView;
import org.tradeengine.api.trading.TradingStatus;
import org.tradeengine.broker.paper.internal.FeeRates;
import org.tradeengine.broker.paper.internal.PaperBroker;
import org.tradeengine.broker.paper.internal.PaperSettings;

/** The desk against the real paper broker: latency, fills on the next book, fees, reduce-only closes, kill switch. */
class PaperBrokerDeskTest extends DeskTestSupport {

    private static final long LATENCY_NANOS = 50_000_000L;
    private PaperBroker sim;
    private final TestBook btc = new TestBook(BTC);

    @BeforeEach
    void realPaperBroker() {
        desk.removeBroker(paper, Venue.PAPER);
        Map<Venue, FeeRates> fees = new EnumMap<>(Venue.class);
        for (Venue v : Venue.values()) {
            fees.put(v, FeeRates.of("0.0002", "0.0005"));
        }
        sim = new PaperBroker(new PaperSettings(LATENCY_NANOS, fees, List.of()));
        desk.addBroker(sim, Venue.PAPER);
    }

    /** What the engine does after applying a book event: every BookObserver sees it (the broker first here). */
    private void engineBook(String bid, String ask, Instant at) {
        btc.quote(bid, ask);
        sim.onBook(btc, nanos(at));
        desk.onBook(btc, nanos(at));
    }

    @Test
    void anEntryFillsOnTheFirstBookAfterTheLatencyAndAnExitClosesIt() {
        engineBook("61800.10", "61800.20", T0);
        signal(btc, Side.BUY, T0);
        assertTrue(desk.positions().isEmpty()); // on its way to the simulated venue
        assertEquals(1, desk.openOrders().size());

        engineBook("61800.10", "61800.20", T0.plusMillis(10));
        assertTrue(desk.positions().isEmpty());
        engineBook("61800.30", "61800.40", T0.plusMillis(60));
        FillView entry = desk.fills(1).get(0);
        assertDecimal("0.080", entry.quantity());
        assertDecimal("61800.40", entry.price()); // the ask of the first book after the latency
        assertDecimal("2.4720160", entry.fee()); // 61800.40 x 0.080 x 0.0005, exact
        assertEquals(OrderEvent.Liquidity.TAKER, entry.liquidity());
        assertEquals("imbalance-long", entry.purpose());
        assertDecimal("0.080", desk.positions().get(0).quantity());

        risk.exits = p -> p.stream().filter(m -> m.getPnlPercent().compareTo(new BigDecimal("0.20")) >= 0)
                .map(m -> new ExitDecision(m.getInstrument(), "profit-target", m.getPnlPercent() + " %")).toList();
        engineBook("61950.00", "61950.10", T0.plusSeconds(1)); // +0.2424 %: the exit sends a reduce-only close
        assertEquals(1, desk.positions().size());
        engineBook("61950.00", "61950.10", T0.plusMillis(1100));
        assertTrue(desk.positions().isEmpty());
        FillView exit = desk.fills(1).get(0);
        assertEquals("profit-target", exit.purpose());
        assertDecimal("61950.00", exit.price());
        assertEquals(entry.correlationId(), exit.correlationId());

        TradingStatus s = desk.status();
        assertDecimal("11.968", s.account().realizedPnl()); // (61950.00 - 61800.40) x 0.080
        assertDecimal("4.950016", s.account().fees()); // 2.472016 + 61950.00 x 0.080 x 0.0005
        assertDecimal("40007.017984", s.account().equity());
        assertEquals(1, s.account().trades());
        assertEquals(1, s.account().wins());
    }

    @Test
    void theKillSwitchFlattensAtThePaperBrokerAndConfirmsOnTheNextBook() {
        engineBook("61800.10", "61800.20", T0);
        signal(btc, Side.SELL, T0);
        engineBook("61800.10", "61800.20", T0.plusMillis(60));
        assertDecimal("-0.080", desk.positions().get(0).quantity());

        TradingStatus fired = desk.kill("test the kill switch", "trader");
        assertTrue(fired.flattening()); // the close waits for the latency
        engineBook("61800.10", "61800.20", T0.plusMillis(200));
        TradingStatus s = desk.status();
        assertFalse(s.flattening());
        assertEquals(TradingState.HALTED, s.state());
        assertTrue(sim.positions().isEmpty());
        assertTrue(sim.openOrders().isEmpty());
        assertTrue(desk.positions().isEmpty());
        assertEquals("kill-switch", desk.fills(1).get(0).purpose());

        signal(btc, Side.BUY, T0.plusMillis(300));
        engineBook("61800.10", "61800.20", T0.plusMillis(400));
        assertTrue(desk.positions().isEmpty()); // latched HALTED: no entry
    }
}
