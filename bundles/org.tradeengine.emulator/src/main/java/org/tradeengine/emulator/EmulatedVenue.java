// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The venue (and recorded session) an emulator replays. */
public enum EmulatedVenue {
    /** Binance USD-M Futures, hftbacktest BTCUSDT 2024-08-08 ({@code btcusdt@depth@0ms}, one REST snapshot). */
    BINANCE_FUTURES("binance-futures"),
    /** Binance USD-M Futures, cryptofeed 2021-07-22 session: SUSHIUSDT, AKROUSDT, KEEPUSDT, CTKUSDT, four snapshots. */
    BINANCE_FUTURES_CRYPTOFEED("binance-futures-cryptofeed"),
    /** Binance.US spot, cryptofeed 2021-10-12 session: CRVUSDT, COMPUSDT, OMGBUSD, ZRXUSDT, four snapshots. */
    BINANCE_US("binance-us"),
    /** Kraken Futures WebSocket v1, cryptofeed 2021-07-22 session: ten products. */
    KRAKEN_FUTURES("kraken-futures");

    private final String cliName;

    EmulatedVenue(String cliName) {
        this.cliName = cliName;
    }

    /** @return the name used on the command line of {@link EmulatorMain} */
    public String cliName() {
        return cliName;
    }

    /** @return whether the venue speaks the Binance protocol */
    public boolean isBinance() {
        return this != KRAKEN_FUTURES;
    }

    /**
     * @param name a {@link #cliName()} or enum name, any case
     * @return the venue, empty when unknown
     */
    public static Optional<EmulatedVenue> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(v -> v.cliName.equals(n)).findFirst();
    }
}
