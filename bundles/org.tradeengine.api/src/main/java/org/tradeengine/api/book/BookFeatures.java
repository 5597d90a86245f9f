// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.book;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Venue;

/**
 * The order-book facts entry rules reason about: volumes of the top N levels of each side, their ratio
 * (the imbalance), best prices, spread and mid. Immutable; a new instance is made only when a value changes.
 *
 * <p>Getters follow the JavaBean convention so Drools rules can read them ({@code imbalance > 3.0}). All
 * values are exact: volumes and prices are fixed-point internally and {@link BigDecimal} here; the imbalance
 * is rounded half-even to {@value #RATIO_SCALE} decimals and is {@code null} when the ask volume is zero.
 */
public final class BookFeatures {

    /** Decimals kept in the imbalance ratio. */
    public static final int RATIO_SCALE = 6;

    private final InstrumentId instrument;
    private final BookState state;
    private final int depth;
    private final int priceScale;
    private final int qtyScale;
    private final long bidVolumeRaw;
    private final long askVolumeRaw;
    private final long bestBidRaw;
    private final long bestAskRaw;
    private final long lastUpdateId;
    private final long exchangeTimeMillis;
    private final long localTimeNanos;
    private final BigDecimal imbalance;

    /**
     * Creates the facts from raw values.
     *
     * @param instrument the instrument
     * @param state the book state
     * @param depth N, the number of levels summed per side
     * @param priceScale decimals of raw prices
     * @param qtyScale decimals of raw volumes
     * @param bidVolumeRaw summed quantity of the top N bid levels
     * @param askVolumeRaw summed quantity of the top N ask levels
     * @param bestBidRaw best bid price (0 if none)
     * @param bestAskRaw best ask price (0 if none)
     * @param lastUpdateId the book's last update id
     * @param exchangeTimeMillis venue event time of the last delta
     * @param localTimeNanos local receive time of the last delta
     */
    public BookFeatures(InstrumentId instrument, BookState state, int depth, int priceScale, int qtyScale,
            long bidVolumeRaw, long askVolumeRaw, long bestBidRaw, long bestAskRaw, long lastUpdateId,
            long exchangeTimeMillis, long localTimeNanos) {
        this.instrument = instrument;
        this.state = state;
        this.depth = depth;
        this.priceScale = priceScale;
        this.qtyScale = qtyScale;
        this.bidVolumeRaw = bidVolumeRaw;
        this.askVolumeRaw = askVolumeRaw;
        this.bestBidRaw = bestBidRaw;
        this.bestAskRaw = bestAskRaw;
        this.lastUpdateId = lastUpdateId;
        this.exchangeTimeMillis = exchangeTimeMillis;
        this.localTimeNanos = localTimeNanos;
        this.imbalance = askVolumeRaw > 0
                ? BigDecimal.valueOf(bidVolumeRaw).divide(BigDecimal.valueOf(askVolumeRaw), RATIO_SCALE, RoundingMode.HALF_EVEN)
                : null;
    }

    /**
     * Computes the features of the top {@code depth} levels of a book.
     *
     * @param book the book (on its owning thread)
     * @param depth N
     * @param exchangeTimeMillis venue time of the delta that produced this book
     * @param localTimeNanos local receive time of that delta
     * @return the features
     */
    public static BookFeatures of(BookView book, int depth, long exchangeTimeMillis, long localTimeNanos) {
        int nb = Math.min(depth, book.bidDepth());
        int na = Math.min(depth, book.askDepth());
        return new BookFeatures(book.instrument(), book.state(), depth, book.spec().priceScale(), book.spec().qtyScale(),
                bidVolume(book, depth), askVolume(book, depth), nb > 0 ? book.bidPrice(0) : 0, na > 0 ? book.askPrice(0) : 0,
                book.lastUpdateId(), exchangeTimeMillis, localTimeNanos);
    }

    /**
     * Sums the quantities of the top {@code depth} bid levels (raw, at the instrument's quantity scale).
     *
     * @param book the book (on its owning thread)
     * @param depth N
     * @return the raw top-N bid volume
     */
    public static long bidVolume(BookView book, int depth) {
        long sum = 0;
        for (int i = 0, n = Math.min(depth, book.bidDepth()); i < n; i++) {
            sum += book.bidQty(i);
        }
        return sum;
    }

    /**
     * Sums the quantities of the top {@code depth} ask levels (raw, at the instrument's quantity scale).
     *
     * @param book the book (on its owning thread)
     * @param depth N
     * @return the raw top-N ask volume
     */
    public static long askVolume(BookView book, int depth) {
        long sum = 0;
        for (int i = 0, n = Math.min(depth, book.askDepth()); i < n; i++) {
            sum += book.askQty(i);
        }
        return sum;
    }

