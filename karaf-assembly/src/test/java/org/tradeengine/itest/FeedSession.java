// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.tradeengine.api.engine.InstrumentStatus;
import org.tradeengine.api.feed.FeedState;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.feed.InstrumentFeedStatus;
import org.tradeengine.api.model.InstrumentId;

/**
 * The counters that tell one feed session from another: a reconnect, a gap, a re-snapshot on the feed, or a new
 * snapshot in the engine's book all change one of them; a running session only moves the update ids forward.
 *
 * @param feed the feed's status
 * @param instrument the feed's counters of the instrument
 * @param engine the engine's counters of the instrument
 */
record FeedSession(FeedStatus feed, InstrumentFeedStatus instrument, InstrumentStatus engine) {

    static FeedSession of(FeedStatus feed, InstrumentStatus engine) {
        InstrumentId id = engine.instrument();
        InstrumentFeedStatus ifs = feed.instruments().stream().filter(s -> s.instrument().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("feed " + feed.feedId() + " has no " + id + ": " + feed));
        return new FeedSession(feed, ifs, engine);
    }

    /**
     * Asserts {@code later} is the same, still running session as this one.
     *
     * @param later a later observation
     */
    void assertSameSessionAs(FeedSession later) {
        String id = feed.feedId() + "/" + engine.instrument();
        assertEquals(id + " feed state", FeedState.LIVE, later.feed.state());
        assertEquals(id + " reconnects", feed.reconnects(), later.feed.reconnects());
        assertEquals(id + " session start", feed.connectedSince(), later.feed.connectedSince());
        assertEquals(id + " feed gaps", instrument.gaps(), later.instrument.gaps());
        assertEquals(id + " feed resyncs (re-snapshots)", instrument.resyncs(), later.instrument.resyncs());
        assertEquals(id + " engine snapshots", engine.snapshots(), later.engine.snapshots());
        assertEquals(id + " engine gaps", engine.gaps(), later.engine.gaps());
        assertTrue(id + " feed lastUpdateId kept increasing: " + instrument.lastUpdateId() + " -> "
                + later.instrument.lastUpdateId(), later.instrument.lastUpdateId() > instrument.lastUpdateId());
        assertTrue(id + " engine lastUpdateId kept increasing: " + engine.lastUpdateId() + " -> "
                + later.engine.lastUpdateId(), later.engine.lastUpdateId() > engine.lastUpdateId());
    }
}
