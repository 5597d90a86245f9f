// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.scan;

import java.util.Locale;
import java.util.function.Function;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;

/**
 * Reads one Kraken Futures WebSocket v1 frame straight from its bytes: a {@code book_snapshot} (SNAPSHOT, ids = seq),
 * a {@code book} delta (DEPTH, one level, first = last = seq, previous = seq - 1), a recognised feed the book does
 * not need ({@code trade}, {@code trade_snapshot}, {@code ticker}, {@code ticker_lite}, {@code heartbeat}: SKIPPED) or
 * a session event ({@code info}, {@code subscribed}, {@code unsubscribed}, {@code subscribed_failed}, {@code error},
 * {@code alert}: CONTROL, see {@link #event()}). Anything else is an ERROR with {@link ScanProblem#UNKNOWN_EVENT}.
 *
 * <p>Kraken sends prices and quantities as JSON numbers ({@code 2003.9}, {@code 20108.0}); they go directly to
 * fixed-point longs at the instrument's scales, exponent forms included ({@code 1e-05}, {@code 2.5E3}) when the value
 * is exact at the scale. Keys may come in any order, product ids in any case. No String is made per value and nothing
 * is allocated for a good frame (a product's spec is looked up once). Anything wrong gives an ERROR result with a
 * {@link ScanProblem} and a message naming the field and its column; no exception leaves {@link #scan} or
 * {@link #scanMessage}.
 */
public final class KrakenScanner extends JsonCursor {

    private static final long NANOS_SINCE = 100_000_000_000_000_000L;   // 1e17 ns = 1973
    private static final long MICROS_SINCE = 100_000_000_000_000L;      // 1e14 µs = 1973

    private static final int K_UNKNOWN = 0;
    private static final int K_FEED = 1;
    private static final int K_EVENT = 2;
    private static final int K_PRODUCT_ID = 3;
    private static final int K_PRODUCT_IDS = 4;
    private static final int K_SIDE = 5;
    private static final int K_SEQ = 6;
    private static final int K_PRICE = 7;
    private static final int K_QTY = 8;
    private static final int K_TIMESTAMP = 9;
    private static final int K_BIDS = 10;
    private static final int K_ASKS = 11;
    private static final int K_MESSAGE = 12;
    private static final String[] NAMES = {"?", "feed", "event", "product_id", "product_ids", "side", "seq", "price", "qty",
        "timestamp", "bids", "asks", "message"};

    private static final int DELTA_FIELDS = bits(K_PRODUCT_ID, K_SIDE, K_SEQ, K_PRICE, K_QTY);
    private static final int SNAPSHOT_FIELDS = bits(K_PRODUCT_ID, K_SEQ, K_BIDS, K_ASKS);

