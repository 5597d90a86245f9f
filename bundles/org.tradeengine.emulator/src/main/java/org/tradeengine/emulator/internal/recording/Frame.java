// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.recording;

/**
 * One recorded server-to-client message on the global timeline.
 *
 * @param tsNanos recorder's receive time (nanoseconds, only differences matter)
 * @param symbol venue symbol, upper case
 * @param channel Binance: {@code depth} for every diff-depth stream variant, else the stream suffix
 *        ({@code bookTicker}, {@code trade}, {@code aggTrade}, {@code kline_1m}); Kraken: the feed
 * @param payload Binance: the {@code data} payload bytes exactly as recorded; Kraken: the whole frame as recorded
 * @param recordedStream Binance: the recorded stream name ({@code btcusdt@depth@0ms}); Kraken: null
 * @param depth the parsed delta for depth/book frames, else null
 */
public record Frame(long tsNanos, String symbol, String channel, String payload, String recordedStream,
        DepthEvent depth) {

    /** @return whether this frame is a book delta */
    public boolean isDepth() {
        return depth != null;
    }
}
