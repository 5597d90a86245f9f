// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.scan;

import java.util.Arrays;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.model.InstrumentSpec;

/**
 * What {@link BinanceScanner} read from one line. Reused for every line (the scanner owns it), so a caller
 * copies what it keeps, e.g. with {@link #toUpdate(long)}.
 */
public final class ScannedMessage {

    /** What the line was. */
    public enum Kind {
        /** A depthUpdate event. */
        DEPTH,
        /** A REST depth snapshot body. */
        SNAPSHOT,
        /** A recognised stream the book does not need (bookTicker, trade, aggTrade, markPrice). */
        SKIPPED,
        /** An empty line. */
        BLANK,
        /** A session message, not market data: an answer to a request or a serverShutdown; see {@link #message()}. */
        CONTROL,
        /** A rejected line; see {@link #problem()} and {@link #message()}. */
        ERROR
    }

    Kind kind;
    long localTimeNanos;
    long eventTime;
    long transactionTime;
    long firstId;
    long lastId;
    long prevId;
    InstrumentSpec spec;
    long[] bidPrices = new long[64];
    long[] bidQtys = new long[64];
    long[] askPrices = new long[64];
    long[] askQtys = new long[64];
    int bidCount;
    int askCount;
    ScanProblem problem;
    String message;

    void clear() {
        kind = null;
        localTimeNanos = 0;
        eventTime = 0;
        transactionTime = 0;
        firstId = 0;
        lastId = 0;
        prevId = 0;
        spec = null;
        bidCount = 0;
        askCount = 0;
        problem = null;
        message = null;
    }

    void addBid(long price, long qty) {
        if (bidCount == bidPrices.length) {
            bidPrices = Arrays.copyOf(bidPrices, bidCount * 2);
            bidQtys = Arrays.copyOf(bidQtys, bidCount * 2);
        }
        bidPrices[bidCount] = price;
        bidQtys[bidCount++] = qty;
    }

    void addAsk(long price, long qty) {
        if (askCount == askPrices.length) {
            askPrices = Arrays.copyOf(askPrices, askCount * 2);
            askQtys = Arrays.copyOf(askQtys, askCount * 2);
        }
        askPrices[askCount] = price;
        askQtys[askCount++] = qty;
    }

    /**
     * Copies this depth event into an immutable UPDATE delta.
     *
     * @param previousUpdateId the id it continues from, by the venue's rule
     * @return the delta
     */
    public BookDelta toUpdate(long previousUpdateId) {
        return toDelta(BookDelta.Kind.UPDATE, firstId, previousUpdateId);
    }

    /** @return this snapshot as an immutable SNAPSHOT delta (first, last and previous id = lastUpdateId) */
    public BookDelta toSnapshot() {
        return toDelta(BookDelta.Kind.SNAPSHOT, lastId, lastId);
    }

    private BookDelta toDelta(BookDelta.Kind k, long first, long previous) {
        return new BookDelta(spec.id(), k, first, lastId, previous, eventTime, localTimeNanos,
                Arrays.copyOf(bidPrices, bidCount), Arrays.copyOf(bidQtys, bidCount), bidCount,
                Arrays.copyOf(askPrices, askCount), Arrays.copyOf(askQtys, askCount), askCount);
    }

    /** @return what the line was */
    public Kind kind() {
        return kind;
    }

    /** @return local receive time of the line, epoch nanoseconds */
    public long localTimeNanos() {
        return localTimeNanos;
    }

    /** @return venue event time E in epoch ms, 0 if the message has none */
    public long eventTime() {
        return eventTime;
    }

    /** @return venue transaction time T in epoch ms, 0 if the message has none */
    public long transactionTime() {
        return transactionTime;
    }

    /** @return U of a depth event, lastUpdateId of a snapshot */
    public long firstId() {
        return firstId;
    }

    /** @return u of a depth event, lastUpdateId of a snapshot */
    public long lastId() {
        return lastId;
    }

    /** @return pu of a futures depth event, 0 on spot */
    public long prevId() {
        return prevId;
    }

    /** @return the instrument's spec (the snapshot's is the one the caller passed), null if unknown */
    public InstrumentSpec spec() {
        return spec;
    }

    /** @return bid entries read */
    public int bidCount() {
        return bidCount;
    }

    /** @return ask entries read */
    public int askCount() {
        return askCount;
    }

    /**
     * @param i 0..bidCount-1
     * @return raw price of bid entry i
     */
    public long bidPrice(int i) {
        return bidPrices[i];
    }

    /**
     * @param i 0..bidCount-1
     * @return raw quantity of bid entry i
     */
    public long bidQty(int i) {
        return bidQtys[i];
    }

    /**
     * @param i 0..askCount-1
     * @return raw price of ask entry i
     */
    public long askPrice(int i) {
        return askPrices[i];
    }

    /**
     * @param i 0..askCount-1
     * @return raw quantity of ask entry i
     */
    public long askQty(int i) {
        return askQtys[i];
    }

    /** @return why the line was rejected, null unless ERROR */
    public ScanProblem problem() {
        return problem;
    }

    /** @return ERROR: what is wrong, without the file and line (the caller adds them); CONTROL: what it was; else null */
    public String message() {
        return message;
    }
}
