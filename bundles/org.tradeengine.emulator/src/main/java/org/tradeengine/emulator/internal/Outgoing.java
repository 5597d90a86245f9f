// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal;

/**
 * One depth payload to deliver, possibly faulted.
 *
 * @param payload Binance: the {@code data} payload (the session wraps it); Kraken: the whole frame
 * @param truncated send only the first half of the final text (malformed JSON fault)
 */
public record Outgoing(String payload, boolean truncated) {
}
