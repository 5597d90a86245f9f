// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.engine;

import java.util.List;

/**
 * Engine-wide counters.
 *
 * @param running true while the business thread runs
 * @param events deltas applied, all instruments
 * @param levelUpdates level entries applied
 * @param featureUpdates times features changed and rules were evaluated
 * @param signals signals produced
 * @param queueDepth deltas waiting for the business thread
 * @param strategies ids of the strategies bound now
 * @param instruments per-instrument status
 */
public record EngineStatus(boolean running, long events, long levelUpdates, long featureUpdates, long signals, int queueDepth,
        List<String> strategies, List<InstrumentStatus> instruments) {

    /**
     * Makes the lists unmodifiable.
     *
     * @param running running flag
     * @param events events
     * @param levelUpdates level updates
     * @param featureUpdates feature updates
     * @param signals signals
     * @param queueDepth queue depth
     * @param strategies strategy ids
     * @param instruments instruments
     */
    public EngineStatus {
        strategies = List.copyOf(strategies);
        instruments = List.copyOf(instruments);
    }
}
