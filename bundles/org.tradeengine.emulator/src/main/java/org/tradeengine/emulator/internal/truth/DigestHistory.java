// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.truth;

import java.util.OptionalLong;

/** Bounded ring of (update id, digest) pairs in increasing id order; the oldest are evicted. */
final class DigestHistory {

    private final long[] ids;
    private final long[] digests;
    private int start;
    private int size;

    DigestHistory(int capacity) {
        ids = new long[capacity];
        digests = new long[capacity];
    }

    void put(long id, long digest) {
        if (size > 0 && ids[index(size - 1)] == id) {
            digests[index(size - 1)] = digest;
            return;
        }
        if (size == ids.length) {
            start = (start + 1) % ids.length;
            size--;
        }
        int i = index(size++);
        ids[i] = id;
        digests[i] = digest;
    }

    OptionalLong get(long id) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = ids[index(mid)];
            if (v < id) {
                lo = mid + 1;
            } else if (v > id) {
                hi = mid - 1;
            } else {
                return OptionalLong.of(digests[index(mid)]);
            }
        }
        return OptionalLong.empty();
    }

    int size() {
        return size;
    }

    private int index(int logical) {
        return (start + logical) % ids.length;
    }
}
