// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.feed;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Venue;

/**
 * Receives every raw message a live feed gets from its venue, exactly as received, with the local receive time: the
 * WebSocket frames and the REST snapshot bodies. The recorder is one; feeds bind every registered sink dynamically.
 *
 * <p>Called on the feed's own thread for each message: an implementation copies what it needs and returns at once
 * (never blocks, never throws); the bytes are only valid during the call.
 */
public interface RawMessageSink {

    /**
     * One message.
     *
     * @param feedId the feed instance
     * @param venue the venue
     * @param instrument the instrument the message is about, or null for a session message (acks, heartbeats,
     *     messages the feed rejected before knowing their instrument)
     * @param localTimeNanos local receive time, epoch nanoseconds
     * @param message the message text as UTF-8 bytes, in {@code [0, length)}
     * @param length number of valid bytes
     */
    void onRawMessage(String feedId, Venue venue, InstrumentId instrument, long localTimeNanos, byte[] message, int length);
}
