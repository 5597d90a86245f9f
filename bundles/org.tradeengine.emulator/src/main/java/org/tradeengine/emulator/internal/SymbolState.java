// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal;

import org.tradeengine.emulator.internal.recording.RecordedSnapshot;
import org.tradeengine.emulator.internal.truth.SyncRule;
import org.tradeengine.emulator.internal.truth.TruthBook;

/** Timeline state of one symbol; guarded by the engine's lock. */
public final class SymbolState {

    private final String symbol;
    private final RecordedSnapshot recorded;
    private final SyncRule rule;
    private final int historyCapacity;
    private final int priceScale;
    private final int qtyScale;
    private TruthBook truth;
    private long lastSentId;
    private long eventsReplayed;
    private long framesDelivered;
    private String held;

    SymbolState(RecordedSnapshot recorded, SyncRule rule, int historyCapacity, int priceScale, int qtyScale) {
        this.symbol = recorded.symbol();
        this.recorded = recorded;
        this.rule = rule;
        this.historyCapacity = historyCapacity;
        this.priceScale = priceScale;
        this.qtyScale = qtyScale;
        reset();
    }

    /** Fresh truth from the recorded snapshot, nothing sent yet. */
    void reset() {
        truth = new TruthBook(rule, recorded, historyCapacity);
        lastSentId = -1;
        held = null;
    }

    /** @return whether a snapshot now must be the recorded one (the timeline has not passed its id) */
    public boolean recordedSnapshotValid() {
        return lastSentId <= recorded.id();
    }

    /** @return the symbol */
    public String symbol() {
        return symbol;
    }

    /** @return the recorded snapshot */
    public RecordedSnapshot recorded() {
        return recorded;
    }

    /** @return the true book */
    public TruthBook truth() {
        return truth;
    }

    /** @return id of the last depth event the timeline emitted, -1 before the first */
    public long lastSentId() {
        return lastSentId;
    }

    void lastSentId(long id) {
        lastSentId = id;
        eventsReplayed++;
    }

    /** @return depth events processed for this symbol */
    public long eventsReplayed() {
        return eventsReplayed;
    }

    /** @return frames of this symbol delivered to sessions */
    public long framesDelivered() {
        return framesDelivered;
    }

    void delivered(int n) {
        framesDelivered += n;
    }

    /** @return largest recorded price decimals */
    public int priceScale() {
        return priceScale;
    }

    /** @return largest recorded quantity decimals */
    public int qtyScale() {
        return qtyScale;
    }

    String held() {
        return held;
    }

    void held(String payload) {
        held = payload;
    }
}
