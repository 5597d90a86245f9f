// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static Pacer pacer(String speed) {
        return new Pacer(Pacer.parseSpeed(speed));
    }

    @Test
    void scalesRecordedTimeByTheExactSpeed() {
        assertEquals(1_000_000_000L, pacer("1").wallNanos(1_000_000_000L));
        assertEquals(100_000_000L, pacer("10").wallNanos(1_000_000_000L));
        assertEquals(2_000_000_000L, pacer("0.5").wallNanos(1_000_000_000L));
        assertEquals(333_333_333L, pacer("3").wallNanos(1_000_000_000L));
        assertEquals(800_000_000L, pacer("1.25").wallNanos(1_000_000_000L));
        assertEquals(3_600_000_000_000_000_000L, pacer("0.000001").wallNanos(3_600_000_000_000L), "an hour at a millionth");
        assertEquals(Long.MAX_VALUE / 2, pacer("0.000001").wallNanos(86_400_000_000_000L), "a day at a millionth: capped");
    }

    @Test
    void zeroMeansAsFastAsPossible() {
        Pacer p = pacer("0");
        assertTrue(p.unpaced());
        p.await(1);
        p.await(Long.MAX_VALUE);   // returns at once
        assertTrue(pacer("0.00").unpaced());
    }

    @Test
    void rejectsSpeedsThatAreNotExactNonNegativeDecimals() {
        assertEquals("speed must not be negative: -1", assertThrows(IllegalArgumentException.class,
                () -> Pacer.parseSpeed("-1")).getMessage());
        assertEquals("speed must be a decimal number such as 1, 10 or 0.5, not 'fast'",
                assertThrows(IllegalArgumentException.class, () -> Pacer.parseSpeed("fast")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pacer.parseSpeed("0.0000000001"));
        assertThrows(IllegalArgumentException.class, () -> Pacer.parseSpeed("1e20"));
        assertEquals(0, Pacer.parseSpeed(" 10 ").compareTo(java.math.BigDecimal.TEN));
    }
}
