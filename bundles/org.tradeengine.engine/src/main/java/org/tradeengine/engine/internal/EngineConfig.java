// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.engine.internal;

/**
 * The engine's configuration, copied from the OSGi configuration on activation.
 *
 * @param featureDepth N of the top-N features
 * @param queueCapacity deltas buffered between the feeds and the business thread
 * @param signalHistory signals kept for the shell and API
 * @param summaryIntervalSeconds seconds between info summaries (0: none)
 */
record EngineConfig(int featureDepth, int queueCapacity, int signalHistory, int summaryIntervalSeconds) {

    EngineConfig {
        if (featureDepth < 1 || featureDepth > 100) {
            throw new IllegalArgumentException("feature.depth must be 1..100: " + featureDepth);
        }
        if (queueCapacity < 16) {
            throw new IllegalArgumentException("queue.capacity must be at least 16: " + queueCapacity);
        }
    }

    long summaryIntervalNanos() {
        return summaryIntervalSeconds * 1_000_000_000L;
    }
}
