// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.recording;

import java.util.List;
import java.util.Map;

/**
 * A parsed recorded venue session, immutable and shared between emulators.
 *
 * @param name what was loaded (resource names), for messages
 * @param symbols venue symbols in subscription order
 * @param frames the timeline, in recorded order (snapshots are not frames)
 * @param snapshots the recorded full book per symbol (the truth starts from it)
 * @param exchangeInfo recorded instruments / exchangeInfo REST body
 * @param tradeSnapshots Kraken: recorded {@code trade_snapshot} frame per product; empty for Binance
 * @param priceScale per symbol, the largest number of price decimals recorded
 * @param qtyScale per symbol, the largest number of quantity decimals recorded
 */
public record Recording(String name, List<String> symbols, List<Frame> frames,
        Map<String, RecordedSnapshot> snapshots, String exchangeInfo, Map<String, String> tradeSnapshots,
        Map<String, Integer> priceScale, Map<String, Integer> qtyScale) {
}
