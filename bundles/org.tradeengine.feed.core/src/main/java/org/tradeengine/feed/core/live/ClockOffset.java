// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.live;

/**
 * Estimates local clock minus venue clock from the events themselves: over a sliding window, the smallest
 * {@code local receive time - venue event time} is the offset plus the quickest delivery, the best bound one can get
 * without a time protocol. The window is two buckets of {@code windowMillis}: a step of the clocks is picked up within
 * two windows. Single writer.
 */
public final class ClockOffset {

    private final long windowMillis;
    private long bucketStart = Long.MIN_VALUE;
    private long currentMin = Long.MAX_VALUE;
    private long previousMin = Long.MAX_VALUE;
    private volatile long estimate;
    private volatile boolean known;

    /** @param windowMillis length of one bucket */
    public ClockOffset(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * @param localMillis local receive time, epoch ms
     * @param venueMillis venue event time, epoch ms (ignored if not positive)
     */
    public void sample(long localMillis, long venueMillis) {
        if (venueMillis <= 0) {
            return;
        }
        if (bucketStart == Long.MIN_VALUE || localMillis - bucketStart >= windowMillis) {
            previousMin = bucketStart != Long.MIN_VALUE && localMillis - bucketStart < 2 * windowMillis ? currentMin : Long.MAX_VALUE;
            currentMin = Long.MAX_VALUE;
            bucketStart = localMillis;
        }
        currentMin = Math.min(currentMin, localMillis - venueMillis);
        estimate = Math.min(currentMin, previousMin);
        known = true;
    }

    /** @return the estimate, ms; 0 before the first sample */
    public long estimateMillis() {
        return known ? estimate : 0;
    }

    /** @return whether a sample has been taken */
    public boolean isKnown() {
        return known;
    }
}
