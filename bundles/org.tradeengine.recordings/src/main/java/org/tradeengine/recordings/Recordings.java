// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.recordings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Names of the bundled recordings and helpers to read them from the class path in tests and benchmarks. */
public final class Recordings {

    /** Binance USD-M futures BTCUSDT depth@0ms, 2024-08-08 23:54–24:00 UTC, with a REST snapshot. */
    public static final String USDM_BTCUSDT_20240808 = "hftbacktest-binance/usdm/btcusdt_20240808.gz";
    /** Binance spot BTCUSDT depth@100ms, 2024-08-08 23:54–24:00 UTC, with a REST snapshot. */
    public static final String SPOT_BTCUSDT_20240808 = "hftbacktest-binance/spot/btcusdt_20240808.gz";
    /** Binance spot BTCUSDT depth@100ms, 2024-08-09 00:00–00:05 UTC, continues {@link #SPOT_BTCUSDT_20240808}. */
    public static final String SPOT_BTCUSDT_20240809 = "hftbacktest-binance/spot/btcusdt_20240809.gz";

    /** Binance.US WebSocket session (cryptofeed, 2021-10-12, 31 s): CRVUSDT, COMPUSDT, OMGBUSD, ZRXUSDT; plain text. */
    public static final String CRYPTOFEED_BINANCE_US_WS = "cryptofeed-sample/BINANCE_US.ws.1.0";
    /** The four Binance.US REST depth snapshots taken during {@link #CRYPTOFEED_BINANCE_US_WS}; plain text. */
    public static final String CRYPTOFEED_BINANCE_US_HTTP = "cryptofeed-sample/BINANCE_US.http.0.0";
    /** Binance.US {@code /api/v3/exchangeInfo} of 2021; plain text. */
    public static final String CRYPTOFEED_BINANCE_US_INFO = "cryptofeed-sample/BINANCE_US.0";
    /** Binance USD-M WebSocket session (cryptofeed, 2021-07-22, 31 s): SUSHIUSDT, AKROUSDT, KEEPUSDT, CTKUSDT. */
    public static final String CRYPTOFEED_BINANCE_FUTURES_WS = "cryptofeed-sample/BINANCE_FUTURES.ws.1.0";
    /** The four Binance USD-M REST depth snapshots taken during {@link #CRYPTOFEED_BINANCE_FUTURES_WS}. */
    public static final String CRYPTOFEED_BINANCE_FUTURES_HTTP = "cryptofeed-sample/BINANCE_FUTURES.http.0.0";
    /** Binance USD-M {@code /fapi/v1/exchangeInfo} of 2021 (includes BTCUSDT and ETHUSDT); plain text. */
    public static final String CRYPTOFEED_BINANCE_FUTURES_INFO = "cryptofeed-sample/BINANCE_FUTURES.0";
    /** Kraken Futures WebSocket v1 session (cryptofeed, 2021-07-22, 31 s, 10 products, 7,014 book deltas). */
    public static final String CRYPTOFEED_KRAKEN_FUTURES_WS = "cryptofeed-sample/KRAKEN_FUTURES.ws.1.0";
    /** Kraken Futures {@code /derivatives/api/v3/instruments} of 2021; plain text. */
    public static final String CRYPTOFEED_KRAKEN_FUTURES_INFO = "cryptofeed-sample/KRAKEN_FUTURES.0";

    private Recordings() {
    }

    /**
     * Opens a recording as stored (the hftbacktest files are gzip-compressed, the cryptofeed files plain text).
     *
     * @param name one of the constants
     * @return the raw stream; the caller closes it
     */
    public static InputStream open(String name) {
        InputStream in = Recordings.class.getResourceAsStream("/recordings/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no bundled recording " + name);
        }
        return in;
    }

    /**
     * Copies a recording to a folder, keeping its file name.
     *
     * @param name one of the constants
     * @param dir target folder
     * @return the copied file
     */
    public static Path copyTo(String name, Path dir) {
        try (InputStream in = open(name)) {
            Path target = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
            if (name.contains("/spot/")) {
                target = dir.resolve("spot_" + target.getFileName());
            }
            Files.createDirectories(dir);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
