// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.binance;

import java.util.Locale;
import java.util.regex.Pattern;

/** Binance stream names: {@code <symbol>@<channel>}, symbols lower case. */
final class BinanceStreams {

    /** Diff depth stream variants: {@code depth}, {@code depth@100ms}, {@code depth@500ms}, {@code depth@0ms}. */
    private static final Pattern DIFF_DEPTH = Pattern.compile("depth(@\\d+ms)?");

    private BinanceStreams() {
    }

    /**
     * @param suffix the part after the first {@code @}
     * @return {@code depth} for every diff depth variant, else the suffix unchanged
     */
    static String channel(String suffix) {
        return DIFF_DEPTH.matcher(suffix).matches() ? "depth" : suffix;
    }

    /**
     * @param streamName e.g. {@code btcusdt@depth@100ms}
     * @return key {@code btcusdt|depth}, or null if the name has no {@code @}
     */
    static String key(String streamName) {
        int at = streamName.indexOf('@');
        if (at <= 0) {
            return null;
        }
        return key(streamName.substring(0, at), channel(streamName.substring(at + 1)));
    }

    /** @param symbol any case @param channel normalised channel @return subscription key */
    static String key(String symbol, String channel) {
        return symbol.toLowerCase(Locale.ROOT) + '|' + channel;
    }
}
