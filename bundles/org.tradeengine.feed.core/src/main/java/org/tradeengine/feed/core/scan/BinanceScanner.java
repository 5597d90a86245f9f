// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.scan;

import java.util.function.Function;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;

/**
 * Reads one recorded line {@code <local_ts> <raw JSON>} of a Binance futures or spot stream straight from its
 * bytes: a combined-stream message, a bare depthUpdate or a REST depth snapshot. Prices and quantities go
 * directly to fixed-point longs at the instrument's scales; no String is made per value and nothing is
 * allocated for a good line. Keys may come in any order. Anything wrong gives an ERROR result with a
 * {@link ScanProblem} and a message; no exception leaves {@link #scan} or {@link #scanMessage}.
 *
 */
public final class BinanceScanner extends JsonCursor {

    private static final long NANOS_SINCE = 100_000_000_000_000_000L;   // 1e17 ns = 1973
    private static final long MICROS_SINCE = 100_000_000_000_000L;      // 1e14 µs = 1973

    private static final int K_UNKNOWN = 0;
    private static final int K_TYPE = 1;
    private static final int K_EVENT_TIME = 2;
    private static final int K_TX_TIME = 3;
    private static final int K_SYMBOL = 4;
    private static final int K_FIRST = 5;
    private static final int K_LAST = 6;
    private static final int K_PREV = 7;
    private static final int K_B = 8;
    private static final int K_A = 9;
    private static final int K_LAST_UPDATE_ID = 10;
    private static final int K_BIDS = 11;
    private static final int K_ASKS = 12;
    private static final int K_STREAM = 13;
    private static final int K_DATA = 14;
    private static final int K_ID = 15;
    private static final int K_RESULT = 16;
    private static final int K_ERROR = 17;
    private static final String[] NAMES = {"?", "e", "E", "T", "s", "U", "u", "pu", "b", "a", "lastUpdateId", "bids",
        "asks", "stream", "data", "id", "result", "error"};

    private static final int DEPTH_SPOT = bits(K_TYPE, K_EVENT_TIME, K_SYMBOL, K_FIRST, K_LAST, K_B, K_A);
    private static final int DEPTH_FUTURES = DEPTH_SPOT | bits(K_TX_TIME, K_PREV);
    private static final int SNAPSHOT_SPOT = bits(K_LAST_UPDATE_ID, K_BIDS, K_ASKS);
    private static final int SNAPSHOT_FUTURES = SNAPSHOT_SPOT | bits(K_EVENT_TIME, K_TX_TIME);
    private static final int COMBINED = bits(K_STREAM, K_DATA);

    private static final int CHANNEL_NONE = 0;
    private static final int CHANNEL_DEPTH = 1;
    private static final int CHANNEL_SKIP = 2;
    /** A session stream of a combined connection ({@code !serverShutdown}): its data decides what it is. */
    private static final int CHANNEL_CONTROL = 3;

    private static final byte[] DATA = ascii("data");
    private static final byte[] BIDS = ascii("bids");
    private static final byte[] ASKS = ascii("asks");
    private static final byte[] STREAM = ascii("stream");
    private static final byte[] LAST_UPDATE_ID = ascii("lastUpdateId");
    private static final byte[] DEPTH_UPDATE = ascii("depthUpdate");
    private static final byte[] DEPTH = ascii("depth");
    private static final byte[] SERVER_SHUTDOWN = ascii("serverShutdown");
    private static final byte[] SHUTDOWN_STREAM = ascii("!serverShutdown");
    private static final byte[] RESULT = ascii("result");
    private static final byte[] ERROR = ascii("error");
    private static final byte[][] SKIPPED_STREAMS = {ascii("bookTicker"), ascii("trade"), ascii("aggTrade"),
        ascii("markPrice"), ascii("markPrice@1s"), ascii("markPrice@3s")};
    private static final byte[][] SKIPPED_EVENTS = {ascii("bookTicker"), ascii("trade"), ascii("aggTrade"),
        ascii("markPriceUpdate")};

    private final boolean futures;
    private final SymbolTable symbols;
    private InstrumentSpec snapshotSpec;
    private int mask;
    private int typeFrom;
    private int typeTo;
    private int symbolFrom;
    private int symbolTo;
    private int streamFrom;
    private int streamTo;
    private int streamAt;
    private int channel;
    private int dataFrom;
    private int deferredBids;
    private int deferredAsks;
    private boolean scalarLevels;
    private int idFrom;
    private int idTo;
    private int errorFrom;
    private int errorTo;

