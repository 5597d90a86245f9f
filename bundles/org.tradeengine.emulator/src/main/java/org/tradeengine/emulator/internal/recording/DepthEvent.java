// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.recording;

import java.util.List;

/**
 * A recorded book delta, venue-neutral.
 *
 * @param symbol venue symbol, upper case
 * @param first Binance {@code U}; Kraken {@code seq}
 * @param last Binance {@code u}; Kraken {@code seq}
 * @param prev Binance futures {@code pu}; -1 where the venue has none
 * @param eventTime Binance {@code E}; Kraken {@code timestamp}
 * @param txTime Binance futures {@code T}; else {@code eventTime}
 * @param bids bid levels in recorded order
 * @param asks ask levels in recorded order
 */
public record DepthEvent(String symbol, long first, long last, long prev, long eventTime, long txTime,
        List<Level> bids, List<Level> asks) {
}
