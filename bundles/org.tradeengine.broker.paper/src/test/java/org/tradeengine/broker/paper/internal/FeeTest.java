// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tradeengine.broker.paper.internal.Harness.dec;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Liquidity;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Side;

class FeeTest {

    /** One taker fill (market buy) and one maker fill (resting sell hit by a trade-through) on a venue's instrument. */
    private static OrderEvent[] takerAndMaker(Harness h) {
        h.book.bids("61800.10:2").asks("61800.20:0.123");
        h.show(0);
        h.submit(h.market("t", Side.BUY, "0.123", 0));
        h.submit(h.limit("m", Side.SELL, "0.05", "61800.30", 0));
        h.show(50);
        h.book.bids("61800.40:1").asks("61800.50:1");
        h.show(60);
        return new OrderEvent[] {h.fills("t").get(0), h.fills("m").get(0)};
    }

    @ParameterizedTest(name = "{0}: maker {1}, taker {2}")
    @CsvSource({
        "BTCUSDT-PERP.BINANCE_FUTURES, 0.0002, 0.0005",
        "BTCUSDT.BINANCE_SPOT, 0.001, 0.001",
        "BTCUSD.BINANCE_US, 0.001, 0.001",
        "PF_XBTUSD.KRAKEN_FUTURES, 0.0002, 0.0005"})
    void defaultRatesPerVenueAreAppliedExactlyToMakerAndTakerFills(String instrument, String maker, String taker) {
        Harness h = new Harness(InstrumentSpecs.lookup(InstrumentId.parse(instrument)), Map.of());
        OrderEvent[] fills = takerAndMaker(h);

        assertEquals(Liquidity.TAKER, fills[0].liquidity());
        assertEquals(0, dec("61800.20").multiply(dec("0.123")).multiply(dec(taker)).compareTo(fills[0].fee()));
        assertEquals(Liquidity.MAKER, fills[1].liquidity());
        assertEquals(0, dec("61800.30").multiply(dec("0.05")).multiply(dec(maker)).compareTo(fills[1].fee()));
    }

    @Test
    void feesKeepEveryDecimal() {
        Harness h = new Harness();
        h.book.bids("61800.0:1").asks("61800.1:1");
        h.show(0);
        h.submit(h.market("exact", Side.BUY, "0.123", 0));
        h.show(50);
        // 61800.1 × 0.123 = 7601.4123; × 0.0005 = 3.80070615 — no rounding to cents or to 8 places of anything else
        assertEquals(new BigDecimal("3.80070615"), h.fills("exact").get(0).fee().stripTrailingZeros());
    }

    @Test
    void configuredRatesReplaceTheDefaultsAndANegativeMakerRateIsARebate() {
        Harness h = new Harness(Harness.BTC_PERP, Map.of("fee.BINANCE_FUTURES.maker", "-0.00005",
                "fee.BINANCE_FUTURES.taker", "0.00036"));
        h.book.bids("61800.1:2").asks("61800.2:0.123");
        h.show(0);
        h.submit(h.market("t", Side.BUY, "0.123", 0));
        h.submit(h.limit("m", Side.SELL, "0.05", "61800.3", 0));
        h.show(50);
        h.book.bids("61800.4:1").asks("61800.5:1");
        h.show(60);

        BigDecimal taker = h.fills("t").get(0).fee();
        BigDecimal maker = h.fills("m").get(0).fee();
        assertEquals(0, dec("61800.2").multiply(dec("0.123")).multiply(dec("0.00036")).compareTo(taker));
        assertEquals(0, dec("61800.3").multiply(dec("0.05")).multiply(dec("-0.00005")).compareTo(maker));
        assertEquals(-1, maker.signum());
    }
}
