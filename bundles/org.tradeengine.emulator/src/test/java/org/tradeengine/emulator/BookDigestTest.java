// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Equal books have equal digests whatever the decimal scale or map order; different books differ. */
class BookDigestTest {

    private static TreeMap<BigDecimal, BigDecimal> side(boolean descending, String... pq) {
        TreeMap<BigDecimal, BigDecimal> m = descending ? new TreeMap<>(Comparator.reverseOrder()) : new TreeMap<>();
        for (int i = 0; i < pq.length; i += 2) {
            m.put(new BigDecimal(pq[i]), new BigDecimal(pq[i + 1]));
        }
        return m;
    }

    @Test
    void equalBooksHaveEqualDigestsWhateverScaleAndOrder() {
        long a = BookDigest.of(side(true, "100.10", "1.500", "100.00", "2"), side(false, "100.20", "0.010"));
        long b = BookDigest.of(side(false, "100.1", "1.5", "100", "2.000"), side(true, "100.2", "0.01"));
        assertEquals(a, b);
    }

    @Test
    void zeroQuantityLevelsCountAsAbsent() {
        assertEquals(BookDigest.of(side(true, "100", "1"), side(false, "101", "1")),
                BookDigest.of(side(true, "100", "1", "99", "0.000"), side(false, "101", "1")));
    }

    @Test
    void differentBooksDiffer() {
        long base = BookDigest.of(side(true, "100", "1"), side(false, "101", "1"));
        assertNotEquals(base, BookDigest.of(side(true, "100", "1.001"), side(false, "101", "1")), "quantity");
        assertNotEquals(base, BookDigest.of(side(true, "100.01", "1"), side(false, "101", "1")), "price");
        assertNotEquals(base, BookDigest.of(side(true, "100", "1", "99", "1"), side(false, "101", "1")), "level");
        assertNotEquals(base, BookDigest.of(side(true, "101", "1"), side(false, "100", "1")), "sides swapped");
        assertNotEquals(BookDigest.of(side(true), side(false)), base, "empty");
        assertNotEquals(BookDigest.of(side(true, "100", "1", "99", "2"), side(false)),
                BookDigest.of(side(true, "100", "2", "99", "1"), side(false)), "quantities moved between levels");
    }
}
