// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.trading.AccountView;
import org.tradeengine.api.trading.FillView;
import org.tradeengine.api.trading.PositionView;

class PnlTest extends DeskTestSupport {

    private static final InstrumentId ETH_ID = InstrumentId.parse(ETH);

    /** Plays one fill of order {@code id} through the broker's listener. */
    private void fill(String id, Side side, String qty, String price, String fee, Instant at) {
        paper.emit(new OrderEvent(id, "corr-" + id, ETH_ID, OrderEvent.Type.FILL, side, Quantity.parse(qty, 3),
                Price.parse(price, 2), new BigDecimal(fee), OrderEvent.Liquidity.TAKER, new Quantity(0, 3), "", at));
    }

    private PositionView position() {
        List<PositionView> p = desk.positions();
        assertEquals(1, p.size(), () -> "positions " + p);
        return p.get(0);
    }

    @Test
    void averageEntryRealizedAndFeesAreExactThroughPartialFillsAndAFlip() {
        fill("a", Side.BUY, "0.010", "100.00", "0.0005", T0);
        fill("a", Side.BUY, "0.030", "104.00", "0.00156", T0.plusSeconds(1)); // partial fills of one order
        assertDecimal("0.040", position().quantity());
        assertDecimal("103", position().entryPrice()); // (1.000 + 3.120) / 0.040

        fill("b", Side.SELL, "0.010", "110.00", "0.00055", T0.plusSeconds(2)); // reduce: +7 x 0.010
        assertDecimal("0.030", position().quantity());
        assertDecimal("103", position().entryPrice());
        assertDecimal("0.07", desk.status().account().realizedPnl());

        fill("c", Side.SELL, "0.050", "100.00", "0.0025", T0.plusSeconds(3)); // close 0.030 (-3 x 0.030), open short 0.020
        PositionView shortPos = position();
        assertDecimal("-0.020", shortPos.quantity());
        assertDecimal("100", shortPos.entryPrice());
        assertEquals(T0.plusSeconds(3), shortPos.openedAt());
        assertEquals("corr-c", shortPos.correlationId());
        assertDecimal("-0.02", desk.status().account().realizedPnl());

        book(new TestBook(ETH).quote("94.90", "95.00"), T0.plusSeconds(4)); // a short is marked at the ask
        assertDecimal("95.00", position().markPrice());
        assertDecimal("0.1", position().unrealizedPnl());

        fill("d", Side.BUY, "0.020", "96.00", "0.00096", T0.plusSeconds(5)); // close the short: +4 x 0.020
        assertTrue(desk.positions().isEmpty());

        AccountView a = desk.status().account();
        assertDecimal("0.06", a.realizedPnl());
        assertDecimal("0", a.unrealizedPnl());
        assertDecimal("0.00607", a.fees());
        // equals capital + cash flows: sells 1.1 + 5.0, buys 1.0 + 3.12 + 1.92, fees 0.00607
        assertDecimal("40000.05393", a.equity());
        assertEquals(2, a.trades());
        assertEquals(1, a.wins());

        SessionReport r = desk.sessionReport();
        assertDecimal("0.07904", r.grossProfit()); // the short: 0.08 - 0.00096
        assertDecimal("0.02511", r.grossLoss()); // the long: -0.02 - (0.0005 + 0.00156 + 0.00055 + 0.0025)
        assertDecimal("50.00", r.winRatePercent());
        assertDecimal("3.1477", r.profitFactor());
        assertDecimal("0.05393", r.netPnl());

        FillView last = desk.fills(1).get(0);
        assertEquals("d", last.clientOrderId());
        assertDecimal("96.00", last.price());
        assertEquals(5, desk.fills(10).size());
    }

    @Test
    void aNonTerminatingAverageStillClosesToAnExactRoundTrip() {
        fill("a", Side.BUY, "1.000", "100.00", "0", T0);
        fill("b", Side.BUY, "2.000", "101.00", "0", T0);
        fill("c", Side.SELL, "1.000", "102.00", "0", T0);
        assertDecimal("2.000", position().quantity());
        fill("d", Side.SELL, "2.000", "102.00", "0", T0);
        AccountView a = desk.status().account();
        assertDecimal("4", a.realizedPnl()); // 3 x 102 - (100 + 202), whatever the rounding of the average in between
        assertDecimal("40004", a.equity());
    }

    @Test
    void dailyPnlRestartsAtUtcMidnightOfEventTime() {
        Instant beforeMidnight = Instant.parse("2024-05-01T23:59:00Z");
        fill("a", Side.BUY, "1.000", "100.00", "0.05", beforeMidnight);
        book(new TestBook(ETH).quote("110.00", "110.10"), beforeMidnight.plusSeconds(30)); // a long is marked at the bid
        AccountView before = desk.status().account();
        assertDecimal("9.95", before.dailyPnl());
        assertDecimal("40009.95", before.equity());

        book(new TestBook(ETH).quote("105.00", "105.10"), Instant.parse("2024-05-02T00:00:10Z"));
        AccountView after = desk.status().account();
        assertDecimal("-5", after.dailyPnl()); // the new day starts at 40009.95
        assertDecimal("40004.95", after.equity());
        assertDecimal("40009.95", after.peakEquity());
        assertDecimal("-5", after.drawdown());

        fill("b", Side.SELL, "1.000", "106.00", "0.053", Instant.parse("2024-05-02T00:01:00Z"));
        AccountView closed = desk.status().account();
        assertDecimal("-4.053", closed.dailyPnl());
        assertDecimal("6", closed.realizedPnl());
        assertDecimal("-5", desk.sessionReport().maxDrawdown());
    }

    @Test
    void aNewDayStartsAtItsFirstEventEvenWhenFlat() {
        fill("a", Side.BUY, "1.000", "100.00", "0", Instant.parse("2024-05-01T20:00:00Z"));
        fill("b", Side.SELL, "1.000", "103.00", "0", Instant.parse("2024-05-01T21:00:00Z"));
        assertDecimal("3", desk.status().account().dailyPnl());
        book(new TestBook(BTC).quote("61800.10", "61800.20"), Instant.parse("2024-05-02T00:00:01Z"));
        assertDecimal("0", desk.status().account().dailyPnl());
        assertDecimal("40003", desk.status().account().equity());
    }

    @Test
    void positionsHandedToRiskAreMarkedWithPercentAndAge() {
        fill("a", Side.BUY, "2.000", "100.00", "0", T0);
        book(new TestBook(ETH).quote("100.20", "100.30"), T0.plusSeconds(12));
        var mark = risk.exitChecks.get(risk.exitChecks.size() - 1).get(0);
        assertDecimal("2.000", mark.getQuantity());
        assertDecimal("100.20", mark.getMarkPrice());
        assertDecimal("0.40", mark.getUnrealizedPnl());
        assertEquals("0.2000", mark.getPnlPercent().toPlainString());
        assertEquals(12_000, mark.getAgeMillis());
        assertTrue(mark.isBookLive());
        assertDecimal("200.40", mark.getNotional());
    }
}
