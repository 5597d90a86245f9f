// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.scan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.Venue;

/**
 * Maps venue symbols, as bytes of a message, to instrument specs without creating a String per message. A
 * stream carries a handful of symbols, so a linear search over them beats hashing.
 */
final class SymbolTable {

    private static final int MAX_SYMBOL = 32;

    private final Venue venue;
    private final Function<InstrumentId, InstrumentSpec> specs;
    private byte[][] symbols = new byte[4][];
    private InstrumentSpec[] known = new InstrumentSpec[4];
    private int size;

    SymbolTable(Venue venue, Function<InstrumentId, InstrumentSpec> specs) {
        this.venue = venue;
        this.specs = specs;
    }

    /**
     * @param b message bytes
     * @param from first byte of the symbol
     * @param to end of the symbol (exclusive)
     * @return the spec, or null if the bytes are not a symbol (only A-Z, a-z, 0-9, at most 32)
     */
    InstrumentSpec resolve(byte[] b, int from, int to) {
        int len = to - from;
        for (int i = 0; i < size; i++) {
            if (sameIgnoreCase(symbols[i], b, from, len)) {
                return known[i];
            }
        }
        if (len < 1 || len > MAX_SYMBOL) {
            return null;
        }
        byte[] upper = new byte[len];
        for (int i = 0; i < len; i++) {
            int c = upper(b[from + i]);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return null;
            }
            upper[i] = (byte) c;
        }
        return add(upper);
    }

    static boolean sameIgnoreCase(byte[] upperSymbol, byte[] b, int from, int len) {
        if (upperSymbol.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (upperSymbol[i] != upper(b[from + i])) {
                return false;
            }
        }
        return true;
    }

    static boolean sameIgnoreCaseBytes(byte[] b, int aFrom, int aTo, int bFrom, int bTo) {
        if (aTo - aFrom != bTo - bFrom) {
            return false;
        }
        for (int i = 0; i < aTo - aFrom; i++) {
            if (upper(b[aFrom + i]) != upper(b[bFrom + i])) {
                return false;
            }
        }
        return true;
    }

    static int upper(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    private InstrumentSpec add(byte[] upper) {
        if (size == symbols.length) {
            symbols = Arrays.copyOf(symbols, size * 2);
            known = Arrays.copyOf(known, size * 2);
        }
        InstrumentId id = InstrumentId.ofVenueSymbol(venue, new String(upper, StandardCharsets.US_ASCII));
        symbols[size] = upper;
        known[size] = specs.apply(id);
        return known[size++];
    }
}
