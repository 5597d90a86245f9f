// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.trading;

import java.time.Instant;

/**
 * Something an operator must see (also logged at WARN or ERROR).
 *
 * @param at wall-clock time
 * @param severity WARN or CRITICAL
 * @param message what happened
 */
public record Alert(Instant at, String severity, String message) {
}
