// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.scan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.Venue;

/**
 * Maps Kraken Futures product ids, as bytes of a frame, to instrument specs without creating a String per frame.
 * Product ids are case-insensitive ({@code pi_ethusd} and {@code PI_ETHUSD} are one product) and, unlike Binance
 * symbols, contain underscores ({@code FI_XBTUSD_210730}). A session carries a handful of products, so a linear
 * search beats hashing; the table stops growing at {@link #MAX_KNOWN} so a stream of made-up ids cannot fill memory.
 */
final class KrakenSymbols {

    static final int MAX_PRODUCT = 32;
    static final int MAX_KNOWN = 256;

    private final Function<InstrumentId, InstrumentSpec> specs;
    private byte[][] products = new byte[8][];
    private InstrumentSpec[] known = new InstrumentSpec[8];
    private int size;

    KrakenSymbols(Function<InstrumentId, InstrumentSpec> specs) {
        this.specs = specs;
    }

    /**
     * @param b frame bytes
     * @param from first byte of the product id
     * @param to end of the product id (exclusive)
     * @return the spec, or null if the bytes are not a product id (A-Z, a-z, 0-9 and _, 1 to 32 of them)
     */
    InstrumentSpec resolve(byte[] b, int from, int to) {
        int len = to - from;
        for (int i = 0; i < size; i++) {
            if (sameIgnoreCase(products[i], b, from, len)) {
                return known[i];
            }
        }
        if (len < 1 || len > MAX_PRODUCT) {
            return null;
        }
        byte[] upper = new byte[len];
        for (int i = 0; i < len; i++) {
            int c = upper(b[from + i]);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return null;
            }
            upper[i] = (byte) c;
        }
        InstrumentSpec spec = specs.apply(InstrumentId.ofVenueSymbol(Venue.KRAKEN_FUTURES,
                new String(upper, StandardCharsets.US_ASCII)));
        if (size < MAX_KNOWN) {
            add(upper, spec);
        }
        return spec;
    }

    private static boolean sameIgnoreCase(byte[] upperProduct, byte[] b, int from, int len) {
        if (upperProduct.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (upperProduct[i] != upper(b[from + i])) {
                return false;
            }
        }
        return true;
    }

    private static int upper(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    private void add(byte[] upper, InstrumentSpec spec) {
        if (size == products.length) {
            products = Arrays.copyOf(products, size * 2);
            known = Arrays.copyOf(known, size * 2);
        }
        products[size] = upper;
        known[size++] = spec;
    }
}