    /**
     * Reads prices and quantities at the scales of {@link InstrumentSpecs#lookup}.
     *
     * @param venue {@link Venue#BINANCE_FUTURES}, {@link Venue#BINANCE_SPOT} or {@link Venue#BINANCE_US}: which
     *     fields are required
     */
    public BinanceScanner(Venue venue) {
        this(venue, InstrumentSpecs::lookup);
    }

    /**
     * @param venue {@link Venue#BINANCE_FUTURES}, {@link Venue#BINANCE_SPOT} or {@link Venue#BINANCE_US} (spot
     *     messages): which fields are required and which venue the instruments belong to
     * @param specs the scales of each instrument
     */
    public BinanceScanner(Venue venue, Function<InstrumentId, InstrumentSpec> specs) {
        if (venue != Venue.BINANCE_FUTURES && venue != Venue.BINANCE_SPOT && venue != Venue.BINANCE_US) {
            throw new IllegalArgumentException("not a Binance venue with a depth stream: " + venue);
        }
        this.futures = venue == Venue.BINANCE_FUTURES;
        this.symbols = new SymbolTable(venue, specs);
    }

    /**
     * Scans one line (without its line terminator).
     *
     * @param buf bytes holding the line
     * @param from first byte of the line
     * @param to end of the line (exclusive)
     * @param snapshotSpec the instrument a snapshot on this line belongs to (snapshots carry no symbol), or
     *     null if none is known yet
     * @return the result, reused by the next call
     */
    public ScannedMessage scan(byte[] buf, int from, int to, InstrumentSpec snapshotSpec) {
        this.b = buf;
        this.end = to;
        this.lineStart = from;
        this.snapshotSpec = snapshotSpec;
        m.clear();
        try {
            scanLine(from);
        } catch (Failure f) {
            // message already set
        } catch (RuntimeException e) {
            // a safety net: the grammar checks bounds itself, so this means a bug, but still no crash
            m.kind = ScannedMessage.Kind.ERROR;
            m.problem = ScanProblem.MALFORMED_JSON;
            m.message = "unreadable message (" + e + ")";
        }
        return m;
    }

    /**
     * Scans one message as a live feed receives it: the raw JSON of a WebSocket frame or a REST body, without the
     * timestamp prefix of a recorded line.
     *
     * @param buf bytes holding the message
     * @param from first byte of the message
     * @param to end of the message (exclusive)
     * @param localTimeNanos local receive time, epoch nanoseconds
     * @param snapshotSpec the instrument a snapshot body belongs to (the request's symbol), or null
     * @return the result, reused by the next call; besides the kinds of {@link #scan}, CONTROL for a subscription
     *     answer or a serverShutdown event
     */
    public ScannedMessage scanMessage(byte[] buf, int from, int to, long localTimeNanos, InstrumentSpec snapshotSpec) {
        this.b = buf;
        this.end = to;
        this.lineStart = from;
        this.snapshotSpec = snapshotSpec;
        m.clear();
        m.localTimeNanos = localTimeNanos;
        try {
            int i = ws(from);
            if (i == end) {
                m.kind = ScannedMessage.Kind.BLANK;
                return m;
            }
            p = i;
            resetObjectState();
            topObject();
        } catch (Failure f) {
            // message already set
        } catch (RuntimeException e) {
            m.kind = ScannedMessage.Kind.ERROR;
            m.problem = ScanProblem.MALFORMED_JSON;
            m.message = "unreadable message (" + e + ")";
        }
        return m;
    }

    // ---- line and top-level object ----

    private void scanLine(int from) {
        int i = from;
        while (i < end && isSpace(b[i])) {
            i++;
        }
        if (i == end) {
            m.kind = ScannedMessage.Kind.BLANK;
            return;
        }
        long ts = 0;
        int digits = 0;
        for (; i < end && b[i] >= '0' && b[i] <= '9'; i++, digits++) {
            if (ts > (Long.MAX_VALUE - 9) / 10) {
                fail(ScanProblem.BAD_LINE, "local timestamp does not fit in a long");
            }
            ts = ts * 10 + (b[i] - '0');
        }
        if (digits == 0 || i == end || b[i] != ' ') {
            fail(ScanProblem.BAD_LINE, "expected '<local timestamp> <JSON>'");
        }
        m.localTimeNanos = localNanos(ts);
        p = i;
        resetObjectState();
        topObject();
    }

