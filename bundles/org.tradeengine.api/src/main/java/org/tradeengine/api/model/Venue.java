// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.model;

import java.util.Locale;

/**
 * The venues the platform knows. The name is used as the {@code venue} service property of feeds and
 * brokers and as the suffix of an {@link InstrumentId}.
 */
public enum Venue {
    /** Binance USD-M perpetual futures ({@code fapi} / {@code fstream}). */
    BINANCE_FUTURES("binance-futures", false, "-PERP"),
    /** Binance spot ({@code api.binance.com}); long-only. */
    BINANCE_SPOT("binance-spot", true, ""),
    /** Binance.US spot; long-only. */
    BINANCE_US("binance-us", true, ""),
    /** Kraken Futures (WebSocket v1). */
    KRAKEN_FUTURES("kraken-futures", false, ""),
    /** The simulated venue of the paper broker. */
    PAPER("paper", false, "");

    private final String cliName;
    private final boolean spotOnly;
    private final String symbolSuffix;

    Venue(String cliName, boolean spotOnly, String symbolSuffix) {
        this.cliName = cliName;
        this.spotOnly = spotOnly;
        this.symbolSuffix = symbolSuffix;
    }

    /**
     * Returns the lower-case name used on command lines and in configuration ({@code binance-futures}).
     *
     * @return the command-line name
     */
    public String cliName() {
        return cliName;
    }

    /**
     * Tells whether the venue trades spot only: no short positions, sell signals are dropped.
     *
     * @return true for spot venues
     */
    public boolean isSpotOnly() {
        return spotOnly;
    }

    /**
     * Returns the suffix added to a venue symbol to make a readable instrument symbol ({@code -PERP}).
     *
     * @return the suffix, possibly empty
     */
    public String symbolSuffix() {
        return symbolSuffix;
    }

    /**
     * Parses either the enum name ({@code BINANCE_FUTURES}) or the command-line name ({@code binance-futures}).
     *
     * @param text the venue name
     * @return the venue
     * @throws IllegalArgumentException naming the accepted values if {@code text} is unknown
     */
    public static Venue parse(String text) {
        for (Venue v : values()) {
            if (v.name().equalsIgnoreCase(text) || v.cliName.equalsIgnoreCase(text)) {
                return v;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Venue v : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(v.cliName);
        }
        throw new IllegalArgumentException("unknown venue '" + text + "' (known: " + known + ")");
    }

    @Override
    public String toString() {
        return name().toUpperCase(Locale.ROOT);
    }
}
