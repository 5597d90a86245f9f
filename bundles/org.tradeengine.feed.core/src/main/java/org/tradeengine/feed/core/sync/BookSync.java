// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookState;

/**
 * The snapshot + diff-stream synchronisation of one instrument, as a live feed runs it, for any venue whose
 * rules fit {@link SyncRules}. Not thread-safe: one thread feeds it.
 *
 * <p>Stages: 1. buffer updates until a snapshot is known; 2. on a snapshot, drop the buffered updates it
 * already contains; 3. the first remaining update must bridge the snapshot, then SNAPSHOT and that update are
 * emitted (the update continuing from the snapshot id); 4. every later update must continue from the previous
 * one. A failed bridge or a broken chain is reported, the book is INVALID, and updates are buffered again
 * (starting with the one that broke the chain) until the next snapshot. An update wholly older than the book
 * (its final id not after the last applied one: a duplicate, or a late copy of an applied event) carries nothing new
 * and is ignored and counted, as Binance's own procedure says ("if u is below the book id, ignore it").
 *
 * <p>A snapshot that arrives while the book is LIVE is not needed and is ignored.
 */
public final class BookSync {

    private final SyncRules rules;
    private final int maxBuffered;
    private final SyncOutput out;
    private final ArrayDeque<BookDelta> buffer = new ArrayDeque<>();

    private BookState state = BookState.SYNCING;
    private BookDelta heldSnapshot;
    private long lastId;
    private long applied;
    private long dropped;
    private long gaps;
    private long syncs;
    private long overflowed;
    private long ignoredSnapshots;
    private long stale;

    /**
     * @param rules the venue's rules
     * @param maxBuffered most updates kept while waiting for a snapshot; the oldest go first
     * @param out receives deltas and reports
     */
    public BookSync(SyncRules rules, int maxBuffered, SyncOutput out) {
        if (maxBuffered < 1) {
            throw new IllegalArgumentException("maxBuffered must be positive: " + maxBuffered);
        }
        this.rules = Objects.requireNonNull(rules, "rules");
        this.maxBuffered = maxBuffered;
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Takes one update of the diff stream (previousUpdateId already set by the venue rule).
     *
     * @param update an UPDATE delta
     */
    public void onUpdate(BookDelta update) {
        if (state == BookState.LIVE) {
            continueChain(update);
        } else if (heldSnapshot == null) {
            bufferUpdate(update);
        } else if (rules.isStale(update.lastUpdateId(), heldSnapshot.lastUpdateId())) {
            dropped++;
        } else if (rules.bridges(update.firstUpdateId(), update.lastUpdateId(), heldSnapshot.lastUpdateId())
                || update.previousUpdateId() == heldSnapshot.lastUpdateId()) {
            // the second case: a snapshot taken exactly at an event boundary, whose boundary event this stream
            // never carried (subscribed just after it); the next event continues exactly from the snapshot
            goLive(update);
        } else {
            BookDelta snapshot = heldSnapshot;
            heldSnapshot = null;
            fail(rules.bridgeBroken(snapshot, update));
            bufferUpdate(update);
        }
    }

    /**
     * Takes a REST snapshot; the buffered updates are then replayed against it.
     *
     * @param snapshot a SNAPSHOT delta
     */
    public void onSnapshot(BookDelta snapshot) {
        if (state == BookState.LIVE) {
            ignoredSnapshots++;
            return;
        }
        if (rules.snapshotInStream()) {
            // in stream order: whatever was buffered came before the snapshot and is in it (or is bogus)
            dropped += buffer.size();
            buffer.clear();
            heldSnapshot = null;
            state = BookState.LIVE;
            lastId = snapshot.lastUpdateId();
            syncs++;
            out.emit(snapshot);
            return;
        }
        heldSnapshot = snapshot;
        List<BookDelta> pending = new ArrayList<>(buffer);
        buffer.clear();
        boolean atStreamPosition = false;
        for (BookDelta update : pending) {
            if (heldSnapshot != null && update.lastUpdateId() == snapshot.lastUpdateId()) {
                atStreamPosition = true;
            }
            onUpdate(update);
        }
        if (atStreamPosition && heldSnapshot == snapshot && buffer.isEmpty()) {
            // the stream has delivered exactly up to the snapshot (an event ended at its id and nothing after it
            // yet): the snapshot is the book now, no need to wait for the next event to bridge it
            heldSnapshot = null;
            state = BookState.LIVE;
            lastId = snapshot.lastUpdateId();
            syncs++;
            out.emit(snapshot);
        }
    }

    /**
     * Declares the book broken for a reason found outside the sequence (a crossed book): INVALID, buffered updates
     * and any held snapshot dropped; updates are buffered again until the next snapshot.
     *
     * @param message what is wrong, reported through {@link SyncOutput#broken}
     */
    public void invalidate(String message) {
        buffer.clear();
        heldSnapshot = null;
        fail(message);
    }

    /** Forgets everything (a replay that starts again from the first file). */
    public void reset() {
        buffer.clear();
        heldSnapshot = null;
        state = BookState.SYNCING;
        lastId = 0;
    }

    private void continueChain(BookDelta update) {
        if (update.lastUpdateId() <= lastId) {
            stale++;
            return;
        }
        if (update.previousUpdateId() == lastId) {
            lastId = update.lastUpdateId();
            applied++;
            out.emit(update);
            return;
        }
        fail(rules.gap(update, lastId));
        bufferUpdate(update);
    }

    private void goLive(BookDelta bridging) {
        BookDelta snapshot = heldSnapshot;
        heldSnapshot = null;
        state = BookState.LIVE;
        lastId = bridging.lastUpdateId();
        syncs++;
        applied++;
        out.emit(snapshot);
        out.emit(bridging.withPreviousUpdateId(snapshot.lastUpdateId()));
    }

    private void fail(String message) {
        gaps++;
        state = BookState.INVALID;
        out.broken(message);
    }

    private void bufferUpdate(BookDelta update) {
        if (buffer.size() == maxBuffered) {
            buffer.removeFirst();
            overflowed++;
        }
        buffer.addLast(update);
    }

    /** @return SYNCING before the first snapshot, LIVE, or INVALID after a failure */
    public BookState state() {
        return state;
    }

    /** @return u of the last emitted update (or the snapshot id), 0 before the first sync */
    public long lastUpdateId() {
        return lastId;
    }

    /** @return updates emitted, bridging ones included */
    public long applied() {
        return applied;
    }

    /** @return updates dropped because a snapshot already contained them */
    public long dropped() {
        return dropped;
    }

    /** @return broken chains plus failed bridges */
    public long gaps() {
        return gaps;
    }

    /** @return successful synchronisations (the first one included) */
    public long syncs() {
        return syncs;
    }

    /** @return buffered updates dropped because the buffer was full */
    public long overflowed() {
        return overflowed;
    }

    /** @return snapshots ignored because the book was already LIVE */
    public long ignoredSnapshots() {
        return ignoredSnapshots;
    }

    /** @return updates ignored while LIVE because they were wholly older than the book (duplicates, late copies) */
    public long stale() {
        return stale;
    }

    /** @return updates waiting for a snapshot */
    public int buffered() {
        return buffer.size();
    }
}