    private long localNanos(long ts) {
        if (ts >= NANOS_SINCE) {
            return ts;
        }
        if (ts >= MICROS_SINCE) {
            return ts * 1000;
        }
        throw fail(ScanProblem.BAD_LINE, "local timestamp " + ts + " is neither nanoseconds nor microseconds since 1970");
    }

    private void resetObjectState() {
        mask = 0;
        channel = CHANNEL_NONE;
        typeFrom = -1;
        symbolFrom = -1;
        streamFrom = -1;
        dataFrom = -1;
        deferredBids = -1;
        deferredAsks = -1;
        scalarLevels = false;
    }

    private void topObject() {
        expect('{');
        if (peek() == '}') {
            p++;
        } else {
            do {
                int key = key();
                if (key == K_STREAM) {
                    seen(key);
                    stream();
                    if (channel == CHANNEL_SKIP) {
                        m.kind = ScannedMessage.Kind.SKIPPED;
                        return;
                    }
                } else if (key == K_DATA) {
                    seen(key);
                    if (channel == CHANNEL_DEPTH || channel == CHANNEL_CONTROL) {
                        data();
                    } else {
                        dataFrom = skipValue();
                    }
                } else {
                    field(key);
                }
            } while (nextMember());
        }
        if (ws(p) != end) {
            fail(ScanProblem.MALFORMED_JSON, "text after the JSON object at column " + column(ws(p)));
        }
        finish();
    }

    private void finish() {
        if ((mask & COMBINED) != 0) {
            combined();
        } else if (typeFrom >= 0) {
            bareEvent();
        } else if ((mask & bit(K_LAST_UPDATE_ID)) != 0) {
            snapshot();
        } else if ((mask & bit(K_ID)) != 0 && (mask & (bit(K_RESULT) | bit(K_ERROR))) != 0) {
            control((mask & bit(K_ERROR)) != 0 ? "error answer to request " + text(idFrom, idTo) + ": " + text(errorFrom, errorTo)
                    : "answer to request " + text(idFrom, idTo));
        } else {
            fail(ScanProblem.MISSING_FIELD, "neither a stream message (\"stream\"), a depth event (\"e\") nor a snapshot"
                    + " (\"lastUpdateId\")");
        }
    }

    private void combined() {
        if ((mask & bit(K_STREAM)) == 0) {
            fail(ScanProblem.MISSING_FIELD, "combined-stream message without \"stream\"");
        }
        if (channel == CHANNEL_SKIP) {
            m.kind = ScannedMessage.Kind.SKIPPED;
            return;
        }
        if ((mask & bit(K_DATA)) == 0) {
            fail(ScanProblem.MISSING_FIELD, "combined-stream message without \"data\"");
        }
        if ((mask & ~COMBINED) != 0) {
            fail(ScanProblem.MALFORMED_JSON, "combined-stream message has fields outside \"data\"");
        }
        if (dataFrom >= 0) {
            int after = p;
            p = dataFrom;
            data();
            p = after;
        }
    }

    private void data() {
        int topMask = mask;
        mask = 0;
        dataObject();
        mask = topMask;
    }

    private void dataObject() {
        expect('{');
        if (peek() == '}') {
            p++;
        } else {
            do {
                int key = key();
                if (key == K_STREAM || key == K_DATA) {
                    skipValue();
                } else {
                    field(key);
                }
            } while (nextMember());
        }
        if (typeFrom < 0) {
            fail(ScanProblem.MISSING_FIELD, "stream " + text(streamFrom, streamTo) + " message without \"e\"");
        }
        if (equal(typeFrom, typeTo, SERVER_SHUTDOWN)) {
            control("serverShutdown");
            return;
        }
        if (!equal(typeFrom, typeTo, DEPTH_UPDATE)) {
            fail(ScanProblem.UNKNOWN_EVENT, "stream " + text(streamFrom, streamTo) + " carries event type '"
                    + text(typeFrom, typeTo) + "', not depthUpdate");
        }
        depthEvent();
    }

