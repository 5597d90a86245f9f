// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.model;

import java.util.Objects;

/**
 * Identifies an instrument on a venue and reads well in logs: {@code BTCUSDT-PERP.BINANCE_FUTURES},
 * {@code BTCUSDT.BINANCE_SPOT}.
 *
 * @param symbol the readable symbol (venue symbol plus the venue's suffix, e.g. {@code BTCUSDT-PERP})
 * @param venue the venue
 */
public record InstrumentId(String symbol, Venue venue) implements Comparable<InstrumentId> {

    /**
     * Validates the parts.
     *
     * @param symbol the readable symbol
     * @param venue the venue
     */
    public InstrumentId {
        Objects.requireNonNull(venue, "venue");
        if (symbol == null || symbol.isBlank() || symbol.indexOf('.') >= 0 || symbol.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("bad instrument symbol '" + symbol + "'");
        }
    }

    /**
     * Builds the id of a venue symbol as the venue spells it ({@code BTCUSDT} on Binance futures becomes
     * {@code BTCUSDT-PERP.BINANCE_FUTURES}).
     *
     * @param venue the venue
     * @param venueSymbol the symbol as the venue sends it (case-insensitive)
     * @return the instrument id
     */
    public static InstrumentId ofVenueSymbol(Venue venue, String venueSymbol) {
        return new InstrumentId(venueSymbol.toUpperCase(java.util.Locale.ROOT) + venue.symbolSuffix(), venue);
    }

    /**
     * Returns the symbol as the venue spells it (without the readable suffix).
     *
     * @return the venue symbol
     */
    public String venueSymbol() {
        String suffix = venue.symbolSuffix();
        return !suffix.isEmpty() && symbol.endsWith(suffix) ? symbol.substring(0, symbol.length() - suffix.length()) : symbol;
    }

    /**
     * Parses the {@link #toString()} form {@code SYMBOL.VENUE}.
     *
     * @param text for example {@code BTCUSDT-PERP.BINANCE_FUTURES}
     * @return the id
     * @throws IllegalArgumentException if the text has no venue or an unknown one
     */
    public static InstrumentId parse(String text) {
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("instrument must look like SYMBOL.VENUE (e.g. BTCUSDT-PERP.BINANCE_FUTURES): '"
                    + text + "'");
        }
        return new InstrumentId(text.substring(0, dot), Venue.parse(text.substring(dot + 1)));
    }

    @Override
    public int compareTo(InstrumentId o) {
        int c = venue.compareTo(o.venue);
        return c != 0 ? c : symbol.compareTo(o.symbol);
    }

    @Override
    public String toString() {
        return symbol + "." + venue.name();
    }
}
