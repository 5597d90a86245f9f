// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal.replay;

import java.time.Instant;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.feed.InstrumentFeedStatus;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.feed.core.sync.BookSync;
import org.tradeengine.feed.core.sync.SyncOutput;
import org.tradeengine.feed.core.sync.SyncRules;

/**
 * One instrument of a replayed stream: its synchronisation state machine and its counters. The replaying
 * thread is the only writer; the counters are volatile so that status readers on other threads see them.
 */
public final class InstrumentChannel implements SyncOutput {

    private static final int MAX_BUFFERED = 10_000;

    private final InstrumentSpec spec;
    private final StreamReplay replay;
    private final BookSync sync;
    private volatile BookState state = BookState.SYNCING;
    private volatile long events;
    private volatile long levelUpdates;
    private volatile long gaps;
    private volatile long syncs;
    private volatile long malformed;
    private volatile long lastUpdateId;
    private volatile long lagMillis;
    private volatile long lastEventNanos;

    InstrumentChannel(InstrumentSpec spec, SyncRules rules, StreamReplay replay) {
        this.spec = spec;
        this.replay = replay;
        this.sync = new BookSync(rules, MAX_BUFFERED, this);
    }

    BookSync sync() {
        return sync;
    }

    @Override
    public void emit(BookDelta delta) {
        // single writer: plain read-modify-write of the volatiles is safe
        if (delta.isSnapshot()) {
            syncs++;
            state = BookState.LIVE;
        } else {
            events++;
            levelUpdates += delta.levelCount();
            lastEventNanos = delta.localTimeNanos();
            if (delta.exchangeTimeMillis() > 0) {
                lagMillis = delta.localTimeNanos() / 1_000_000 - delta.exchangeTimeMillis();
            }
        }
        lastUpdateId = delta.lastUpdateId();
        replay.emitted(this, delta);
    }

    @Override
    public void broken(String message) {
        gaps++;
        state = sync.state();
        replay.broken(this, message);
    }

    void restarted() {
        sync.reset();
        state = BookState.SYNCING;
    }

    void malformedLine() {
        malformed++;
    }

    /** @return the instrument's spec */
    public InstrumentSpec spec() {
        return spec;
    }

    /** @return SYNCING, LIVE or INVALID */
    public BookState state() {
        return state;
    }

    /** @return depth events applied (bridging events included, dropped ones excluded) */
    public long events() {
        return events;
    }

    /** @return level entries in the applied events */
    public long levelUpdates() {
        return levelUpdates;
    }

    /** @return broken chains plus failed snapshot bridges */
    public long gaps() {
        return gaps;
    }

    /** @return successful synchronisations after the first */
    public long resyncs() {
        return Math.max(0, syncs - 1);
    }

    /** @return rejected lines of this instrument */
    public long malformed() {
        return malformed;
    }

    /** @return id of the last emitted delta */
    public long lastUpdateId() {
        return lastUpdateId;
    }

    /** @return local receive time minus venue event time of the last applied event, ms */
    public long lagMillis() {
        return lagMillis;
    }

    /** @return the counters as the api's status record */
    public InstrumentFeedStatus status() {
        long last = lastEventNanos;
        Instant at = last == 0 ? null : Instant.ofEpochSecond(0, last);
        return new InstrumentFeedStatus(spec.id(), state, events, levelUpdates, gaps, resyncs(), malformed, lastUpdateId,
                lagMillis, at);
    }
}
