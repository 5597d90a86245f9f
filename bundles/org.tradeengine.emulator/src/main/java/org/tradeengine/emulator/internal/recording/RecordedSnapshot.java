// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.recording;

import java.util.List;

/**
 * A recorded full book: Binance REST depth body or Kraken {@code book_snapshot} frame.
 *
 * @param symbol venue symbol, upper case
 * @param id Binance {@code lastUpdateId}; Kraken {@code seq}
 * @param body the recorded text, byte-exact
 * @param bids bids as recorded (best first)
 * @param asks asks as recorded (best first)
 * @param eventTime Binance futures {@code E}, Kraken {@code timestamp}; 0 if absent
 * @param txTime Binance futures {@code T}; 0 if absent
 */
public record RecordedSnapshot(String symbol, long id, String body, List<Level> bids, List<Level> asks,
        long eventTime, long txTime) {
}