    private static final byte[] FEED = ascii("feed");
    private static final byte[] SIDE = ascii("side");
    private static final byte[] BIDS = ascii("bids");
    private static final byte[] ASKS = ascii("asks");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] PRICE = ascii("price");
    private static final byte[] SEQ = ascii("seq");
    private static final byte[] QTY = ascii("qty");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] PRODUCT_ID = ascii("product_id");
    private static final byte[] PRODUCT_IDS = ascii("product_ids");
    private static final byte[] BOOK = ascii("book");
    private static final byte[] BOOK_SNAPSHOT = ascii("book_snapshot");
    private static final byte[] BUY = ascii("buy");
    private static final byte[] SELL = ascii("sell");
    private static final byte[][] SKIPPED_FEEDS = {ascii("trade"), ascii("trade_snapshot"), ascii("ticker"),
        ascii("ticker_lite"), ascii("heartbeat")};
    private static final byte[][] EVENT_NAMES = {null, ascii("info"), ascii("subscribed"), ascii("unsubscribed"),
        ascii("subscribed_failed"), ascii("error"), ascii("alert")};

    private static final KrakenEvent[] EVENTS = KrakenEvent.values();
    private final KrakenSymbols products;
    private final KrakenNumber number = new KrakenNumber();
    private final int[] valueFrom = new int[NAMES.length];
    private final int[] valueTo = new int[NAMES.length];
    private int mask;
    private KrakenEvent event = KrakenEvent.NONE;

    /** Reads prices and quantities at the scales of {@link InstrumentSpecs#lookup}. */
    public KrakenScanner() {
        this(InstrumentSpecs::lookup);
    }

    /**
     * @param specs the scales of each instrument ({@code PI_ETHUSD.KRAKEN_FUTURES} and so on)
     */
    public KrakenScanner(Function<InstrumentId, InstrumentSpec> specs) {
        this.products = new KrakenSymbols(specs);
    }

    /**
     * Scans one recorded line {@code <local timestamp> <frame>} (without its line terminator); the timestamp is epoch
     * nanoseconds (microseconds are accepted too).
     *
     * @param buf bytes holding the line
     * @param from first byte of the line
     * @param to end of the line (exclusive)
     * @return the result, reused by the next call
     */
    public ScannedMessage scan(byte[] buf, int from, int to) {
        begin(buf, from, to);
        try {
            int i = ws(from);
            if (i == end) {
                m.kind = ScannedMessage.Kind.BLANK;
                return m;
            }
            m.localTimeNanos = localTimestamp(i);
            frame();
        } catch (Failure f) {
            // message already set
        } catch (RuntimeException e) {
            unreadable(e);
        }
        return m;
    }

    /**
     * Scans one frame as a live feed receives it.
     *
     * @param buf bytes holding the frame text
     * @param from first byte of the frame
     * @param to end of the frame (exclusive)
     * @param localTimeNanos local receive time, epoch nanoseconds
     * @return the result, reused by the next call
     */
    public ScannedMessage scanMessage(byte[] buf, int from, int to, long localTimeNanos) {
        begin(buf, from, to);
        m.localTimeNanos = localTimeNanos;
        try {
            p = ws(from);
            if (p == end) {
                m.kind = ScannedMessage.Kind.BLANK;
                return m;
            }
            frame();
        } catch (Failure f) {
            // message already set
        } catch (RuntimeException e) {
            unreadable(e);
        }
        return m;
    }

    /** @return the session event of the last CONTROL result, {@link KrakenEvent#NONE} for anything else */
    public KrakenEvent event() {
        return event;
    }

    private void begin(byte[] buf, int from, int to) {
        this.b = buf;
        this.end = to;
        this.lineStart = from;
        m.clear();
        mask = 0;
        event = KrakenEvent.NONE;
    }

    /** A safety net: the grammar checks bounds itself, so this means a bug, but still no crash. */
    private void unreadable(RuntimeException e) {
        m.kind = ScannedMessage.Kind.ERROR;
        m.problem = ScanProblem.MALFORMED_JSON;
        m.message = "unreadable message (" + e + ")";
        event = KrakenEvent.NONE;
    }

    private long localTimestamp(int i) {
        long ts = 0;
        int start = i;
        for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
            if (ts > (Long.MAX_VALUE - 9) / 10) {
                fail(ScanProblem.BAD_LINE, "local timestamp does not fit in a long");
            }
            ts = ts * 10 + (b[i] - '0');
        }
        if (i == start || i == end || b[i] != ' ') {
            fail(ScanProblem.BAD_LINE, "expected '<local timestamp ns> <frame>'");
        }
        p = i;
        if (ts >= NANOS_SINCE) {
            return ts;
        }
        if (ts >= MICROS_SINCE) {
            return ts * 1000;
        }
        throw fail(ScanProblem.BAD_LINE, "local timestamp " + ts + " is neither nanoseconds nor microseconds since 1970");
    }

    // ---- the object: record where each known value is, then read them by message type ----

    private void frame() {
        expect('{');
        if (peek() == '}') {
            p++;
        } else {
            do {
                int key = key();
                int start = skipValue();
                if (key != K_UNKNOWN) {
                    int bit = 1 << key;
                    if ((mask & bit) != 0) {
                        fail(ScanProblem.MISSING_FIELD, "field \"" + NAMES[key] + "\" appears twice (column " + column(start)
                                + ")");
                    }
                    mask |= bit;
                    valueFrom[key] = start;
                    valueTo[key] = p;
                }
            } while (nextMember());
        }
        if (ws(p) != end) {
            fail(ScanProblem.MALFORMED_JSON, "text after the JSON object at column " + column(ws(p)));
        }
        if (has(K_EVENT)) {
            sessionEvent();
        } else if (has(K_FEED)) {
            feed();
        } else {
            fail(ScanProblem.MISSING_FIELD, "neither \"feed\" nor \"event\": not a Kraken Futures v1 message");
        }
    }

    private int key() {
        string("key");
        int from = strFrom;
        int len = strTo - from;
        expect(':');
        return switch (len) {
            case 3 -> equal(from, from + 3, SEQ) ? K_SEQ : equal(from, from + 3, QTY) ? K_QTY : K_UNKNOWN;
            case 4 -> equal(from, from + 4, FEED) ? K_FEED : equal(from, from + 4, SIDE) ? K_SIDE
                    : equal(from, from + 4, BIDS) ? K_BIDS : equal(from, from + 4, ASKS) ? K_ASKS : K_UNKNOWN;
            case 5 -> equal(from, from + 5, EVENT) ? K_EVENT : equal(from, from + 5, PRICE) ? K_PRICE : K_UNKNOWN;
            case 7 -> equal(from, from + 7, MESSAGE) ? K_MESSAGE : K_UNKNOWN;
            case 9 -> equal(from, from + 9, TIMESTAMP) ? K_TIMESTAMP : K_UNKNOWN;
            case 10 -> equal(from, from + 10, PRODUCT_ID) ? K_PRODUCT_ID : K_UNKNOWN;
            case 11 -> equal(from, from + 11, PRODUCT_IDS) ? K_PRODUCT_IDS : K_UNKNOWN;
            default -> K_UNKNOWN;
        };
    }

    private void feed() {
        stringAt(K_FEED);
        int from = strFrom;
        int to = strTo;
        if (equal(from, to, BOOK)) {
            delta();
        } else if (equal(from, to, BOOK_SNAPSHOT)) {
            snapshot();
        } else {
            for (byte[] skipped : SKIPPED_FEEDS) {
                if (equal(from, to, skipped)) {
                    m.spec = optionalProduct();
                    m.kind = ScannedMessage.Kind.SKIPPED;
                    return;
                }
            }
            m.spec = optionalProduct();
            fail(ScanProblem.UNKNOWN_EVENT, "unknown feed '" + text(from, to) + "' (column " + column(from) + ")");
        }
    }

    private void delta() {
        requireAll(DELTA_FIELDS, "book delta");
        InstrumentSpec spec = product();
        long seq = longAt(K_SEQ);
        m.firstId = seq;
        m.lastId = seq;
        m.prevId = seq - 1;
        if (has(K_TIMESTAMP)) {
            m.eventTime = longAt(K_TIMESTAMP);
        }
        stringAt(K_SIDE);
        boolean bid = equalIgnoreCase(strFrom, strTo, BUY);
        if (!bid && !equalIgnoreCase(strFrom, strTo, SELL)) {
            fail(ScanProblem.BAD_VALUE, "book delta: side '" + text(strFrom, strTo) + "' at column " + column(strFrom)
                    + " is neither buy nor sell");
        }
        long price = price(valueFrom[K_PRICE], valueTo[K_PRICE], spec, "book delta");
        long qty = qty(valueFrom[K_QTY], valueTo[K_QTY], spec, "book delta");
        if (bid) {
            m.addBid(price, qty);
        } else {
            m.addAsk(price, qty);
        }
        m.kind = ScannedMessage.Kind.DEPTH;
    }

    private void snapshot() {
        requireAll(SNAPSHOT_FIELDS, "book_snapshot");
        InstrumentSpec spec = product();
        long seq = longAt(K_SEQ);
        m.firstId = seq;
        m.lastId = seq;
        m.prevId = seq;
        if (has(K_TIMESTAMP)) {
            m.eventTime = longAt(K_TIMESTAMP);
        }
        p = valueFrom[K_BIDS];
        levels(true, spec);
        p = valueFrom[K_ASKS];
        levels(false, spec);
        m.kind = ScannedMessage.Kind.SNAPSHOT;
    }

    /** {@code [{"price":n,"qty":n},...]}, keys in any order, other keys ignored. */
    private void levels(boolean bids, InstrumentSpec spec) {
        String name = bids ? "bids" : "asks";
        expect('[');
        if (peek() == ']') {
            p++;
            return;
        }
        do {
            int at = ws(p);
            expect('{');
            int priceFrom = -1;
            int priceTo = -1;
            int qtyFrom = -1;
            int qtyTo = -1;
            if (peek() == '}') {
                p++;
            } else {
                do {
                    string(name);
                    int kf = strFrom;
                    int kt = strTo;
                    expect(':');
                    int start = skipValue();
                    if (equal(kf, kt, PRICE)) {
                        if (priceFrom >= 0) {
                            fail(ScanProblem.MISSING_FIELD, "\"price\" twice in a level of \"" + name + "\" at column " + column(at));
                        }
                        priceFrom = start;
                        priceTo = p;
                    } else if (equal(kf, kt, QTY)) {
                        if (qtyFrom >= 0) {
                            fail(ScanProblem.MISSING_FIELD, "\"qty\" twice in a level of \"" + name + "\" at column " + column(at));
                        }
                        qtyFrom = start;
                        qtyTo = p;
                    }
                } while (nextMember());
            }
            if (priceFrom < 0 || qtyFrom < 0) {
                fail(ScanProblem.MISSING_FIELD, "level of \"" + name + "\" at column " + column(at) + " without \""
                        + (priceFrom < 0 ? "price" : "qty") + "\"");
            }
            long price = price(priceFrom, priceTo, spec, name);
            long qty = qty(qtyFrom, qtyTo, spec, name);
            if (bids) {
                m.addBid(price, qty);
            } else {
                m.addAsk(price, qty);
            }
        } while (nextElement());
    }

    private void sessionEvent() {
        stringAt(K_EVENT);
        int from = strFrom;
        int to = strTo;
        KrakenEvent e = KrakenEvent.NONE;
        for (int i = 1; i < EVENT_NAMES.length; i++) {
            if (equal(from, to, EVENT_NAMES[i])) {
                e = EVENTS[i];
                break;
            }
        }
        m.spec = optionalProduct();
        if (e == KrakenEvent.NONE) {
            fail(ScanProblem.UNKNOWN_EVENT, "unknown event '" + text(from, to) + "' (column " + column(from) + ")");
        }
        m.kind = ScannedMessage.Kind.CONTROL;
        event = e;
        switch (e) {
            case INFO -> m.message = "info";
            case SUBSCRIBED -> m.message = "subscribed";
            case UNSUBSCRIBED -> m.message = "unsubscribed";
            default -> failure(e);
        }
    }

    /** error, alert, subscribed_failed: the only frames that make a String, which a person reads. */
    private void failure(KrakenEvent e) {
        StringBuilder sb = new StringBuilder(e.name().toLowerCase(Locale.ROOT));
        if (has(K_FEED)) {
            sb.append(" feed ").append(rawText(K_FEED));
        }
        if (has(K_PRODUCT_ID)) {
            sb.append(" product ").append(rawText(K_PRODUCT_ID));
        } else if (has(K_PRODUCT_IDS)) {
            sb.append(" products ").append(text(valueFrom[K_PRODUCT_IDS], valueTo[K_PRODUCT_IDS]));
        }
        if (has(K_MESSAGE)) {
            String said = rawText(K_MESSAGE);
            sb.append(": ").append(said);
            if (m.spec == null) {
                m.spec = productInText(valueFrom[K_MESSAGE], valueTo[K_MESSAGE]);
            }
        }
        m.message = sb.toString();
    }

    // ---- values ----

    private boolean has(int key) {
        return (mask & (1 << key)) != 0;
    }

    private void requireAll(int required, String what) {
        int missing = required & ~mask;
        if (missing != 0) {
            if (has(K_PRODUCT_ID)) {
                m.spec = optionalProduct();
            }
            fail(ScanProblem.MISSING_FIELD, what + " without \"" + NAMES[Integer.numberOfTrailingZeros(missing)] + "\"");
        }
    }

    private void stringAt(int key) {
        p = valueFrom[key];
        if (peek() != '"') {
            fail(ScanProblem.MALFORMED_JSON, "\"" + NAMES[key] + "\" at column " + column(p) + " must be a string, not "
                    + text(valueFrom[key], valueTo[key]));
        }
        string(NAMES[key]);
    }

    /** A non-negative whole JSON number (seq, timestamp). */
    private long longAt(int key) {
        int from = valueFrom[key];
        int to = valueTo[key];
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
                v = -1;
                break;
            }
            v = v * 10 + d;
        }
        if (v < 0 || from == to) {
            fail(ScanProblem.BAD_NUMBER, "\"" + NAMES[key] + "\" " + text(from, to) + " at column " + column(from)
                    + " is not a non-negative whole number");
        }
        return v;
    }

    private String rawText(int key) {
        int from = valueFrom[key];
        int to = valueTo[key];
        if (to - from >= 2 && b[from] == '"' && b[to - 1] == '"') {
            return text(from + 1, to - 1);
        }
        return text(from, to);
    }

    /** The product of product_id (must be well formed). */
    private InstrumentSpec product() {
        stringAt(K_PRODUCT_ID);
        InstrumentSpec spec = products.resolve(b, strFrom, strTo);
        if (spec == null) {
            fail(ScanProblem.WRONG_SYMBOL, "bad product_id '" + text(strFrom, strTo) + "' at column " + column(strFrom)
                    + " (letters, digits and _ only, at most " + KrakenSymbols.MAX_PRODUCT + ")");
        }
        m.spec = spec;
        return spec;
    }

    /** The product of product_id, or the first of product_ids; null if there is none or it is not well formed. */
    private InstrumentSpec optionalProduct() {
        int from;
        if (has(K_PRODUCT_ID)) {
            from = valueFrom[K_PRODUCT_ID];
        } else if (has(K_PRODUCT_IDS)) {
            from = ws(valueFrom[K_PRODUCT_IDS] + 1);
            if (b[valueFrom[K_PRODUCT_IDS]] != '[') {
                return null;
            }
        } else {
            return null;
        }
        int stop = has(K_PRODUCT_ID) ? valueTo[K_PRODUCT_ID] : valueTo[K_PRODUCT_IDS];
        if (from >= stop || b[from] != '"') {
            return null;
        }
        int i = from + 1;
        while (i < stop && b[i] != '"') {
            i++;
        }
        return i < stop ? products.resolve(b, from + 1, i) : null;
    }

    /** A product named between backquotes, as in Kraken's alert "Couldn't subscribe to invalid product `X`". */
    private InstrumentSpec productInText(int from, int to) {
        int open = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == '`') {
                if (open < 0) {
                    open = i;
                } else {
                    return products.resolve(b, open + 1, i);
                }
            }
        }
        return null;
    }

    private long price(int from, int to, InstrumentSpec spec, String where) {
        long v = decimal(from, to, spec.priceScale(), where, "price");
        if (v <= 0) {
            fail(ScanProblem.BAD_VALUE, where + " " + product(spec) + ": price " + text(from, to) + " at column "
                    + column(from) + " is not positive");
        }
        return v;
    }

    private long qty(int from, int to, InstrumentSpec spec, String where) {
        long v = decimal(from, to, spec.qtyScale(), where, "qty");
        if (v < 0) {
            fail(ScanProblem.BAD_VALUE, where + " " + product(spec) + ": qty " + text(from, to) + " at column "
                    + column(from) + " is negative");
        }
        return v;
    }

    private static String product(InstrumentSpec spec) {
        return spec.id().venueSymbol();
    }

    /** A JSON number at {@code scale}, exactly; see {@link KrakenNumber}. */
    private long decimal(int from, int to, int scale, String where, String what) {
        long v = number.parse(b, from, to, scale);
        if (number.problem != KrakenNumber.OK) {
            fail(ScanProblem.BAD_NUMBER, where + ": " + what + " " + text(from, to) + " at column " + column(from)
                    + switch (number.problem) {
                        case KrakenNumber.INEXACT -> " is not exact at " + scale + " decimals";
                        case KrakenNumber.TOO_LARGE -> " is too large for a long at " + scale + " decimals";
                        default -> " is not a JSON number";
                    });
        }
        return v;
    }

    private boolean equalIgnoreCase(int from, int to, byte[] lowerWord) {
        if (to - from != lowerWord.length) {
            return false;
        }
        for (int i = 0; i < lowerWord.length; i++) {
            int c = b[from + i];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lowerWord[i]) {
                return false;
            }
        }
        return true;
    }

    private static int bits(int... keys) {
        int v = 0;
        for (int k : keys) {
            v |= 1 << k;
        }
        return v;
    }
}
