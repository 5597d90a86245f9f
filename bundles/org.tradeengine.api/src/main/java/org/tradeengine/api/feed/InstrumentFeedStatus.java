// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.feed;

import java.time.Instant;

import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.InstrumentId;

/**
 * Counters of one instrument on one feed.
 *
 * @param instrument the instrument
 * @param bookState SYNCING, LIVE or INVALID as the feed sees it
 * @param events depth events delivered
 * @param levelUpdates level entries delivered
 * @param gaps sequence gaps detected
 * @param resyncs snapshots taken after the first
 * @param malformed messages rejected as malformed
 * @param lastUpdateId last venue update id delivered
 * @param lagMillis local receive time minus venue event time of the last event; live feeds subtract their estimate of the
 *     clock offset ({@link FeedStatus#clockOffsetMillis()}), a replay does not
 * @param lastEventAt local time of the last event, null if none yet
 */
public record InstrumentFeedStatus(InstrumentId instrument, BookState bookState, long events, long levelUpdates, long gaps,
        long resyncs, long malformed, long lastUpdateId, long lagMillis, Instant lastEventAt) {
}
