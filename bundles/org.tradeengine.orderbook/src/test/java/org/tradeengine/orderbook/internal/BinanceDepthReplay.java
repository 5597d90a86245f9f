// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookIntegrity;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.recordings.Recordings;

/**
 * Replays bundled Binance recordings into a book the way a feed must (buffer until the REST snapshot, drop old
 * events, bridge, then check the chain), keeping an independent {@code TreeMap<BigDecimal, BigDecimal>} per
 * side built from the JSON strings, and compares the whole book with it after every applied event.
 */
final class BinanceDepthReplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    final boolean futures;
    final OrderBook book;
    final NavigableMap<BigDecimal, BigDecimal> refBids = new TreeMap<>(Collections.reverseOrder());
    final NavigableMap<BigDecimal, BigDecimal> refAsks = new TreeMap<>();
    /** U, u, pu of every depthUpdate in stream order, for the counts the test recomputes. */
    final List<long[]> allEvents = new ArrayList<>();
    final List<String> notOk = new ArrayList<>();
    int lines;
    int snapshots;
    int dropped;
    int bridging;
    int applied;
    int okResults;
    int maxBidDepth;
    int maxAskDepth;
    long snapshotId = -1;
    private final List<JsonNode> buffer = new ArrayList<>();
    private long previousU;
    private String where;
    private long localNanos;

    BinanceDepthReplay(boolean futures, OrderBook book) {
        this.futures = futures;
        this.book = book;
    }

    /** Reads one recording through, continuing the stream of earlier ones. */
    void replay(String recording) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Recordings.open(recording)),
                StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                lines++;
                where = recording + ":" + lineNo;
                int space = line.indexOf(' ');
                localNanos = Long.parseLong(line.substring(0, space));
                onMessage(JSON.readTree(line.substring(space + 1)));
            }
        }
    }

    private void onMessage(JsonNode msg) {
        if (msg.has("lastUpdateId")) {
            onSnapshot(msg);
            return;
        }
        JsonNode data = msg.path("data");
        if (!"depthUpdate".equals(data.path("e").asText())) {
            return;
        }
        allEvents.add(new long[] {data.get("U").asLong(), data.get("u").asLong(), futures ? data.get("pu").asLong() : -1});
        if (snapshotId < 0) {
            buffer.add(data);
        } else {
            onEvent(data);
        }
    }

    private void onSnapshot(JsonNode msg) {
        snapshots++;
        snapshotId = msg.get("lastUpdateId").asLong();
        long[][] b = levels(msg.get("bids"));
        long[][] a = levels(msg.get("asks"));
        BookDelta delta = new BookDelta(book.instrument(), BookDelta.Kind.SNAPSHOT, snapshotId, snapshotId, 0,
                msg.path("E").asLong(0), localNanos, b[0], b[1], b[0].length, a[0], a[1], a[0].length);
        refBids.clear();
        refAsks.clear();
        check(delta, msg);
        for (JsonNode e : buffer) {
            onEvent(e);
        }
        buffer.clear();
    }

    private void onEvent(JsonNode data) {
        long first = data.get("U").asLong();
        long last = data.get("u").asLong();
        long previous;
        if (bridging == 0) {
            if (futures ? last < snapshotId : last <= snapshotId) {
                dropped++;
                return;
            }
            long bridgeId = futures ? snapshotId : snapshotId + 1;
            assertTrue(first <= bridgeId && bridgeId <= last, "bridging event " + first + ".." + last + " does not hold "
                    + bridgeId + " at " + where);
            bridging++;
            previous = snapshotId;
        } else {
            previous = futures ? data.get("pu").asLong() : first - 1;
        }
        long[][] b = levels(data.get("b"));
        long[][] a = levels(data.get("a"));
        check(new BookDelta(book.instrument(), BookDelta.Kind.UPDATE, first, last, previous, data.get("E").asLong(), localNanos,
                b[0], b[1], b[0].length, a[0], a[1], a[0].length), data);
        applied++;
        previousU = last;
    }

    /** Applies a delta to book and reference alike, then compares everything. */
    private void check(BookDelta delta, JsonNode levelsJson) {
        BookIntegrity result = book.apply(delta);
        applyToReference(levelsJson.get(delta.isSnapshot() ? "bids" : "b"), refBids);
        applyToReference(levelsJson.get(delta.isSnapshot() ? "asks" : "a"), refAsks);
        boolean refCrossed = !refBids.isEmpty() && !refAsks.isEmpty() && refBids.firstKey().compareTo(refAsks.firstKey()) >= 0;
        if (result == BookIntegrity.OK) {
            okResults++;
        } else {
            notOk.add(result + " at " + where + " " + delta + " reference crossed=" + refCrossed);
        }
        assertEquals(refCrossed ? BookIntegrity.CROSSED : BookIntegrity.OK, result, where + " " + delta);
        assertEquals(delta.lastUpdateId(), book.lastUpdateId(), "lastUpdateId at " + where);
        assertSide(refBids, book.bidDepth(), true);
        assertSide(refAsks, book.askDepth(), false);
        maxBidDepth = Math.max(maxBidDepth, book.bidDepth());
        maxAskDepth = Math.max(maxAskDepth, book.askDepth());
    }

    private static void applyToReference(JsonNode pairs, NavigableMap<BigDecimal, BigDecimal> side) {
        for (JsonNode pair : pairs) {
            BigDecimal price = new BigDecimal(pair.get(0).asText());
            BigDecimal qty = new BigDecimal(pair.get(1).asText());
            if (qty.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, qty);
            }
        }
    }

    private void assertSide(NavigableMap<BigDecimal, BigDecimal> ref, int depth, boolean bids) {
        assertEquals(ref.size(), depth, (bids ? "bid" : "ask") + " depth at " + where);
        InstrumentSpec spec = book.spec();
        Iterator<Map.Entry<BigDecimal, BigDecimal>> it = ref.entrySet().iterator();
        for (int i = 0; i < depth; i++) {
            Map.Entry<BigDecimal, BigDecimal> e = it.next();
            BigDecimal price = FixedPoint.toBigDecimal(bids ? book.bidPrice(i) : book.askPrice(i), spec.priceScale());
            BigDecimal qty = FixedPoint.toBigDecimal(bids ? book.bidQty(i) : book.askQty(i), spec.qtyScale());
            if (price.compareTo(e.getKey()) != 0 || qty.compareTo(e.getValue()) != 0) {
                fail((bids ? "bid" : "ask") + " level " + i + " at " + where + ": book " + price + "@" + qty
                        + ", reference " + e.getKey() + "@" + e.getValue());
            }
        }
    }

    private long[][] levels(JsonNode pairs) {
        InstrumentSpec spec = book.spec();
        long[][] out = new long[2][pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            out[0][i] = FixedPoint.parse(pairs.get(i).get(0).asText(), spec.priceScale());
            out[1][i] = FixedPoint.parse(pairs.get(i).get(1).asText(), spec.qtyScale());
        }
        return out;
    }

    /** @return the u of the last event applied */
    long previousU() {
        return previousU;
    }
}
