// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * One feed's counters. The writer thread alone updates the volatile ones; feed threads count queue drops, and
 * whichever thread notices first reports them, at most once a minute.
 */
final class FeedCounters {

    static final long WARN_INTERVAL_MILLIS = 60_000;

    final String feedId;
    volatile long messages;
    volatile long bytes;
    volatile long droppedErrors;
    final AtomicLong errors = new AtomicLong();
    final AtomicLong droppedQueueFull = new AtomicLong();
    private final AtomicLong reportedDrops = new AtomicLong();
    private final AtomicLong lastWarnMillis = new AtomicLong(Long.MIN_VALUE / 2);

    FeedCounters(String feedId) {
        this.feedId = feedId;
    }

    /**
     * Logs the queue drops not reported yet, unless a warning was logged less than a minute ago.
     *
     * @param nowMillis the clock
     * @param logger where to
     * @param capacity the queue's capacity, for the message
     */
    void warnDrops(long nowMillis, Logger logger, String capacity) {
        long dropped = droppedQueueFull.get();
        long last = lastWarnMillis.get();
        if (dropped == reportedDrops.get() || nowMillis - last < WARN_INTERVAL_MILLIS
                || !lastWarnMillis.compareAndSet(last, nowMillis)) {
            return;
        }
        long since = dropped - reportedDrops.getAndSet(dropped);
        logger.warn("Recorder queue full ({}): dropped {} message(s) of feed {} since the last warning, {} in total;"
                + " the recording has gaps (disk too slow, or raise queue.capacity)", capacity, since, feedId, dropped);
    }

    RecorderStatus.Feed status() {
        return new RecorderStatus.Feed(feedId, messages, bytes, droppedQueueFull.get(), droppedErrors, errors.get());
    }
}
