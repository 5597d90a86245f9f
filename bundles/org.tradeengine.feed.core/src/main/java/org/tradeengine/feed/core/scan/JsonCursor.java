// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.scan;

import java.nio.charset.StandardCharsets;

import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentSpec;

/**
 * The JSON token layer under {@link BinanceScanner}: a cursor over the bytes of one line that reads strings
 * (as ranges, without copying), whole numbers, arrays of {@code [price, qty]} string pairs straight to fixed point,
 * and skips values. A problem sets the message of the shared
 * {@link ScannedMessage} and unwinds with a preallocated exception that never leaves the scanner.
 */
abstract class JsonCursor {

    /** Unwinds from deep inside the grammar once the message is set; never leaves this class. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure() {
            super(null, null, false, false);
        }
    }

    static final Failure FAILURE = new Failure();

    final ScannedMessage m = new ScannedMessage();
    byte[] b;
    int p;
    int end;
    int lineStart;
    int strFrom;
    int strTo;

    /** Reads a string without escapes into [strFrom, strTo). */
    final void string(String name) {
        expect('"');
        int i = p;
        byte[] bytes = b;
        int e = end;
        while (i < e) {
            byte c = bytes[i];
            if (c == '"') {
                strFrom = p;
                strTo = i;
                p = i + 1;
                return;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                fail(ScanProblem.MALFORMED_JSON, "escape or control character in \"" + name + "\" at column " + column(i));
            }
            i++;
        }
        throw fail(ScanProblem.MALFORMED_JSON, "unterminated string in \"" + name + "\"");
    }

