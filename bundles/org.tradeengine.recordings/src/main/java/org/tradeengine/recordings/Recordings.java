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

    private Recordings() {
    }

    /**
     * Opens a recording (still gzip-compressed).
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
