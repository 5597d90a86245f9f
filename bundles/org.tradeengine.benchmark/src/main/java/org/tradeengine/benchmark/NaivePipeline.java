// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.strategy.SignalSink;
import org.tradeengine.api.strategy.Strategy;

/**
 * The naive pipeline the fixed-point one is compared with: Jackson tree per line, {@code new BigDecimal(String)}
 * per value, a {@code TreeMap<BigDecimal, BigDecimal>} per side, BigDecimal top-N sums, and then the SAME strategy
 * and Drools entry rules. The Binance USD-M sync rules are followed as in the real feed. Correct, just slow:
 * it is what a first straightforward implementation looks like.
 */
final class NaivePipeline {

    private final ObjectMapper mapper = new ObjectMapper();
    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private final Deque<JsonNode> buffer = new ArrayDeque<>();
    private final InstrumentSpec spec;
    private final Strategy strategy;
    private final SignalSink sink;
    private final int depth;
    private long lastUpdateId = -1;
    private boolean synced;
    private BigDecimal lastBidVol;
    private BigDecimal lastAskVol;
    private BigDecimal lastBestBid;
    private BigDecimal lastBestAsk;
    long levelUpdates;

    NaivePipeline(InstrumentSpec spec, Strategy strategy, SignalSink sink, int depth) {
        this.spec = spec;
        this.strategy = strategy;
        this.sink = sink;
        this.depth = depth;
    }

    void reset() {
        bids.clear();
        asks.clear();
        buffer.clear();
        synced = false;
        lastUpdateId = -1;
        lastBidVol = null;
        strategy.onBookReset(spec.id());
    }

    /** One recorded line {@code <ts> <json>}. */
    void onLine(String line) {
        JsonNode root;
        try {
            root = mapper.readTree(line.substring(line.indexOf(' ') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root.has("lastUpdateId")) {
            onSnapshot(root);
            return;
        }
        JsonNode data = root.get("data");
        if (data == null || !"depthUpdate".equals(data.path("e").asText())) {
            return;
        }
        if (!synced) {
            buffer.add(data);
            return;
        }
        onDepth(data);
    }

    private void onSnapshot(JsonNode snap) {
        bids.clear();
        asks.clear();
        put(bids, snap.get("bids"));
        put(asks, snap.get("asks"));
        lastUpdateId = snap.get("lastUpdateId").asLong();
        synced = true;
        boolean bridged = false;
        while (!buffer.isEmpty()) {
            JsonNode d = buffer.poll();
            if (d.get("u").asLong() < lastUpdateId) {
                continue;
            }
            if (!bridged && d.get("U").asLong() <= lastUpdateId) {
                bridged = true;
                apply(d);
            } else if (bridged) {
                onDepth(d);
            }
        }
    }

    private void onDepth(JsonNode d) {
        if (d.get("pu").asLong() != lastUpdateId) {
            throw new IllegalStateException("gap at u=" + d.get("u").asLong());
        }
        apply(d);
    }

    private void apply(JsonNode d) {
        put(bids, d.get("b"));
        put(asks, d.get("a"));
        lastUpdateId = d.get("u").asLong();
        features(d.path("E").asLong());
    }

    private void put(TreeMap<BigDecimal, BigDecimal> side, JsonNode levels) {
        for (JsonNode l : levels) {
            BigDecimal price = new BigDecimal(l.get(0).asText());
            BigDecimal qty = new BigDecimal(l.get(1).asText());
            if (qty.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, qty);
            }
            levelUpdates++;
        }
    }

    private void features(long eventTime) {
        BigDecimal bidVol = topVolume(bids);
        BigDecimal askVol = topVolume(asks);
        BigDecimal bestBid = bids.isEmpty() ? BigDecimal.ZERO : bids.firstKey();
        BigDecimal bestAsk = asks.isEmpty() ? BigDecimal.ZERO : asks.firstKey();
        if (bidVol.equals(lastBidVol) && askVol.equals(lastAskVol) && bestBid.equals(lastBestBid) && bestAsk.equals(lastBestAsk)) {
            return;
        }
        lastBidVol = bidVol;
        lastAskVol = askVol;
        lastBestBid = bestBid;
        lastBestAsk = bestAsk;
        BookFeatures f = new BookFeatures(spec.id(), BookState.LIVE, depth, spec.priceScale(), spec.qtyScale(),
                raw(bidVol, spec.qtyScale()), raw(askVol, spec.qtyScale()), raw(bestBid, spec.priceScale()),
                raw(bestAsk, spec.priceScale()), lastUpdateId, eventTime, 0);
        strategy.onFeatures(f, sink);
    }

    private BigDecimal topVolume(TreeMap<BigDecimal, BigDecimal> side) {
        BigDecimal sum = BigDecimal.ZERO;
        Iterator<Map.Entry<BigDecimal, BigDecimal>> it = side.entrySet().iterator();
        for (int i = 0; i < depth && it.hasNext(); i++) {
            sum = sum.add(it.next().getValue());
        }
        return sum;
    }

    private static long raw(BigDecimal v, int scale) {
        return v.setScale(scale).unscaledValue().longValueExact();
    }
}
