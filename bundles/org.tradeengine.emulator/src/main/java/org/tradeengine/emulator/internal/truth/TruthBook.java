// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.truth;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Comparator;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.emulator.TrueBook;
import org.tradeengine.emulator.internal.recording.DepthEvent;
import org.tradeengine.emulator.internal.recording.Level;
import org.tradeengine.emulator.internal.recording.RecordedSnapshot;

/**
 * The true book of one symbol: the recorded snapshot plus every recorded delta after it, by the venue's rule, in
 * plain {@code TreeMap<BigDecimal, BigDecimal>}s. Never touched by faults. Keeps the digest up to date per level and
 * remembers it per applied update id. Not thread-safe: the engine's lock guards it.
 */
public final class TruthBook {

    private final Logger logger = LoggerFactory.getLogger(TruthBook.class);
    private final String symbol;
    private final SyncRule rule;
    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private final DigestHistory history;
    private long lastUpdateId;
    private long eventTime;
    private long txTime;
    private boolean bridged;
    private long hashSum;
    private long levels;
    private long ruleBreaks;

    /**
     * @param rule the venue's rule
     * @param snapshot recorded snapshot the truth starts from
     * @param historyCapacity digests kept
     */
    public TruthBook(SyncRule rule, RecordedSnapshot snapshot, int historyCapacity) {
        this.symbol = snapshot.symbol();
        this.rule = rule;
        this.history = new DigestHistory(historyCapacity);
        snapshot.bids().forEach(l -> set(true, l));
        snapshot.asks().forEach(l -> set(false, l));
        lastUpdateId = snapshot.id();
        eventTime = snapshot.eventTime();
        txTime = snapshot.txTime();
        history.put(lastUpdateId, digest());
    }

    /**
     * Applies a recorded delta if the venue rule says it belongs to the book.
     *
     * @param e the delta
     * @return what was done
     */
    public SyncRule.Decision apply(DepthEvent e) {
        SyncRule.Decision d = rule.check(bridged, lastUpdateId, e);
        if (d == SyncRule.Decision.STALE) {
            return d;
        }
        if (d == SyncRule.Decision.BROKEN && ruleBreaks++ == 0) {
            logger.warn("recording breaks the {} sync rule for {} at update id {} (book at {}); applied anyway",
                    rule, symbol, e.last(), lastUpdateId);
        }
        e.bids().forEach(l -> set(true, l));
        e.asks().forEach(l -> set(false, l));
        bridged = true;
        lastUpdateId = e.last();
        eventTime = e.eventTime();
        txTime = e.txTime();
        history.put(lastUpdateId, digest());
        return d;
    }

    private void set(boolean bid, Level l) {
        TreeMap<BigDecimal, BigDecimal> side = bid ? bids : asks;
        BigDecimal old = l.qty().signum() == 0 ? side.remove(l.price()) : side.put(l.price(), l.qty());
        if (old != null) {
            hashSum -= LevelHash.of(bid, l.price(), old);
            levels--;
        }
        if (l.qty().signum() != 0) {
            hashSum += LevelHash.of(bid, l.price(), l.qty());
            levels++;
        }
    }

    /** @return the digest of the current book, equal to {@code BookDigest.of(bids, asks)} */
    public long digest() {
        return LevelHash.finish(hashSum, levels);
    }

    /**
     * @param updateId an applied update id
     * @return the digest right after it, empty if never applied or evicted
     */
    public OptionalLong digestAt(long updateId) {
        return history.get(updateId);
    }

    /** @return a copy */
    public TrueBook copy() {
        TreeMap<BigDecimal, BigDecimal> b = new TreeMap<>(Comparator.reverseOrder());
        b.putAll(bids);
        return new TrueBook(symbol, lastUpdateId, b, new TreeMap<>(asks));
    }

    /** @return bids, best first, read-only view */
    public NavigableMap<BigDecimal, BigDecimal> bids() {
        return Collections.unmodifiableNavigableMap(bids);
    }

    /** @return asks, best first, read-only view */
    public NavigableMap<BigDecimal, BigDecimal> asks() {
        return Collections.unmodifiableNavigableMap(asks);
    }

    /** @return best bid or null */
    public BigDecimal bestBid() {
        return bids.isEmpty() ? null : bids.firstKey();
    }

    /** @return best ask or null */
    public BigDecimal bestAsk() {
        return asks.isEmpty() ? null : asks.firstKey();
    }

    /** @return id of the last applied delta, or of the snapshot */
    public long lastUpdateId() {
        return lastUpdateId;
    }

    /** @return event time of the last applied delta (Binance {@code E}, Kraken {@code timestamp}) */
    public long eventTime() {
        return eventTime;
    }

    /** @return transaction time of the last applied delta (Binance futures {@code T}) */
    public long txTime() {
        return txTime;
    }

    /** @return whether a delta has been applied on top of the snapshot */
    public boolean bridged() {
        return bridged;
    }

    /** @return deltas that broke the venue rule (0 for the bundled recordings) */
    public long ruleBreaks() {
        return ruleBreaks;
    }

    /** @return the symbol */
    public String symbol() {
        return symbol;
    }

    /** @return levels on both sides */
    public long levels() {
        return levels;
    }
}
