// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.model;

import java.util.Map;

/**
 * Tick and lot sizes of the instruments in the bundled recordings, and a safe default for any other.
 *
 * <p>Spot quantities use 8 decimals: Binance prints 8 and the real recordings contain sizes finer than the
 * published lot size. Live feeds replace these with the venue's exchange information; replay and tests use them as they are.
 * The default (8 price and 8 quantity decimals) holds every price and size any supported venue sends.
 */
public final class InstrumentSpecs {

    private static final Map<String, String[]> KNOWN = Map.of(
            "BTCUSDT-PERP.BINANCE_FUTURES", new String[] {"0.10", "0.001"},
            "ETHUSDT-PERP.BINANCE_FUTURES", new String[] {"0.01", "0.001"},
            "BTCUSDT.BINANCE_SPOT", new String[] {"0.01", "0.00000001"},
            "ETHUSDT.BINANCE_SPOT", new String[] {"0.01", "0.00000001"});

    private InstrumentSpecs() {
    }

    /**
     * Returns the known spec of an instrument, or the 8/8-decimal default.
     *
     * @param id the instrument
     * @return its spec
     */
    public static InstrumentSpec lookup(InstrumentId id) {
        String[] tl = KNOWN.get(id.toString());
        return tl != null ? InstrumentSpec.of(id, tl[0], tl[1]) : defaultSpec(id);
    }

    /**
     * Returns the 8-decimal default spec (tick and lot of one raw unit).
     *
     * @param id the instrument
     * @return a spec that holds any price and size with up to 8 decimals
     */
    public static InstrumentSpec defaultSpec(InstrumentId id) {
        return new InstrumentSpec(id, 8, 8, 1, 1);
    }
}