    /** Reads a non-negative JSON integer. */
    final long number(String name) {
        int i = ws(p);
        int from = i;
        long v = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            if (v > (Long.MAX_VALUE - 9) / 10) {
                fail(ScanProblem.BAD_NUMBER, "\"" + name + "\" does not fit in a long");
            }
            v = v * 10 + (b[i++] - '0');
        }
        if (i == from || i < end && !isDelimiter(b[i])) {
            int stop = i;
            while (stop < end && !isDelimiter(b[stop])) {
                stop++;
            }
            fail(ScanProblem.BAD_NUMBER, "\"" + name + "\" must be a non-negative whole number, not '"
                    + text(from, Math.min(stop, from + 40)) + "'");
        }
        p = i;
        return v;
    }

    /** Reads {@code [["price","qty"],...]} into the bids or asks of the message, exactly at the scales of spec. */
    final void levels(boolean bids, InstrumentSpec spec, String name) {
        int priceScale = spec.priceScale();
        int qtyScale = spec.qtyScale();
        expect('[');
        if (peek() == ']') {
            p++;
            return;
        }
        byte[] bytes = b;
        int e = end;
        while (true) {
            // fast path for the compact form ["price","qty"] the venue sends: digits are parsed while the quotes
            // are looked for, in one pass. Anything unusual (sign, exponent, escape, too many decimals, zero
            // price, spaces) leaves p untouched and takes the general path, which names the problem exactly.
            int i = p;
            long price = -1;
            long qty = -1;
            int qtyEnd = -1;
            if (i + 1 < e && bytes[i] == '[' && bytes[i + 1] == '"') {
                price = unsignedDecimal(bytes, i + 2, e, priceScale);
                int priceEnd = decimalEnd;
                if (price > 0 && priceEnd + 2 < e && bytes[priceEnd + 1] == ',' && bytes[priceEnd + 2] == '"') {
                    qty = unsignedDecimal(bytes, priceEnd + 3, e, qtyScale);
                    qtyEnd = decimalEnd;
                }
            }
            if (qty >= 0 && qtyEnd + 1 < e && bytes[qtyEnd + 1] == ']') {
                if (bids) {
                    m.addBid(price, qty);
                } else {
                    m.addAsk(price, qty);
                }
                p = qtyEnd + 2;
            } else {
                levelSlowly(bids, priceScale, qtyScale, name);
            }
            int c = p < e ? bytes[p] : -1;
            if (c == ',') {
                p++;
            } else if (c == ']') {
                p++;
                return;
            } else if (!nextElement()) {
                return;
            }
        }
    }

    /** Where the last {@link #unsignedDecimal} stopped: the index of the closing quote. */
    private int decimalEnd;

    private static final long[] POW10 = new long[19];
    private static final long[] MAX_BEFORE_SCALING = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            MAX_BEFORE_SCALING[i] = Long.MAX_VALUE / p;
            p *= 10;
        }
    }

    /**
     * Parses a plain unsigned decimal that ends at a quote, exactly at {@code scale}, in one pass; sets
     * {@link #decimalEnd} to the quote. Returns -1 for anything it does not handle (the caller then takes the
     * general path, which reports errors): a sign, a non-digit, no digits, more significant decimals than the
     * scale, more than 18 digits, or a missing closing quote.
     */
    private long unsignedDecimal(byte[] bytes, int i, int e, int scale) {
        long v = 0;
        int digits = 0;
        int frac = -1;
        for (; i < e; i++) {
            int c = bytes[i];
            int d = c - '0';
            if (d >= 0 && d <= 9) {
                if (frac < 0) {
                    v = v * 10 + d;
                    digits++;
                } else if (frac < scale) {
                    v = v * 10 + d;
                    digits++;
                    frac++;
                } else if (d != 0) {
                    return -1;
                }
            } else if (c == '"') {
                break;
            } else if (c == '.' && frac < 0) {
                frac = 0;
            } else {
                return -1;
            }
        }
        if (i >= e || digits == 0 || digits > 18) {
            return -1;
        }
        int shift = scale - Math.max(frac, 0);
        if (v > MAX_BEFORE_SCALING[shift]) {
            return -1;
        }
        decimalEnd = i;
        return v * POW10[shift];
    }

    /** The compact form with FixedPoint's exact error messages, else the general form with spaces. */
    private void levelSlowly(boolean bids, int priceScale, int qtyScale, String name) {
        byte[] bytes = b;
        int e = end;
        int i = p;
        int priceTo = i + 2;
        int qtyTo = 0;
        if (i + 1 < e && bytes[i] == '[' && bytes[i + 1] == '"') {
            while (priceTo < e && bytes[priceTo] != '"') {
                priceTo++;
            }
            if (priceTo + 2 < e && bytes[priceTo + 1] == ',' && bytes[priceTo + 2] == '"') {
                qtyTo = priceTo + 3;
                while (qtyTo < e && bytes[qtyTo] != '"') {
                    qtyTo++;
                }
            }
        }
        if (qtyTo > 0 && qtyTo + 1 < e && bytes[qtyTo + 1] == ']') {
            level(bids, i + 2, priceTo, priceTo + 3, qtyTo, priceScale, qtyScale, name);
            p = qtyTo + 2;
        } else {
            levelWithSpaces(bids, priceScale, qtyScale, name);
        }
    }

    private void levelWithSpaces(boolean bids, int priceScale, int qtyScale, String name) {
        expect('[');
        string(name);
        int priceFrom = strFrom;
        int priceTo = strTo;
        expect(',');
        string(name);
        expect(']');
        level(bids, priceFrom, priceTo, strFrom, strTo, priceScale, qtyScale, name);
    }

    private void level(boolean bids, int priceFrom, int priceTo, int qtyFrom, int qtyTo, int priceScale, int qtyScale,
            String name) {
        long price = decimal(priceFrom, priceTo, priceScale, name, "price");
        long qty = decimal(qtyFrom, qtyTo, qtyScale, name, "quantity");
        if (price <= 0) {
            fail(ScanProblem.BAD_VALUE, "price " + text(priceFrom, priceTo) + " in \"" + name + "\" is not positive");
        }
        if (bids) {
            m.addBid(price, qty);
        } else {
            m.addAsk(price, qty);
        }
    }

    private long decimal(int from, int to, int scale, String name, String what) {
        if (from < to && b[from] == '-') {
            fail(ScanProblem.BAD_VALUE, "negative " + what + " " + text(from, to) + " in \"" + name + "\"");
        }
        try {
            return FixedPoint.parse(b, from, to, scale);
        } catch (NumberFormatException | ArithmeticException e) {
            throw fail(ScanProblem.BAD_NUMBER, "bad " + what + " in \"" + name + "\" at scale " + scale + ": "
                    + e.getMessage());
        }
    }

    /** Skips any JSON value; returns where it started. */
    final int skipValue() {
        p = ws(p);
        int start = p;
        int c = peek();
        if (c == '"') {
            skipString();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            do {
                c = b[p];
                if (c == '"') {
                    skipString();
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
                p++;
            } while (depth > 0 && p < end);
            if (depth > 0) {
                fail(ScanProblem.MALFORMED_JSON, "unterminated " + (char) b[start] + " at column " + column(start));
            }
        } else {
            while (p < end && !isDelimiter(b[p])) {
                p++;
            }
            if (p == start) {
                fail(ScanProblem.MALFORMED_JSON, "missing value at column " + column(start));
            }
        }
        return start;
    }

    final void skipString() {
        int i = p + 1;
        while (i < end) {
            byte c = b[i];
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                p = i + 1;
                return;
            } else {
                i++;
            }
        }
        fail(ScanProblem.MALFORMED_JSON, "unterminated string at column " + column(p));
    }

    final boolean nextMember() {
        p = ws(p);
        int c = peek();
        p++;
        if (c == ',') {
            return true;
        }
        if (c != '}') {
            fail(ScanProblem.MALFORMED_JSON, "expected ',' or '}' at column " + column(p - 1));
        }
        return false;
    }

    final boolean nextElement() {
        p = ws(p);
        int c = peek();
        p++;
        if (c == ',') {
            return true;
        }
        if (c != ']') {
            fail(ScanProblem.MALFORMED_JSON, "expected ',' or ']' at column " + column(p - 1));
        }
        return false;
    }

    final void expect(char c) {
        int i = ws(p);
        if (i >= end || b[i] != c) {
            fail(ScanProblem.MALFORMED_JSON, (i >= end ? "message ends where '" + c + "' was expected"
                    : "expected '" + c + "' at column " + column(i)));
        }
        p = i + 1;
    }

    final int peek() {
        p = ws(p);
        return p < end ? b[p] : -1;
    }

    final int ws(int i) {
        while (i < end && isSpace(b[i])) {
            i++;
        }
        return i;
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static boolean isDelimiter(byte c) {
        return c == ',' || c == '}' || c == ']' || isSpace(c);
    }

    final boolean allDigits(int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    final boolean equal(int from, int to, byte[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (b[from + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    final boolean startsWith(int from, int to, byte[] word) {
        return to - from >= word.length && equal(from, from + word.length, word);
    }

    final int column(int i) {
        return i - lineStart + 1;
    }

    final String text(int from, int to) {
        return from < 0 ? "" : new String(b, from, Math.min(to, from + 80) - from, StandardCharsets.ISO_8859_1);
    }

    final Failure fail(ScanProblem problem, String message) {
        m.kind = ScannedMessage.Kind.ERROR;
        m.problem = problem;
        m.message = message;
        throw FAILURE;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
