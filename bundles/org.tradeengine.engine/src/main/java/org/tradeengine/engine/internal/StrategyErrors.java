// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.engine.internal;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.tradeengine.api.model.InstrumentId;

/**
 * Logs a failing strategy without flooding the log: the first failure of a strategy with its stack trace (it
 * is a bug), then one line per 10,000 further failures.
 */
final class StrategyErrors {

    private final Map<String, Long> counts = new HashMap<>();

    void report(String strategyId, InstrumentId instrument, RuntimeException ex, Logger logger) {
        long n = counts.merge(strategyId, 1L, Long::sum);
        if (n == 1) {
            logger.error("{} failed on {}; nothing from it for this event", strategyId, instrument, ex);
        } else if (n % 10_000 == 0) {
            logger.error("{} has failed {} times (last on {}: {})", strategyId, n, instrument, ex.toString());
        }
    }
}
