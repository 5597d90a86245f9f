// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal.replay;

import org.tradeengine.api.book.BookDelta;

/** What a {@link StreamReplay} produces, called on the replaying thread. */
public interface ReplayHandler {

    /**
     * Called before a depth event or snapshot is processed; a paced replay waits here.
     *
     * @param localTimeNanos the line's local receive time
     */
    default void awaitLocalTime(long localTimeNanos) {
    }

    /**
     * A delta that passed the venue's synchronisation rules.
     *
     * @param channel the instrument's channel (counters already updated)
     * @param delta SNAPSHOT first, then UPDATEs
     */
    void delta(InstrumentChannel channel, BookDelta delta);

    /**
     * An instrument lost synchronisation (gap, failed bridge, replay restart).
     *
     * @param channel the instrument's channel
     * @param reason what happened
     */
    void reset(InstrumentChannel channel, String reason);

    /**
     * A line was rejected or broke a venue rule.
     *
     * @param position {@code file:line}
     * @param message what is wrong (for a rule: the rule and the ids)
     */
    void problem(String position, String message);
}
