// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.recording;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects frames and snapshots while a loader reads a recording, and checks the result is usable. */
public final class RecordingBuilder {

    private final String name;
    private final Set<String> symbols = new LinkedHashSet<>();
    private final List<Frame> frames = new ArrayList<>();
    private final Map<String, RecordedSnapshot> snapshots = new LinkedHashMap<>();
    private final Map<String, String> tradeSnapshots = new LinkedHashMap<>();
    private final Map<String, Integer> priceScale = new LinkedHashMap<>();
    private final Map<String, Integer> qtyScale = new LinkedHashMap<>();
    private String exchangeInfo = "{}";

    /** @param name what is loaded, for messages */
    public RecordingBuilder(String name) {
        this.name = name;
    }

    /** @param symbol a symbol in subscription order (duplicates ignored) */
    public void symbol(String symbol) {
        symbols.add(symbol);
    }

    /** @param f next frame of the timeline (frames of symbols without a snapshot are dropped) */
    public void frame(Frame f) {
        frames.add(f);
        if (f.depth() != null) {
            scales(f.symbol(), f.depth().bids());
            scales(f.symbol(), f.depth().asks());
        }
    }

    /** @param s a recorded snapshot; the first one per symbol wins */
    public void snapshot(RecordedSnapshot s) {
        symbols.add(s.symbol());
        snapshots.putIfAbsent(s.symbol(), s);
        scales(s.symbol(), s.bids());
        scales(s.symbol(), s.asks());
    }

    /** @param product Kraken product @param frame its recorded trade_snapshot frame */
    public void tradeSnapshot(String product, String frame) {
        tradeSnapshots.putIfAbsent(product, frame);
    }

    /** @param body recorded exchangeInfo / instruments body */
    public void exchangeInfo(String body) {
        this.exchangeInfo = body;
    }

    private void scales(String symbol, List<Level> levels) {
        for (Level l : levels) {
            priceScale.merge(symbol, Math.max(0, l.price().scale()), Math::max);
            qtyScale.merge(symbol, Math.max(0, l.qty().scale()), Math::max);
        }
    }

    /** @return the recording; every symbol must have a snapshot */
    public Recording build() {
        for (String s : symbols) {
            if (!snapshots.containsKey(s)) {
                throw new IllegalStateException("recording " + name + " has no snapshot for " + s);
            }
        }
        List<Frame> known = frames.stream().filter(f -> symbols.contains(f.symbol())).toList();
        if (known.isEmpty()) {
            throw new IllegalStateException("recording " + name + " has no frames");
        }
        return new Recording(name, List.copyOf(symbols), known, Map.copyOf(snapshots), exchangeInfo,
                Map.copyOf(tradeSnapshots), Map.copyOf(priceScale), Map.copyOf(qtyScale));
    }
}
