// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tradeengine.api.model.Venue;

/**
 * The paper broker's configuration, checked and copied once on activation (and on every change of
 * {@code etc/org.tradeengine.broker.paper.cfg}). A wrong value never stops the broker: the default is used and
 * the problem is kept in {@link #problems()} for one warning that names the key, the value and what to write.
 *
 * @param latencyNanos delay between an intent's creation and the order reaching the simulated venue
 * @param fees maker and taker rates for every venue
 * @param problems one message per rejected configuration value (empty when all is well)
 */
public record PaperSettings(long latencyNanos, Map<Venue, FeeRates> fees, List<String> problems) {

    /** Default latency, milliseconds. */
    public static final long DEFAULT_LATENCY_MS = 50;
    /** Largest latency accepted, milliseconds. */
    public static final long MAX_LATENCY_MS = 60_000;
    /** Default Binance USD-M futures maker rate (VIP 0). */
    public static final String FUTURES_MAKER = "0.0002";
    /** Default Binance USD-M futures taker rate (VIP 0). */
    public static final String FUTURES_TAKER = "0.0005";
    /** Default Binance spot and Binance.US rate, maker and taker alike. */
    public static final String SPOT_RATE = "0.001";
    /** Default Kraken Futures maker rate. */
    public static final String KRAKEN_MAKER = "0.0002";
    /** Default Kraken Futures taker rate. */
    public static final String KRAKEN_TAKER = "0.0005";

    /** Rates outside [-1 %, +1 %] are surely a mistake (bp or percent written as a fraction). */
    private static final BigDecimal MAX_ABS_RATE = new BigDecimal("0.01");
    private static final long NANOS_PER_MS = 1_000_000L;

    /**
     * @param latencyNanos latency in nanoseconds (at least 0)
     * @param fees rates for every venue
     * @param problems rejected values
     */
    public PaperSettings {
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("latency must not be negative: " + latencyNanos + " ns");
        }
        fees = Collections.unmodifiableMap(new EnumMap<>(Objects.requireNonNull(fees, "fees")));
        for (Venue v : Venue.values()) {
            if (!fees.containsKey(v)) {
                throw new IllegalArgumentException("no fee rates for " + v);
            }
        }
        problems = List.copyOf(problems);
    }

    /**
     * Checks a configuration; a bad value is replaced by its default and reported in {@link #problems()}.
     *
     * @param c the component configuration
     * @return the settings
     */
    public static PaperSettings of(PaperBrokerComponent.Config c) {
        List<String> problems = new ArrayList<>();
        long latencyMs;
        try {
            latencyMs = c.latency_ms();
        } catch (RuntimeException e) { // the framework could not convert the text to a number
            problems.add("latency.ms is not a whole number of milliseconds (" + e.getMessage() + "); using "
                    + DEFAULT_LATENCY_MS);
            latencyMs = DEFAULT_LATENCY_MS;
        }
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            problems.add("latency.ms = " + latencyMs + " is out of range 0.." + MAX_LATENCY_MS + "; using "
                    + DEFAULT_LATENCY_MS);
            latencyMs = DEFAULT_LATENCY_MS;
        }
        Map<Venue, FeeRates> fees = new EnumMap<>(Venue.class);
        fees.put(Venue.BINANCE_FUTURES, rates(Venue.BINANCE_FUTURES, c.fee_BINANCE__FUTURES_maker(), FUTURES_MAKER,
                c.fee_BINANCE__FUTURES_taker(), FUTURES_TAKER, problems));
        fees.put(Venue.BINANCE_SPOT, rates(Venue.BINANCE_SPOT, c.fee_BINANCE__SPOT_maker(), SPOT_RATE,
                c.fee_BINANCE__SPOT_taker(), SPOT_RATE, problems));
        fees.put(Venue.BINANCE_US, rates(Venue.BINANCE_US, c.fee_BINANCE__US_maker(), SPOT_RATE,
                c.fee_BINANCE__US_taker(), SPOT_RATE, problems));
        fees.put(Venue.KRAKEN_FUTURES, rates(Venue.KRAKEN_FUTURES, c.fee_KRAKEN__FUTURES_maker(), KRAKEN_MAKER,
                c.fee_KRAKEN__FUTURES_taker(), KRAKEN_TAKER, problems));
        fees.put(Venue.PAPER, rates(Venue.PAPER, c.fee_PAPER_maker(), FUTURES_MAKER, c.fee_PAPER_taker(), FUTURES_TAKER,
                problems));
        return new PaperSettings(latencyMs * NANOS_PER_MS, fees, problems);
    }

    /**
     * @param venue the instrument's venue
     * @return its fee rates
     */
    public FeeRates feesOf(Venue venue) {
        return fees.get(venue);
    }

    private static FeeRates rates(Venue venue, String maker, String defaultMaker, String taker, String defaultTaker,
            List<String> problems) {
        return new FeeRates(rate("fee." + venue.name() + ".maker", maker, defaultMaker, problems),
                rate("fee." + venue.name() + ".taker", taker, defaultTaker, problems));
    }

    private static BigDecimal rate(String key, String text, String fallback, List<String> problems) {
        if (text == null || text.isBlank()) {
            return new BigDecimal(fallback);
        }
        String trimmed = text.trim();
        try {
            BigDecimal rate = new BigDecimal(trimmed);
            if (rate.abs().compareTo(MAX_ABS_RATE) <= 0) {
                return rate;
            }
            problems.add(key + " = " + trimmed + " is outside -0.01..0.01 (a fraction of the notional: 0.0005 is 5 bp);"
                    + " using " + fallback);
        } catch (NumberFormatException e) {
            problems.add(key + " = '" + trimmed + "' is not a decimal number such as 0.0005; using " + fallback);
        }
        return new BigDecimal(fallback);
    }
}
