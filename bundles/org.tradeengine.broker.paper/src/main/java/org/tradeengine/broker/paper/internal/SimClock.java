// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.time.Instant;

/**
 * The simulation's time arithmetic: epoch nanoseconds of the books' local receive time (the recorded time in a
 * replay). The wall clock is never read.
 */
final class SimClock {

    /** Clock value before any book was seen. */
    static final long UNKNOWN = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /**
     * How far an intent's creation time may run ahead of the latest book before it is taken for a wall-clock stamp
     * in a replay: books of a live market come many times a minute.
     */
    static final long MAX_LEAD_NANOS = 60 * NANOS_PER_SECOND;

    private SimClock() {
    }

    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }

    static long nanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS_PER_SECOND), t.getNano());
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /**
     * When an order reaches the simulated venue: its creation time plus the latency. A creation time more than
     * {@link #MAX_LEAD_NANOS} after the simulation clock (an intent stamped with the wall clock during a replay of
     * older data) counts as created at the clock, else the order would wait for a book that never comes; no creation
     * time also means the clock.
     *
     * @param createdAt the intent's creation time, may be null
     * @param clockNanos the latest book time seen, or {@link #UNKNOWN}
     * @param latencyNanos the latency
     * @return epoch nanoseconds from which a book may match the order
     */
    static long due(Instant createdAt, long clockNanos, long latencyNanos) {
        long created = createdAt != null ? nanos(createdAt) : clockNanos;
        if (clockNanos != UNKNOWN && created - clockNanos > MAX_LEAD_NANOS) {
            created = clockNanos;
        }
        long due = created + latencyNanos;
        return ((created ^ due) & (latencyNanos ^ due)) < 0 ? Long.MAX_VALUE : due; // saturate on overflow
    }
}
