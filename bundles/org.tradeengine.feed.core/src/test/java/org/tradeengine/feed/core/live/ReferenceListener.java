// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.live;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.feed.FeedListener;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.emulator.BookDigest;
import org.tradeengine.emulator.VenueEmulator;

/**
 * A listener that rebuilds every instrument's book from what a feed delivers, with plain BigDecimal TreeMaps, and at
 * every delivered delta compares it with the emulator's true book at the same update id (by digest). A feed only
 * delivers deltas of a book it holds LIVE, so a mismatch means a LIVE book was wrong.
 */
public final class ReferenceListener implements FeedListener {

    private final VenueEmulator emulator;
    private final Function<InstrumentId, InstrumentSpec> specs;
    private final Map<InstrumentId, NavigableMap<BigDecimal, BigDecimal>> bids = new HashMap<>();
    private final Map<InstrumentId, NavigableMap<BigDecimal, BigDecimal>> asks = new HashMap<>();
    private final Map<InstrumentId, Long> lastIds = new HashMap<>();
    private final Map<InstrumentId, Integer> deltas = new HashMap<>();
    private final Map<InstrumentId, Integer> snapshots = new HashMap<>();
    private final Map<InstrumentId, Integer> resets = new HashMap<>();
    private final List<String> mismatches = new ArrayList<>();
    private final List<String> resetReasons = new ArrayList<>();
    private long checked;
    private long unchecked;

    /**
     * @param emulator the emulator whose truth is the reference
     * @param specs the feed's scales
     */
    public ReferenceListener(VenueEmulator emulator, Function<InstrumentId, InstrumentSpec> specs) {
        this.emulator = emulator;
        this.specs = specs;
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
            snapshots.merge(id, 1, Integer::sum);
        } else {
            deltas.merge(id, 1, Integer::sum);
        }
        for (int i = 0; i < d.bidCount(); i++) {
            put(b, BigDecimal.valueOf(d.bidPrice(i), spec.priceScale()), BigDecimal.valueOf(d.bidQty(i), spec.qtyScale()));
        }
        for (int i = 0; i < d.askCount(); i++) {
            put(a, BigDecimal.valueOf(d.askPrice(i), spec.priceScale()), BigDecimal.valueOf(d.askQty(i), spec.qtyScale()));
        }
        lastIds.put(id, d.lastUpdateId());
        OptionalLong truth = emulator.truthDigest(id.venueSymbol(), d.lastUpdateId());
        if (truth.isEmpty()) {
            unchecked++;
            return;
        }
        checked++;
        long mine = BookDigest.of(b, a);
        if (mine != truth.getAsLong() && mismatches.size() < 20) {
            mismatches.add(id + " at update id " + d.lastUpdateId() + " (" + d.kind() + "): book differs from the venue's"
                    + " true book; best bid " + first(b) + " best ask " + first(a));
        }
    }

    private static void put(NavigableMap<BigDecimal, BigDecimal> side, BigDecimal price, BigDecimal qty) {
        if (qty.signum() == 0) {
            side.remove(price);
        } else {
            side.put(price, qty);
        }
    }

    private static String first(NavigableMap<BigDecimal, BigDecimal> side) {
        return side.isEmpty() ? "-" : side.firstKey().toPlainString() + "x" + side.firstEntry().getValue().toPlainString();
    }

    @Override
    public synchronized void onReset(InstrumentId instrument, String reason) {
        resets.merge(instrument, 1, Integer::sum);
        resetReasons.add(instrument + ": " + reason);
        NavigableMap<BigDecimal, BigDecimal> b = bids.get(instrument);
        if (b != null) {
            b.clear();
            asks.get(instrument).clear();
        }
    }

    /** @return mismatches found (at most 20 kept) */
    public synchronized List<String> mismatches() {
        return new ArrayList<>(mismatches);
    }

    /** @return deltas compared with the truth */
    public synchronized long checked() {
        return checked;
    }

    /** @return deltas whose id the emulator had no digest for */
    public synchronized long unchecked() {
        return unchecked;
    }

    /**
     * @param id instrument
     * @return updates received
     */
    public synchronized int deltas(InstrumentId id) {
        return deltas.getOrDefault(id, 0);
    }

    /**
     * @param id instrument
     * @return snapshots received
     */
    public synchronized int snapshots(InstrumentId id) {
        return snapshots.getOrDefault(id, 0);
    }

    /**
     * @param id instrument
     * @return resets received
     */
    public synchronized int resets(InstrumentId id) {
        return resets.getOrDefault(id, 0);
    }

    /** @return every reset reason, in order */
    public synchronized List<String> resetReasons() {
        return new ArrayList<>(resetReasons);
    }

    /**
     * @param id instrument
     * @return last update id received, 0 if none
     */
    public synchronized long lastId(InstrumentId id) {
        return lastIds.getOrDefault(id, 0L);
    }
}