    private void bareEvent() {
        if (equal(typeFrom, typeTo, DEPTH_UPDATE)) {
            depthEvent();
            return;
        }
        if (equal(typeFrom, typeTo, SERVER_SHUTDOWN)) {
            control("serverShutdown");
            return;
        }
        for (byte[] skipped : SKIPPED_EVENTS) {
            if (equal(typeFrom, typeTo, skipped)) {
                m.kind = ScannedMessage.Kind.SKIPPED;
                return;
            }
        }
        fail(ScanProblem.UNKNOWN_EVENT, "unknown event type '" + text(typeFrom, typeTo) + "'");
    }

    private void control(String what) {
        m.kind = ScannedMessage.Kind.CONTROL;
        m.message = what;
    }

    // ---- validation of the two message types ----

    private void depthEvent() {
        requireAll(futures ? DEPTH_FUTURES : DEPTH_SPOT, "depthUpdate");
        if (scalarLevels) {
            fail(ScanProblem.MALFORMED_JSON, "depthUpdate \"b\" and \"a\" must be arrays of [price, qty]");
        }
        if (streamFrom >= 0 && !SymbolTable.sameIgnoreCaseBytes(b, symbolFrom, symbolTo, streamFrom, streamAt)) {
            fail(ScanProblem.WRONG_SYMBOL, "symbol '" + text(symbolFrom, symbolTo) + "' does not match stream '"
                    + text(streamFrom, streamTo) + "'");
        }
        if (m.firstId > m.lastId) {
            fail(ScanProblem.BAD_VALUE, "U " + m.firstId + " is greater than u " + m.lastId);
        }
        parseDeferred();
        m.kind = ScannedMessage.Kind.DEPTH;
    }

    private void snapshot() {
        requireAll(futures ? SNAPSHOT_FUTURES : SNAPSHOT_SPOT, "snapshot");
        m.firstId = m.lastId;
        m.spec = snapshotSpec;
        m.kind = ScannedMessage.Kind.SNAPSHOT;
    }

    private void requireAll(int required, String what) {
        int missing = required & ~mask;
        if (missing != 0) {
            String name = NAMES[Integer.numberOfTrailingZeros(missing)];
            fail(ScanProblem.MISSING_FIELD, what + " without \"" + name + "\"");
        }
    }

    private void parseDeferred() {
        if (deferredBids >= 0 || deferredAsks >= 0) {
            int after = p;
            if (deferredBids >= 0) {
                p = deferredBids;
                levels(true, m.spec, "b");
            }
            if (deferredAsks >= 0) {
                p = deferredAsks;
                levels(false, m.spec, "a");
            }
            p = after;
        }
    }

    // ---- fields ----

    private void field(int key) {
        seen(key);
        switch (key) {
            case K_TYPE -> {
                string("e");
                typeFrom = strFrom;
                typeTo = strTo;
            }
            case K_EVENT_TIME -> m.eventTime = number(NAMES[key]);
            case K_TX_TIME -> m.transactionTime = number(NAMES[key]);
            case K_SYMBOL -> symbol();
            case K_FIRST -> m.firstId = number(NAMES[key]);
            case K_LAST, K_LAST_UPDATE_ID -> m.lastId = number(NAMES[key]);
            case K_PREV -> m.prevId = number(NAMES[key]);
            case K_B, K_A -> eventLevels(key == K_B);
            case K_BIDS, K_ASKS -> snapshotLevels(key == K_BIDS);
            case K_ID -> {
                idFrom = skipValue();
                idTo = p;
            }
            case K_ERROR -> {
                errorFrom = skipValue();
                errorTo = p;
            }
            default -> skipValue();
        }
    }

    private void seen(int key) {
        if (key == K_UNKNOWN) {
            return;
        }
        int bit = bit(key);
        if ((mask & bit) != 0) {
            fail(ScanProblem.MISSING_FIELD, "field \"" + NAMES[key] + "\" appears twice");
        }
        mask |= bit;
    }

    private void symbol() {
        string("s");
        symbolFrom = strFrom;
        symbolTo = strTo;
        InstrumentSpec spec = symbols.resolve(b, strFrom, strTo);
        if (spec == null) {
            fail(ScanProblem.WRONG_SYMBOL, "bad symbol '" + text(strFrom, strTo) + "'");
        }
        m.spec = spec;
    }

