// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.tradeengine.emulator.EmulatorOptions;
import org.tradeengine.emulator.VenueEmulator;

/**
 * Driver side only: starts the three venue emulators in the failsafe JVM (they outlive the container) and writes the
 * live feed configurations that point the distribution's feeds at them. The container reaches each emulator's control
 * endpoint through the port it finds in a system property.
 */
final class Emulators {

    static final String USDM_FEED = "usdm";
    static final String US_FEED = "us";
    static final String KRAKEN_FEED = "kraken";
    static final String USDM_PORT = "te.it.emulator.usdm";
    static final String US_PORT = "te.it.emulator.us";
    static final String KRAKEN_PORT = "te.it.emulator.kraken";
    static final List<String> US_SYMBOLS = List.of("CRVUSDT", "COMPUSDT", "OMGBUSD", "ZRXUSDT");
    static final List<String> KRAKEN_SYMBOLS = List.of("PI_ETHUSD", "PI_XRPUSD", "PI_LTCUSD");

    private static VenueEmulator usdm;
    private static VenueEmulator us;
    private static VenueEmulator kraken;

    private Emulators() {
    }

    /**
     * Starts the emulators once per driver JVM and returns the options that configure the feeds.
     *
     * @return configuration options
     */
    static synchronized List<Option> startAndConfigure() {
        if (usdm == null) {
            // Binance USD-M: 345 s of recording at recorded pace outlasts the test; Binance.US: one 31 s pass, then
            // silence (no loop, and a staleness limit longer than the test, so the session and its books stay as they
            // are); Kraken loops (a re-subscribed feed after a bundle update needs deltas to bridge its snapshot)
            usdm = VenueEmulator.binanceFutures(EmulatorOptions.defaults().withSpeed(1)).start();
            // started paused: its one 31 s pass must not run out while the container boots; the test resumes it
            us = VenueEmulator.binanceUs(EmulatorOptions.defaults().withSpeed(1).withLoop(false).withStartPaused(true))
                    .start();
            kraken = VenueEmulator.krakenFutures(EmulatorOptions.defaults().withSpeed(1)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                usdm.close();
                us.close();
                kraken.close();
            }, "itest-emulators-stop"));
        }
        List<Option> o = new ArrayList<>();
        String usdmCfg = "etc/org.tradeengine.feed.binance.futures-it.cfg";
        o.add(editConfigurationFilePut(usdmCfg, "feed.id", USDM_FEED));
        o.add(editConfigurationFilePut(usdmCfg, "instruments", "BTCUSDT"));
        o.add(editConfigurationFilePut(usdmCfg, "ws.url", usdm.wsBase() + "/public"));
        o.add(editConfigurationFilePut(usdmCfg, "rest.url", usdm.restBase().toString()));
        String usCfg = "etc/org.tradeengine.feed.binance.us-it.cfg";
        o.add(editConfigurationFilePut(usCfg, "feed.id", US_FEED));
        o.add(editConfigurationFilePut(usCfg, "instruments", String.join(",", US_SYMBOLS)));
        o.add(editConfigurationFilePut(usCfg, "ws.url", us.wsBase().toString()));
        o.add(editConfigurationFilePut(usCfg, "rest.url", us.restBase().toString()));
        o.add(editConfigurationFilePut(usCfg, "stale.ms", "3600000"));
        String krakenCfg = "etc/org.tradeengine.feed.kraken-it.cfg";
        o.add(editConfigurationFilePut(krakenCfg, "feed.id", KRAKEN_FEED));
        o.add(editConfigurationFilePut(krakenCfg, "instruments", String.join(",", KRAKEN_SYMBOLS)));
        o.add(editConfigurationFilePut(krakenCfg, "ws.url", kraken.wsBase() + "/ws/v1"));
        o.add(editConfigurationFilePut(krakenCfg, "rest.url", kraken.restBase().toString()));
        o.add(editConfigurationFilePut("etc/system.properties", USDM_PORT, String.valueOf(usdm.port())));
        o.add(editConfigurationFilePut("etc/system.properties", US_PORT, String.valueOf(us.port())));
        o.add(editConfigurationFilePut("etc/system.properties", KRAKEN_PORT, String.valueOf(kraken.port())));
        return o;
    }
}
