// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.feed;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.model.InstrumentId;

/**
 * Receives a feed's book events. Called on the feed's own thread, in venue order per instrument; an
 * implementation hands the event over to its own thread and returns quickly.
 */
public interface FeedListener {

    /**
     * A snapshot or an update, already checked against the venue's synchronisation rules.
     *
     * @param delta the event
     */
    void onDelta(BookDelta delta);

    /**
     * The feed lost synchronisation for an instrument (gap, reconnect): its book must be dropped until the
     * next snapshot.
     *
     * @param instrument the instrument
     * @param reason what happened, for the log
     */
    default void onReset(InstrumentId instrument, String reason) {
    }
}
