// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.book;

import java.util.Objects;

import org.tradeengine.api.model.InstrumentId;

/**
 * One venue event for one instrument's book: either a full snapshot or a batch of level updates, with raw
 * fixed-point prices and quantities at the instrument's scales.
 *
 * <p>Quantities are absolute: a level update replaces the level's quantity, and quantity 0 deletes the level.
 * Sequence ids are the venue's: {@link #firstUpdateId()} and {@link #lastUpdateId()} are the first and final
 * update ids in the event ({@code U}/{@code u} on Binance, {@code seq} twice on Kraken), and
 * {@link #previousUpdateId()} is the id this event continues from. The feed sets it from the venue's rule:
 * {@code pu} on Binance futures, {@code U - 1} on Binance spot, {@code seq - 1} on Kraken, and for the first
 * event applied after a snapshot (the bridging event, already checked by the feed) the snapshot's id. A book
 * accepts an update only if its {@code previousUpdateId} equals the book's last update id.
 *
 * <p>A delta is immutable once published: the arrays must not be changed after construction.
 */
public final class BookDelta {

    /** Whether a delta replaces the whole book or updates some levels. */
    public enum Kind {
        /** Replaces the whole book; its {@code lastUpdateId} becomes the book's. */
        SNAPSHOT,
        /** Updates some levels, continuing from {@code previousUpdateId}. */
        UPDATE
    }

    private final InstrumentId instrument;
    private final Kind kind;
    private final long firstUpdateId;
    private final long lastUpdateId;
    private final long previousUpdateId;
    private final long exchangeTimeMillis;
    private final long localTimeNanos;
    private final long[] bidPrices;
    private final long[] bidQtys;
    private final int bidCount;
    private final long[] askPrices;
    private final long[] askQtys;
    private final int askCount;

    /**
     * Creates a delta. The arrays are kept, not copied; only their first {@code count} entries are used.
     *
     * @param instrument the instrument
     * @param kind snapshot or update
     * @param firstUpdateId first venue update id in this event
     * @param lastUpdateId final venue update id in this event
     * @param previousUpdateId the id this event continues from (ignored for snapshots)
     * @param exchangeTimeMillis venue event time, epoch milliseconds (0 if unknown)
     * @param localTimeNanos local receive time, epoch nanoseconds
     * @param bidPrices raw bid prices
     * @param bidQtys raw bid quantities (absolute; 0 deletes)
     * @param bidCount number of bid entries used
     * @param askPrices raw ask prices
     * @param askQtys raw ask quantities (absolute; 0 deletes)
     * @param askCount number of ask entries used
     */
    public BookDelta(InstrumentId instrument, Kind kind, long firstUpdateId, long lastUpdateId, long previousUpdateId,
            long exchangeTimeMillis, long localTimeNanos, long[] bidPrices, long[] bidQtys, int bidCount,
            long[] askPrices, long[] askQtys, int askCount) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.kind = Objects.requireNonNull(kind, "kind");
        if (bidCount < 0 || bidCount > bidPrices.length || bidCount > bidQtys.length
                || askCount < 0 || askCount > askPrices.length || askCount > askQtys.length) {
            throw new IllegalArgumentException("level counts do not fit the arrays for " + instrument);
        }
        this.firstUpdateId = firstUpdateId;
        this.lastUpdateId = lastUpdateId;
        this.previousUpdateId = previousUpdateId;
        this.exchangeTimeMillis = exchangeTimeMillis;
        this.localTimeNanos = localTimeNanos;
        this.bidPrices = bidPrices;
        this.bidQtys = bidQtys;
        this.bidCount = bidCount;
        this.askPrices = askPrices;
        this.askQtys = askQtys;
        this.askCount = askCount;
    }

    /** @return the instrument */
    public InstrumentId instrument() {
        return instrument;
    }

    /** @return snapshot or update */
    public Kind kind() {
        return kind;
    }

    /** @return true for a snapshot */
    public boolean isSnapshot() {
        return kind == Kind.SNAPSHOT;
    }

    /** @return the first venue update id in this event */
    public long firstUpdateId() {
        return firstUpdateId;
    }

    /** @return the final venue update id in this event */
    public long lastUpdateId() {
        return lastUpdateId;
    }

    /** @return the update id this event continues from (see the class comment) */
    public long previousUpdateId() {
        return previousUpdateId;
    }

    /** @return the venue's event time in epoch milliseconds, 0 if unknown */
    public long exchangeTimeMillis() {
        return exchangeTimeMillis;
    }

    /** @return the local receive time in epoch nanoseconds */
    public long localTimeNanos() {
        return localTimeNanos;
    }

    /** @return the number of bid entries */
    public int bidCount() {
        return bidCount;
    }

    /** @return the number of ask entries */
    public int askCount() {
        return askCount;
    }

    /** @return total number of level entries (bids plus asks) */
    public int levelCount() {
        return bidCount + askCount;
    }

    /**
     * @param i entry index, 0..bidCount-1
     * @return raw price of bid entry {@code i}
     */
    public long bidPrice(int i) {
        return bidPrices[i];
    }

    /**
     * @param i entry index, 0..bidCount-1
     * @return raw quantity of bid entry {@code i}
     */
    public long bidQty(int i) {
        return bidQtys[i];
    }

    /**
     * @param i entry index, 0..askCount-1
     * @return raw price of ask entry {@code i}
     */
    public long askPrice(int i) {
        return askPrices[i];
    }

    /**
     * @param i entry index, 0..askCount-1
     * @return raw quantity of ask entry {@code i}
     */
    public long askQty(int i) {
        return askQtys[i];
    }

    @Override
    public String toString() {
        return instrument + " " + kind + " U=" + firstUpdateId + " u=" + lastUpdateId + " prev=" + previousUpdateId
                + " bids=" + bidCount + " asks=" + askCount;
    }

    /**
     * Returns a copy whose {@code previousUpdateId} is replaced; used by feeds for the bridging event.
     *
     * @param previous the id this event continues from
     * @return a new delta sharing the level arrays
     */
    public BookDelta withPreviousUpdateId(long previous) {
        return new BookDelta(instrument, kind, firstUpdateId, lastUpdateId, previous, exchangeTimeMillis, localTimeNanos,
                bidPrices, bidQtys, bidCount, askPrices, askQtys, askCount);
    }

    /**
     * Returns a copy for another instrument id; used when a venue symbol is mapped to a configured id.
     *
     * @param id the instrument
     * @return a new delta sharing the level arrays
     */
    public BookDelta withInstrument(InstrumentId id) {
        return new BookDelta(id, kind, firstUpdateId, lastUpdateId, previousUpdateId, exchangeTimeMillis, localTimeNanos,
                bidPrices, bidQtys, bidCount, askPrices, askQtys, askCount);
    }
}
