// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.live;

import java.time.Instant;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookIntegrity;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.feed.InstrumentFeedStatus;
import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.feed.core.sync.BookSync;
import org.tradeengine.feed.core.sync.SyncOutput;

/**
 * One instrument of a live feed: its synchronisation state machine, the feed's own copy of its book (to catch a
 * crossed book before any listener sees it), the state of its snapshot requests and its counters. Only the feed thread
 * writes; counters are volatile for status readers.
 */
final class LiveChannel implements SyncOutput {

    private final InstrumentSpec spec;
    private final LiveFeed feed;
    private final BookSync sync;
    private final OrderBook book;

    private volatile BookState state = BookState.SYNCING;
    private volatile long events;
    private volatile long levelUpdates;
    private volatile long gaps;
    private volatile long syncs;
    private volatile long malformed;
    private volatile long lastUpdateId;
    private volatile long lagMillis;
    private volatile long lastEventNanos;
    private volatile String lastProblem = "";

    /** True while a snapshot request is in flight (REST) or awaited (in-stream). */
    boolean snapshotPending;
    /** Bumped by every request; a response that does not carry the current token is ignored. */
    long snapshotToken;
    /** System.nanoTime of the last request. */
    long snapshotRequestedAt;
    /** Failed attempts since the book was last LIVE, for the retry backoff. */
    int snapshotFailures;
    /** Whether listeners have been given a snapshot since the last reset (so a reset must be announced). */
    boolean announced;

    LiveChannel(InstrumentSpec spec, LiveFeed feed, OrderBook book, int maxBuffered) {
        this.spec = spec;
        this.feed = feed;
        this.book = book;
        this.sync = new BookSync(feed.rules(), maxBuffered, this);
    }

    void onUpdate(BookDelta update) {
        sync.onUpdate(update);
    }

    void onSnapshot(BookDelta snapshot) {
        sync.onSnapshot(snapshot);
    }

    @Override
    public void emit(BookDelta delta) {
        BookIntegrity r = book.apply(delta);
        if (r.isBroken()) {
            String what = r == BookIntegrity.CROSSED
                    ? "crossed book after update U=" + delta.firstUpdateId() + " u=" + delta.lastUpdateId() + ": best bid "
                            + FixedPoint.format(book.bidPrice(0), spec.priceScale()) + " >= best ask "
                            + FixedPoint.format(book.askPrice(0), spec.priceScale())
                    : "book rejected update U=" + delta.firstUpdateId() + " u=" + delta.lastUpdateId() + ": " + r;
            sync.invalidate(what);
            return;
        }
        if (r != BookIntegrity.OK) {
            return;
        }
        if (delta.isSnapshot()) {
            syncs++;
            snapshotFailures = 0;
            if (sync.state() == BookState.LIVE && state != BookState.LIVE) {
                // an in-stream snapshot (Kraken) is a full sync by itself
                state = BookState.LIVE;
                feed.channelLive(this);
            }
        } else {
            events++;
            levelUpdates += delta.levelCount();
            lastEventNanos = delta.localTimeNanos();
            if (delta.exchangeTimeMillis() > 0) {
                lagMillis = delta.localTimeNanos() / 1_000_000 - delta.exchangeTimeMillis() - feed.clockOffsetMillis();
            }
            if (state != BookState.LIVE) {
                state = BookState.LIVE;
                feed.channelLive(this);
            }
        }
        lastUpdateId = delta.lastUpdateId();
        announced = true;
        feed.deliver(delta);
    }

    @Override
    public void broken(String message) {
        boolean wasLive = state == BookState.LIVE;
        gaps++;
        lastProblem = message;
        state = BookState.INVALID;
        book.reset();
        feed.channelBroken(this, message, wasLive);
    }

    /** The connection went away: everything about this instrument starts again. */
    void connectionReset() {
        sync.reset();
        book.reset();
        state = BookState.SYNCING;
        snapshotPending = false;
        snapshotToken++;
        snapshotFailures = 0;
    }

    void malformed(String what) {
        malformed++;
        lastProblem = what;
    }

    InstrumentSpec spec() {
        return spec;
    }

    BookState state() {
        return state;
    }

    OrderBook book() {
        return book;
    }

    BookSync sync() {
        return sync;
    }

    long malformedCount() {
        return malformed;
    }

    String lastProblem() {
        return lastProblem;
    }

    InstrumentFeedStatus status() {
        long last = lastEventNanos;
        return new InstrumentFeedStatus(spec.id(), state, events, levelUpdates, gaps, Math.max(0, syncs - 1), malformed,
                lastUpdateId, lagMillis, last == 0 ? null : Instant.ofEpochSecond(0, last));
    }
}
