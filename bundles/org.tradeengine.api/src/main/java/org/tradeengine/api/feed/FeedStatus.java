// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.feed;

import java.time.Instant;
import java.util.List;

import org.tradeengine.api.model.Venue;

/**
 * What a feed reports about itself, for the shell, the API and tests.
 *
 * @param feedId the feed instance id
 * @param venue the venue
 * @param state connection state
 * @param connectedSince when the current session started, null if not connected
 * @param reconnects sessions started after the first
 * @param malformed messages rejected as malformed, all instruments
 * @param detail a human note (source file and line, last error), may be empty
 * @param instruments per-instrument counters
 * @param clockOffsetMillis estimated local clock minus venue clock, ms (a live feed's estimate; 0 when not estimated)
 */
public record FeedStatus(String feedId, Venue venue, FeedState state, Instant connectedSince, long reconnects,
        long malformed, String detail, List<InstrumentFeedStatus> instruments, long clockOffsetMillis) {

    /**
     * A status without a clock offset estimate (replays).
     *
     * @param feedId id
     * @param venue venue
     * @param state state
     * @param connectedSince session start
     * @param reconnects reconnect count
     * @param malformed malformed count
     * @param detail note
     * @param instruments per-instrument counters
     */
    public FeedStatus(String feedId, Venue venue, FeedState state, Instant connectedSince, long reconnects,
            long malformed, String detail, List<InstrumentFeedStatus> instruments) {
        this(feedId, venue, state, connectedSince, reconnects, malformed, detail, instruments, 0);
    }

    /**
     * Makes the instrument list unmodifiable.
     *
     * @param feedId id
     * @param venue venue
     * @param state state
     * @param connectedSince session start
     * @param reconnects reconnect count
     * @param malformed malformed count
     * @param detail note
     * @param instruments per-instrument counters
     * @param clockOffsetMillis clock offset estimate
     */
    public FeedStatus {
        instruments = List.copyOf(instruments);
        detail = detail == null ? "" : detail;
    }
}