    private void stream() {
        string("stream");
        streamFrom = strFrom;
        streamTo = strTo;
        if (equal(streamFrom, streamTo, SHUTDOWN_STREAM)) {
            streamAt = streamTo;
            channel = CHANNEL_CONTROL;
            return;
        }
        int at = streamFrom;
        while (at < streamTo && b[at] != '@') {
            at++;
        }
        streamAt = at;
        if (at == streamFrom || at == streamTo) {
            fail(ScanProblem.UNKNOWN_EVENT, "stream name '" + text(streamFrom, streamTo) + "' is not <symbol>@<channel>");
        }
        channel = channel(at + 1, streamTo);
        if (channel == CHANNEL_NONE) {
            fail(ScanProblem.UNKNOWN_EVENT, "unknown stream '" + text(streamFrom, streamTo) + "'");
        }
    }

    /** {@code depth}, {@code depth@<n>ms}; or one of the skipped streams. Partial-depth streams are unknown. */
    private int channel(int from, int to) {
        if (startsWith(from, to, DEPTH)) {
            int i = from + DEPTH.length;
            if (i == to) {
                return CHANNEL_DEPTH;
            }
            if (b[i] == '@' && to - i > 3 && b[to - 2] == 'm' && b[to - 1] == 's' && allDigits(i + 1, to - 2)) {
                return CHANNEL_DEPTH;
            }
            return CHANNEL_NONE;
        }
        for (byte[] skipped : SKIPPED_STREAMS) {
            if (equal(from, to, skipped)) {
                return CHANNEL_SKIP;
            }
        }
        return CHANNEL_NONE;
    }

    private void eventLevels(boolean bids) {
        if (peek() == '"') {
            // a bookTicker's "b"/"a" are strings; only an error if this turns out to be a depthUpdate
            scalarLevels = true;
            skipValue();
            return;
        }
        InstrumentSpec spec = m.spec;
        if (spec == null && streamFrom >= 0) {
            spec = symbols.resolve(b, streamFrom, streamAt);
        }
        if (spec == null) {
            int start = skipValue();
            if (bids) {
                deferredBids = start;
            } else {
                deferredAsks = start;
            }
            return;
        }
        levels(bids, spec, bids ? "b" : "a");
    }

    private void snapshotLevels(boolean bids) {
        if (snapshotSpec == null) {
            fail(ScanProblem.NO_INSTRUMENT, "snapshot before any depth event: its instrument is unknown");
        }
        levels(bids, snapshotSpec, bids ? "bids" : "asks");
    }

    // ---- keys ----

    private int key() {
        string("key");
        int from = strFrom;
        int len = strTo - from;
        expect(':');
        switch (len) {
            case 1:
                return switch (b[from]) {
                    case 'e' -> K_TYPE;
                    case 'E' -> K_EVENT_TIME;
                    case 'T' -> K_TX_TIME;
                    case 's' -> K_SYMBOL;
                    case 'U' -> K_FIRST;
                    case 'u' -> K_LAST;
                    case 'b' -> K_B;
                    case 'a' -> K_A;
                    default -> K_UNKNOWN;
                };
            case 2:
                return b[from] == 'p' && b[from + 1] == 'u' ? K_PREV
                        : b[from] == 'i' && b[from + 1] == 'd' ? K_ID : K_UNKNOWN;
            case 5:
                return equal(from, from + 5, ERROR) ? K_ERROR : K_UNKNOWN;
            case 4:
                return equal(from, from + 4, DATA) ? K_DATA
                        : equal(from, from + 4, BIDS) ? K_BIDS : equal(from, from + 4, ASKS) ? K_ASKS : K_UNKNOWN;
            case 6:
                return equal(from, from + 6, STREAM) ? K_STREAM : equal(from, from + 6, RESULT) ? K_RESULT : K_UNKNOWN;
            case 12:
                return equal(from, from + 12, LAST_UPDATE_ID) ? K_LAST_UPDATE_ID : K_UNKNOWN;
            default:
                return K_UNKNOWN;
        }
    }

    private static int bit(int key) {
        return 1 << key;
    }

    private static int bits(int... keys) {
        int bits = 0;
        for (int k : keys) {
            bits |= bit(k);
        }
        return bits;
    }

}
