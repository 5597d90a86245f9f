// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.engine.internal;

import java.util.ArrayList;
import java.util.List;

import org.tradeengine.api.strategy.Signal;

/**
 * The most recent signals, newest first, in a fixed-size ring. Appended by the business thread; read by any
 * thread under the same lock (reads are rare: shell and API).
 */
final class SignalLog {

    private final Signal[] ring;
    private long total;

    SignalLog(int capacity) {
        this.ring = new Signal[Math.max(1, capacity)];
    }

    synchronized void add(Signal s) {
        ring[(int) (total % ring.length)] = s;
        total++;
    }

    synchronized long total() {
        return total;
    }

    synchronized List<Signal> latest(int limit) {
        int n = (int) Math.min(Math.min(limit, total), ring.length);
        List<Signal> out = new ArrayList<>(n);
        for (long i = total - 1; i >= total - n; i--) {
            out.add(ring[(int) (i % ring.length)]);
        }
        return out;
    }
}
