// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.tradeengine.emulator.Fault;

/** Pending fault counts per symbol ({@link #ANY} for venue-wide ones); guarded by the engine's lock. */
final class FaultBook {

    /** Key of faults not bound to a symbol. */
    static final String ANY = "*";

    private final Map<String, EnumMap<Fault, Long>> pending = new TreeMap<>();
    private long applied;

    void add(Fault kind, String key, long count) {
        pending.computeIfAbsent(key, k -> new EnumMap<>(Fault.class)).merge(kind, count, Long::sum);
    }

    boolean has(Fault kind, String key) {
        EnumMap<Fault, Long> m = pending.get(key);
        return m != null && m.getOrDefault(kind, 0L) > 0;
    }

    boolean take(Fault kind, String key) {
        EnumMap<Fault, Long> m = pending.get(key);
        if (m == null) {
            return false;
        }
        Long n = m.get(kind);
        if (n == null || n <= 0) {
            return false;
        }
        if (n == 1) {
            m.remove(kind);
        } else {
            m.put(kind, n - 1);
        }
        applied++;
        return true;
    }

    void applied(long n) {
        applied += n;
    }

    long applied() {
        return applied;
    }

    Map<String, Map<Fault, Long>> pending() {
        Map<String, Map<Fault, Long>> copy = new LinkedHashMap<>();
        pending.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, new EnumMap<>(v));
            }
        });
        return copy;
    }
}
