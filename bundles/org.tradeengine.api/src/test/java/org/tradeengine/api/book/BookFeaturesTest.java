// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;

/** The facts entry rules read: exact imbalance, volumes, prices, and when two fact sets count as the same. */
class BookFeaturesTest {

    private static final InstrumentId PERP = InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES");
    private static final InstrumentSpec SPEC = InstrumentSpecs.lookup(PERP);

    private static BookFeatures features(long bidVol, long askVol, long bid, long ask) {
        return new BookFeatures(PERP, BookState.LIVE, 5, SPEC.priceScale(), SPEC.qtyScale(), bidVol, askVol, bid, ask, 7, 1, 2);
    }

    @ParameterizedTest
    @CsvSource({"3000, 1000, 3.000000", "1000, 3000, 0.333333", "2000, 3000, 0.666667", "1, 2000000, 0.000000",
        "3, 2000000, 0.000002", "5, 2000000, 0.000002", "7, 2000000, 0.000004", "123456789, 1, 123456789.000000"})
    void imbalanceIsBidOverAskVolumeRoundedHalfEvenToSixDecimals(long bidVol, long askVol, String expected) {
        BigDecimal imbalance = features(bidVol, askVol, 618001, 618002).getImbalance();
        assertEquals(new BigDecimal(expected), imbalance);
        assertEquals(BookFeatures.RATIO_SCALE, imbalance.scale());
    }

    @Test
    void imbalanceIsNullWhenTheAskVolumeIsZero() {
        assertNull(features(5000, 0, 618001, 0).getImbalance());
        assertNull(features(0, 0, 0, 0).getImbalance());
        assertEquals(new BigDecimal("0.000000"), features(0, 10, 0, 618002).getImbalance());
    }

    @Test
    void ofSumsTheTopLevelsOfEachSide() {
        FixedBook book = new FixedBook(new long[] {618001, 618000, 617990}, new long[] {1000, 2000, 4000},
                new long[] {618002, 618010}, new long[] {500, 1500});
        BookFeatures two = BookFeatures.of(book, 2, 1723161256299L, 99);
        assertEquals(3000, two.bidVolumeRaw());
        assertEquals(2000, two.askVolumeRaw());
        assertEquals(new BigDecimal("1.500000"), two.getImbalance());
        assertEquals(new BigDecimal("3.000"), two.getBidVolume());
        assertEquals(new BigDecimal("61800.1"), two.getBestBid());
        assertEquals(new BigDecimal("61800.2"), two.getBestAsk());
        assertEquals(new BigDecimal("0.1"), two.getSpread());
        assertEquals(new BigDecimal("61800.15"), two.getMid());
        assertEquals(1723161256299L, two.getExchangeTimeMillis());
        assertEquals(42, two.getLastUpdateId());
        BookFeatures deep = BookFeatures.of(book, 10, 0, 0);
        assertEquals(7000, deep.bidVolumeRaw(), "fewer levels than N: all of them");
        assertEquals(2000, deep.askVolumeRaw());
    }

    @Test
    void emptySideHasNoPricesSpreadMidOrImbalance() {
        BookFeatures f = BookFeatures.of(new FixedBook(new long[] {618001}, new long[] {1000}, new long[0], new long[0]), 5, 0, 0);
        assertNull(f.getBestAsk());
        assertNull(f.getSpread());
        assertNull(f.getMid());
        assertNull(f.getImbalance());
        assertEquals(new BigDecimal("61800.1"), f.getBestBid());
        assertTrue(f.isLive());
        assertFalse(f.isSpotOnly());
    }

    @Test
    void sameValuesIgnoresTimesAndIdsButNothingARuleReads() {
        BookFeatures f = features(3000, 1000, 618001, 618002);
        assertTrue(f.sameValuesAs(new BookFeatures(PERP, BookState.LIVE, 5, 1, 3, 3000, 1000, 618001, 618002, 99, 98, 97)));
        assertFalse(f.sameValuesAs(null));
        assertFalse(f.sameValuesAs(features(3001, 1000, 618001, 618002)));
        assertFalse(f.sameValuesAs(features(3000, 999, 618001, 618002)));
        assertFalse(f.sameValuesAs(features(3000, 1000, 618000, 618002)));
        assertFalse(f.sameValuesAs(features(3000, 1000, 618001, 618003)));
        assertFalse(f.sameValuesAs(new BookFeatures(PERP, BookState.INVALID, 5, 1, 3, 3000, 1000, 618001, 618002, 7, 1, 2)));
        assertFalse(f.sameValuesAs(new BookFeatures(PERP, BookState.LIVE, 4, 1, 3, 3000, 1000, 618001, 618002, 7, 1, 2)));
        InstrumentId spot = InstrumentId.parse("BTCUSDT.BINANCE_SPOT");
        assertFalse(f.sameValuesAs(new BookFeatures(spot, BookState.LIVE, 5, 1, 3, 3000, 1000, 618001, 618002, 7, 1, 2)));
    }

    /** A book with fixed levels, best first. */
    private static final class FixedBook implements BookView {
        private final long[] bidPrices;
        private final long[] bidQtys;
        private final long[] askPrices;
        private final long[] askQtys;

        FixedBook(long[] bidPrices, long[] bidQtys, long[] askPrices, long[] askQtys) {
            this.bidPrices = bidPrices;
            this.bidQtys = bidQtys;
            this.askPrices = askPrices;
            this.askQtys = askQtys;
        }

        @Override
        public InstrumentId instrument() {
            return PERP;
        }

        @Override
        public InstrumentSpec spec() {
            return SPEC;
        }

        @Override
        public BookState state() {
            return BookState.LIVE;
        }

        @Override
        public long lastUpdateId() {
            return 42;
        }

        @Override
        public int bidDepth() {
            return bidPrices.length;
        }

        @Override
        public int askDepth() {
            return askPrices.length;
        }

        @Override
        public long bidPrice(int level) {
            return bidPrices[level];
        }

        @Override
        public long bidQty(int level) {
            return bidQtys[level];
        }

        @Override
        public long askPrice(int level) {
            return askPrices[level];
        }

        @Override
        public long askQty(int level) {
            return askQtys[level];
        }
    }
}
