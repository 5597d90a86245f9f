// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.kraken.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.feed.FeedListener;
import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.emulator.BookDigest;
import org.tradeengine.emulator.VenueEmulator;

/**
 * Rebuilds every product's book from what the feed delivers, in BigDecimal TreeMaps (a SNAPSHOT or an onReset clears
 * it), and at every delivered delta compares the whole book with the emulator's true book at the same seq, by
 * {@link BookDigest}. The feed only delivers deltas of books it holds in sync, so a mismatch is a wrong book.
 */
final class TruthListener implements FeedListener {

    private final VenueEmulator emulator;
    private final java.util.function.Function<InstrumentId, InstrumentSpec> specs;
    private final Predicate<InstrumentId> reportedLive;
    private final Map<InstrumentId, NavigableMap<BigDecimal, BigDecimal>> bids = new HashMap<>();
    private final Map<InstrumentId, NavigableMap<BigDecimal, BigDecimal>> asks = new HashMap<>();
    private final Map<InstrumentId, Integer> resets = new HashMap<>();
    private final Map<InstrumentId, Integer> deltasSinceReset = new HashMap<>();
    private final Map<InstrumentId, Integer> deltas = new HashMap<>();
    private final List<String> mismatches = new ArrayList<>();
    private final List<String> resetReasons = new ArrayList<>();
    private long checked;
    private long checkedWhileLive;
    private long unchecked;

    /**
     * @param emulator the venue whose truth is the reference
     * @param specs the feed's scales
     * @param reportedLive whether the feed reports an instrument LIVE right now
     */
    TruthListener(VenueEmulator emulator, java.util.function.Function<InstrumentId, InstrumentSpec> specs,
            Predicate<InstrumentId> reportedLive) {
        this.emulator = emulator;
        this.specs = specs;
        this.reportedLive = reportedLive;
    }

    @Override
    public synchronized void onDelta(BookDelta d) {
        InstrumentId id = d.instrument();
        InstrumentSpec spec = specs.apply(id);
        NavigableMap<BigDecimal, BigDecimal> b = bids.computeIfAbsent(id, k -> new TreeMap<>(Collections.reverseOrder()));
        NavigableMap<BigDecimal, BigDecimal> a = asks.computeIfAbsent(id, k -> new TreeMap<>());
        if (d.isSnapshot()) {
            b.clear();
            a.clear();
        } else {
            deltas.merge(id, 1, Integer::sum);
            deltasSinceReset.merge(id, 1, Integer::sum);
        }
        for (int i = 0; i < d.bidCount(); i++) {
            put(b, FixedPoint.toBigDecimal(d.bidPrice(i), spec.priceScale()), FixedPoint.toBigDecimal(d.bidQty(i), spec.qtyScale()));
        }
        for (int i = 0; i < d.askCount(); i++) {
            put(a, FixedPoint.toBigDecimal(d.askPrice(i), spec.priceScale()), FixedPoint.toBigDecimal(d.askQty(i), spec.qtyScale()));
        }
        OptionalLong truth = emulator.truthDigest(id.venueSymbol(), d.lastUpdateId());
        if (truth.isEmpty()) {
            unchecked++;
            return;
        }
        checked++;
        if (!d.isSnapshot() && reportedLive.test(id)) {
            checkedWhileLive++;
        }
        if (BookDigest.of(b, a) != truth.getAsLong() && mismatches.size() < 20) {
            mismatches.add(id + " at seq " + d.lastUpdateId() + " (" + d.kind() + "): book differs from the venue's true book;"
                    + " best bid " + best(b) + ", best ask " + best(a));
        }
    }

    private static void put(NavigableMap<BigDecimal, BigDecimal> side, BigDecimal price, BigDecimal qty) {
        if (qty.signum() == 0) {
            side.remove(price);
        } else {
            side.put(price, qty);
        }
    }

    private static String best(NavigableMap<BigDecimal, BigDecimal> side) {
        return side.isEmpty() ? "-" : side.firstKey().toPlainString() + " x " + side.firstEntry().getValue().toPlainString();
    }

    @Override
    public synchronized void onReset(InstrumentId instrument, String reason) {
        resets.merge(instrument, 1, Integer::sum);
        deltasSinceReset.put(instrument, 0);
        resetReasons.add(instrument + ": " + reason);
        if (bids.containsKey(instrument)) {
            bids.get(instrument).clear();
            asks.get(instrument).clear();
        }
    }

    synchronized List<String> mismatches() {
        return new ArrayList<>(mismatches);
    }

    synchronized long checked() {
        return checked;
    }

    synchronized long checkedWhileLive() {
        return checkedWhileLive;
    }

    synchronized long unchecked() {
        return unchecked;
    }

    synchronized int resets(InstrumentId id) {
        return resets.getOrDefault(id, 0);
    }

    synchronized int deltas(InstrumentId id) {
        return deltas.getOrDefault(id, 0);
    }

    synchronized int deltasSinceReset(InstrumentId id) {
        return deltasSinceReset.getOrDefault(id, 0);
    }

    synchronized List<String> resetReasons() {
        return new ArrayList<>(resetReasons);
    }
}
