// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.recording;

import java.lang.ref.SoftReference;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Parsed recordings are immutable and take a second to parse; tests start many emulators, so they are kept softly
 * (the garbage collector may drop them under memory pressure and they are parsed again).
 */
public final class RecordingCache {

    private static final Map<String, SoftReference<Recording>> CACHE = new HashMap<>();

    private RecordingCache() {
    }

    /**
     * @param key cache key
     * @param loader parses the recording when it is not cached
     * @return the recording
     */
    public static synchronized Recording get(String key, Supplier<Recording> loader) {
        SoftReference<Recording> ref = CACHE.get(key);
        Recording r = ref == null ? null : ref.get();
        if (r == null) {
            r = loader.get();
            CACHE.put(key, new SoftReference<>(r));
        }
        return r;
    }
}