    /**
     * Tells whether two feature sets carry the same values (state, volumes, best prices), ignoring times and
     * update ids. The engine fires rules only when this is false.
     *
     * @param o the previous features, may be null
     * @return true if nothing a rule reads has changed
     */
    public boolean sameValuesAs(BookFeatures o) {
        return o != null && o.instrument.equals(instrument) && o.state == state && o.depth == depth
                && o.bidVolumeRaw == bidVolumeRaw && o.askVolumeRaw == askVolumeRaw
                && o.bestBidRaw == bestBidRaw && o.bestAskRaw == bestAskRaw;
    }

    /** @return the instrument */
    public InstrumentId getInstrument() {
        return instrument;
    }

    /** @return the venue */
    public Venue getVenue() {
        return instrument.venue();
    }

    /** @return true if the venue is spot-only (no shorts) */
    public boolean isSpotOnly() {
        return instrument.venue().isSpotOnly();
    }

    /** @return the book state; only LIVE books may produce signals */
    public BookState getState() {
        return state;
    }

    /** @return true if the book is LIVE */
    public boolean isLive() {
        return state == BookState.LIVE;
    }

    /** @return N, the number of levels summed per side */
    public int getDepth() {
        return depth;
    }

    /** @return top-N bid volume divided by top-N ask volume, or null if the ask volume is zero */
    public BigDecimal getImbalance() {
        return imbalance;
    }

    /** @return summed quantity of the top N bid levels */
    public BigDecimal getBidVolume() {
        return FixedPoint.toBigDecimal(bidVolumeRaw, qtyScale);
    }

    /** @return summed quantity of the top N ask levels */
    public BigDecimal getAskVolume() {
        return FixedPoint.toBigDecimal(askVolumeRaw, qtyScale);
    }

    /** @return best bid price, or null if the bid side is empty */
    public BigDecimal getBestBid() {
        return bestBidRaw > 0 ? FixedPoint.toBigDecimal(bestBidRaw, priceScale) : null;
    }

    /** @return best ask price, or null if the ask side is empty */
    public BigDecimal getBestAsk() {
        return bestAskRaw > 0 ? FixedPoint.toBigDecimal(bestAskRaw, priceScale) : null;
    }

    /** @return best ask minus best bid, or null if a side is empty */
    public BigDecimal getSpread() {
        return bestBidRaw > 0 && bestAskRaw > 0 ? FixedPoint.toBigDecimal(bestAskRaw - bestBidRaw, priceScale) : null;
    }

    /** @return (best bid + best ask) / 2 exactly, or null if a side is empty */
    public BigDecimal getMid() {
        return bestBidRaw > 0 && bestAskRaw > 0
                ? FixedPoint.toBigDecimal(bestBidRaw + bestAskRaw, priceScale).divide(BigDecimal.valueOf(2))
                : null;
    }

    /** @return raw top-N bid volume at the instrument's quantity scale */
    public long bidVolumeRaw() {
        return bidVolumeRaw;
    }

    /** @return raw top-N ask volume at the instrument's quantity scale */
    public long askVolumeRaw() {
        return askVolumeRaw;
    }

    /** @return raw best bid */
    public long bestBidRaw() {
        return bestBidRaw;
    }

    /** @return raw best ask */
    public long bestAskRaw() {
        return bestAskRaw;
    }

    /** @return decimals of raw prices */
    public int priceScale() {
        return priceScale;
    }

    /** @return decimals of raw volumes */
    public int qtyScale() {
        return qtyScale;
    }

    /** @return the book's last update id when these features were computed */
    public long getLastUpdateId() {
        return lastUpdateId;
    }

    /** @return venue event time in epoch milliseconds */
    public long getExchangeTimeMillis() {
        return exchangeTimeMillis;
    }

    /** @return local receive time in epoch nanoseconds */
    public long getLocalTimeNanos() {
        return localTimeNanos;
    }

    @Override
    public String toString() {
        return instrument + " " + state + " imbalance=" + (imbalance == null ? "n/a" : imbalance.toPlainString())
                + " bidVol=" + getBidVolume().toPlainString() + " askVol=" + getAskVolume().toPlainString()
                + " bid=" + FixedPoint.format(bestBidRaw, priceScale) + " ask=" + FixedPoint.format(bestAskRaw, priceScale);
    }
}
