// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand; it never moves by itself. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /** @param start the time it shows */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /** @param t the time it shows from now on */
    public void set(Instant t) {
        now = t;
    }

    /** @param d how far to move it */
    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }
}
