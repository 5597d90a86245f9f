// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentSpec;

/**
 * The JSON token layer under {@link BinanceScanner}: a cursor over the bytes of one line that reads strings
 * (as ranges, without copying), whole numbers, arrays of {@code [price, qty]} string pairs straight to fixed point,
 * and skips values. A problem sets the message of the shared
 * {@link ScannedMessage} and unwinds with a preallocated exception that never leaves the scanner.
 *
 * <p>The level arrays are most of every big event, so they have a fast path that works on 8 bytes at a time (SWAR,
 * through little-endian {@code long} views of the byte array): quotes found 64 bytes at a time, numbers checked and
 * converted a word at a time on a guess of their shape. It only ever accepts what it has checked byte for byte;
 * anything else goes to the byte-at-a-time paths, which give the same values and the same error messages as before.
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

    /**
     * Reads {@code [["price","qty"],...]} into the bids or asks of the message, exactly at the scales of spec.
     *
     * <p>Three paths, each exact, the first that applies wins: 8 bytes at a time for the compact form with plain
     * decimals of up to 8 whole digits and 8 decimals (what the venue sends; measured on the bundled BTCUSDT futures
     * recording: 13 ns per level instead of 19); one byte at a time for the compact form (the last bytes of the buffer,
     * other numbers); and the general path, which allows spaces and reports every problem with FixedPoint's message.
     */
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
        ScannedMessage msg = m;
        long[] prices = bids ? msg.bidPrices : msg.askPrices;
        long[] qtys = bids ? msg.bidQtys : msg.askQtys;
        int n = bids ? msg.bidCount : msg.askCount;
        Shape priceShape = this.priceShape;
        Shape qtyShape = this.qtyShape;
        priceShape.useScale(priceScale);
        qtyShape.useScale(qtyScale);
        // The quotes, 64 bytes at a time (bit j of quotes: byte base + j; ahead: the next 64 bytes, found early so
        // that moving on to them waits for nothing). The blocks do not depend on what the numbers hold, so the next
        // level is found without waiting for this one's digits. A quote bit is only a hint: every level is checked
        // against the bytes themselves.
        int limit = bytes.length - QUOTE_BLOCK_SLACK;
        int base = p;
        long quotes = quoteBlock(bytes, base, limit);
        long ahead = quoteBlock(bytes, base + 64, limit);
        while (true) {
            int i = p;
            long price = -1;
            long qty = -1;
            int next = -1;
            int levelEnd = -1; // where the quote blocks say this level ends
            fast: {
                if (quotes == 0) {
                    base += 64;
                    if ((quotes = ahead) == 0) {
                        break fast;
                    }
                    ahead = quoteBlock(bytes, base + 64, limit);
                }
                int q1 = base + Long.numberOfTrailingZeros(quotes);
                quotes &= quotes - 1;
                if (quotes == 0) {
                    base += 64;
                    if ((quotes = ahead) == 0) {
                        break fast;
                    }
                    ahead = quoteBlock(bytes, base + 64, limit);
                }
                int q2 = base + Long.numberOfTrailingZeros(quotes);
                quotes &= quotes - 1;
                if (quotes == 0) {
                    base += 64;
                    if ((quotes = ahead) == 0) {
                        break fast;
                    }
                    ahead = quoteBlock(bytes, base + 64, limit);
                }
                int q3 = base + Long.numberOfTrailingZeros(quotes);
                quotes &= quotes - 1;
                if (quotes == 0) {
                    base += 64;
                    if ((quotes = ahead) == 0) {
                        break fast;
                    }
                    ahead = quoteBlock(bytes, base + 64, limit);
                }
                int q4 = base + Long.numberOfTrailingZeros(quotes);
                quotes &= quotes - 1;
                // [ " price " , " qty " ] with nothing else in between
                if (q1 != i + 1 || q3 != q2 + 2 || q4 + 2 >= e || bytes[i] != '['
                        || ((int) INTS.get(bytes, q2) & 0xFF_FFFF) != QUOTE_COMMA_QUOTE
                        || (short) SHORTS.get(bytes, q4) != QUOTE_BRACKET) {
                    break fast;
                }
                levelEnd = q4 + 2;
                int priceLength = q2 - q1 - 1;
                int qtyLength = q4 - q3 - 1;
                price = priceShape.parse(bytes, q2, priceLength);
                if (price < 0) {
                    price = boundedDecimal(bytes, q1 + 1, priceLength, priceScale);
                    priceShape.learn(bytes, q2, priceLength, priceScale);
                }
                qty = qtyShape.parse(bytes, q4, qtyLength);
                if (qty < 0) {
                    qty = boundedDecimal(bytes, q3 + 1, qtyLength, qtyScale);
                    qtyShape.learn(bytes, q4, qtyLength, qtyScale);
                }
                if (price > 0 && qty >= 0) {
                    next = q4 + 2;
                }
            }
            if (next < 0) {
                next = levelOneByteAtATime(bytes, i, e, priceScale, qtyScale);
                price = onePassPrice;
                qty = onePassQty;
                if (next != levelEnd) {
                    base = next < 0 ? i : next; // the quote blocks start over where this level ends
                    quotes = quoteBlock(bytes, base, limit);
                    ahead = quoteBlock(bytes, base + 64, limit);
                }
            }
            if (next >= 0 && n < prices.length) {
                prices[n] = price;
                qtys[n++] = qty;
                p = next;
            } else {
                // anything unusual (sign, exponent, escape, too many decimals, zero price, spaces, full arrays) takes
                // the general path, which grows the arrays and names any problem exactly
                setCount(bids, n);
                if (next >= 0) {
                    add(bids, price, qty);
                    p = next;
                } else {
                    levelSlowly(bids, priceScale, qtyScale, name);
                    base = p;
                    quotes = quoteBlock(bytes, base, limit);
                    ahead = quoteBlock(bytes, base + 64, limit);
                }
                prices = bids ? msg.bidPrices : msg.askPrices;
                qtys = bids ? msg.bidQtys : msg.askQtys;
                n = bids ? msg.bidCount : msg.askCount;
            }
            int c = p < e ? bytes[p] : -1;
            if (c == ',') {
                p++;
            } else if (c == ']') {
                p++;
                setCount(bids, n);
                return;
            } else {
                setCount(bids, n);
                if (!nextElement()) {
                    return;
                }
                base = p;
                quotes = quoteBlock(bytes, base, limit);
                ahead = quoteBlock(bytes, base + 64, limit);
            }
        }
    }

    private void setCount(boolean bids, int n) {
        if (bids) {
            m.bidCount = n;
        } else {
            m.askCount = n;
        }
    }

    private void add(boolean bids, long price, long qty) {
        if (bids) {
            m.addBid(price, qty);
        } else {
            m.addAsk(price, qty);
        }
    }

    /** The values read by the last successful {@link #levelOneByteAtATime}. */
    private long onePassPrice;
    private long onePassQty;

    /**
     * The compact form {@code ["price","qty"]} at {@code i}, one byte at a time: digits are parsed while the quotes are
     * looked for, in one pass.
     *
     * @return where the level ends (after its ']'), or -1 for anything else (then the values are undefined)
     */
    private int levelOneByteAtATime(byte[] bytes, int i, int e, int priceScale, int qtyScale) {
        if (i + 1 < e && bytes[i] == '[' && bytes[i + 1] == '"') {
            long price = unsignedDecimal(bytes, i + 2, e, priceScale);
            int priceEnd = decimalEnd;
            if (price > 0 && priceEnd + 2 < e && bytes[priceEnd + 1] == ',' && bytes[priceEnd + 2] == '"') {
                long qty = unsignedDecimal(bytes, priceEnd + 3, e, qtyScale);
                int qtyEnd = decimalEnd;
                if (qty >= 0 && qtyEnd + 1 < e && bytes[qtyEnd + 1] == ']') {
                    onePassPrice = price;
                    onePassQty = qty;
                    return qtyEnd + 2;
                }
            }
        }
        return -1;
    }

    // ---- 8 bytes at a time (SWAR): little-endian longs over the byte array, byte k of a word in bits 8k..8k+7 ----

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORTS =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    /** A block of quotes at {@code base} reads {@code [base, base + 64)}; numbers in it read 8 bytes around them. */
    private static final int QUOTE_BLOCK_SLACK = 64 + 8;
    private static final short QUOTE_BRACKET = (short) ('"' | ']' << 8);
    private static final int QUOTE_COMMA_QUOTE = '"' | ',' << 8 | '"' << 16;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long QUOTES = '"' * ONES;
    private static final long ZEROS = '0' * ONES;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long LOW_BITS = 0x7F7F_7F7F_7F7F_7F7FL;
    /** Added to a byte of at most 0x7F, sets its high bit iff the byte is above 9, and never carries out of it. */
    private static final long ABOVE_NINE = 0x7676_7676_7676_7676L;
    /** Multiplying the low bits of 8 bytes by this gathers them into the top byte: byte j's to bit 56 + j. */
    private static final long GATHER = 0x0102_0408_1020_4080L;
    private static final int DOT = '.' ^ '0';

    /**
     * One bit per byte of {@code bytes[at, at + 64)}: bit j is set if byte {@code at + j} is a quote; 0 if the block
     * would start before byte 8 or end too close to the end of the array (the numbers read 8 bytes around a quote).
     * The zero-byte test may also flag a '#' right after a quote (a borrow), which does no harm: a level is only
     * taken when its bytes are what the quotes say.
     */
    private static long quoteBlock(byte[] bytes, int at, int limit) {
        if (at < 8 || at > limit) {
            return 0;
        }
        long mask = 0;
        for (int k = 0; k < 64; k += 8) {
            long t = (long) LONGS.get(bytes, at + k) ^ QUOTES;
            long z = (t - ONES) & ~t & HIGH_BITS;
            mask |= ((z >>> 7) * GATHER >>> 56) << k;
        }
        return mask;
    }

    /** What the last prices (or quantities) looked like; the next one is read on that guess, checked, in few steps. */
    private final Shape priceShape = new Shape();
    private final Shape qtyShape = new Shape();

    /**
     * The shape of a number: {@code d} decimals (1 to 8), read at a given scale. The venue writes every price of a
     * symbol with the same number of decimals, and every quantity too, so one guess holds for a whole stream.
     */
    private static final class Shape {
        /** Decimals of the guess; 0 = no guess. */
        private int decimals;
        /** Numbers of at most 8 bytes: the high bit of the dot's byte in the word that ends at the closing quote. */
        private long dotHigh = 1;
        private long dotMask;
        private long dotValue;
        /** The decimals' bytes in the word that ends at the closing quote. */
        private long decimalMask;
        /** The decimals beyond the scale (which must be zeros): their bytes, and how far to shift them out. */
        private long droppedMask;
        private int droppedBits;
        /** 10^(scale - decimals that count), and 10^scale. */
        private long scaleUp;
        private long wholeUp;
        private int scale = -1;

        /**
         * @param bytes the line
         * @param quote the number's closing quote
         * @param len its length
         * @return its exact value at the scale, or -1 if it does not have this shape (or is not a plain decimal)
         */
        long parse(byte[] bytes, int quote, int len) {
            long x = (long) LONGS.get(bytes, quote - 8) ^ ZEROS; // the number's last 8 bytes, digits now 0..9
            if ((len - 1 & ~7) != 0) {
                return parseLong(bytes, quote, len, x);
            }
            long inside = -1L << (64 - (len << 3));
            long other = ((x & LOW_BITS) + ABOVE_NINE | x) & HIGH_BITS & inside; // its bytes that are not digits
            if (other != dotHigh || (x & dotMask) != dotValue || (x & droppedMask) != 0) {
                return -1; // not digits with one dot d bytes before the end, or a significant decimal too many
            }
            long digits = x & decimalMask | (x & inside) << 8 & ~decimalMask; // the whole digits moved up over the dot
            return eightDigits(digits << droppedBits) * scaleUp;
        }

        /** 9 to 17 bytes: the decimals and the whole digits apart, each at most 8. */
        private long parseLong(byte[] bytes, int quote, int len, long x) {
            int d = decimals;
            int wholeLength = len - d - 1;
            if (d == 0 || wholeLength < 0 || wholeLength > 8) {
                return -1;
            }
            long w = (long) LONGS.get(bytes, quote - d - 9) ^ ZEROS; // the 8 bytes before the dot
            long whole = wholeLength == 0 ? 0 : -1L << (64 - (wholeLength << 3));
            if ((((x & LOW_BITS) + ABOVE_NINE | x) & HIGH_BITS & decimalMask) != 0
                    || (((w & LOW_BITS) + ABOVE_NINE | w) & HIGH_BITS & whole) != 0
                    || bytes[quote - d - 1] != '.' || (x & droppedMask) != 0) {
                return -1;
            }
            return eightDigits(w & whole) * wholeUp + eightDigits((x & decimalMask) << droppedBits) * scaleUp;
        }

        /** Guesses that the next numbers look like this one; no guess if it has no decimals or is unusual. */
        void learn(byte[] bytes, int quote, int len, int scale) {
            decimals = 0;
            dotHigh = 1;
            int d = 0;
            while (d < len && d <= 8 && bytes[quote - 1 - d] != '.') {
                d++;
            }
            int used = Math.min(d, scale);
            if (d == 0 || d > 8 || d == len || used == 0 || scale > 10) {
                return; // no decimals, too many, no dot, no decimal that counts, or room to overflow
            }
            int dropped = d - used;
            decimals = d;
            decimalMask = -1L << (64 - (d << 3));
            droppedMask = dropped == 0 ? 0 : -1L << (64 - (dropped << 3));
            droppedBits = dropped << 3;
            scaleUp = POW10[scale - used];
            wholeUp = POW10[scale];
            if (d < 8) {
                int dotBits = (7 - d) << 3;
                dotHigh = 0x80L << dotBits;
                dotMask = 0xFFL << dotBits;
                dotValue = (long) DOT << dotBits;
            }
        }

        /** Forgets the guess if it was made at another scale (another instrument). */
        void useScale(int scale) {
            if (scale != this.scale) {
                this.scale = scale;
                decimals = 0;
                dotHigh = 1;
            }
        }
    }

    /**
     * The exact value at {@code scale} of the plain unsigned decimal {@code bytes[s, s + len)} (its bounds known: the
     * quotes around it): 1 to 8 characters, digits and at most one dot, at least one digit, any decimals beyond the
     * scale zeros. Returns -1 for anything else, which the caller hands to the paths that read one byte at a time and
     * name the problem. Reads {@code bytes[s, s + 8)}.
     */
    private static long boundedDecimal(byte[] bytes, int s, int len, int scale) {
        if ((len - 1 & ~7) != 0) {
            return -1; // not 1..8 characters
        }
        long x = (long) LONGS.get(bytes, s) ^ ZEROS; // the number in the low len bytes, digits 0..9
        int bits = len << 3;
        long inside = -1L >>> (64 - bits);
        long other = ((x & LOW_BITS) + ABOVE_NINE | x) & HIGH_BITS & inside; // its bytes that are not digits
        if (other == 0) {
            long v = eightDigits(x << (64 - bits));
            return v <= MAX_BEFORE_SCALING[scale] ? v * POW10[scale] : -1;
        }
        int dotBits = Long.numberOfTrailingZeros(other) - 7;
        int decimalBits = bits - dotBits - 8;
        int usedBits = Math.min(decimalBits, scale << 3);
        int keptBits = dotBits + usedBits;
        if (other != 0x80L << dotBits || ((int) (x >>> dotBits) & 0xFF) != DOT || keptBits == 0) {
            return -1; // a second non-digit, a non-digit that is not a dot, or no digit that counts
        }
        if (decimalBits > usedBits && (x & inside) >>> (keptBits + 8) != 0) {
            return -1; // a significant decimal beyond the scale
        }
        long below = (1L << dotBits) - 1;
        long v = eightDigits((x & below | (x >>> 8) & ~below) << (64 - keptBits)); // the dot squeezed out
        int zeros = scale - (usedBits >>> 3);
        return v <= MAX_BEFORE_SCALING[zeros] ? v * POW10[zeros] : -1;
    }

    /**
     * The value of 8 decimal digits, one per byte (0..9, the most significant in the lowest byte), with three
     * multiplications instead of eight dependent multiply-adds: pairs, then quads, then the eight.
     */
    private static long eightDigits(long v) {
        long pairs = v * 10 + (v >>> 8);
        return ((pairs & 0x0000_00FF_0000_00FFL) * (100 + (1_000_000L << 32))
                + ((pairs >>> 16) & 0x0000_00FF_0000_00FFL) * (1 + (10_000L << 32))) >>> 32;
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
