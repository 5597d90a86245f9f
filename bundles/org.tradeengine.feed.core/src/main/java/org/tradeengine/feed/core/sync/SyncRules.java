// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.sync;

import org.tradeengine.api.book.BookDelta;

/**
 * The ways a venue ties a diff stream to a REST snapshot (docs: SYNC_RULES §1 futures, §2 spot). Only
 * the drop and bridge rules differ; continuity is the same once each update carries the id it continues from
 * ({@code pu} on futures, {@code U - 1} on spot), which the scanner sets.
 */
public enum SyncRules {

    /** Binance USD-M futures: drop {@code u < lastUpdateId}; bridge {@code U <= lastUpdateId <= u}; {@code pu == previous u}. */
    FUTURES("U <= lastUpdateId <= u") {
        @Override
        public boolean isStale(long u, long snapshotId) {
            return u < snapshotId;
        }

        @Override
        public boolean bridges(long firstId, long lastId, long snapshotId) {
            return firstId <= snapshotId && snapshotId <= lastId;
        }

        @Override
        public long previousId(long firstId, long pu) {
            return pu;
        }

        @Override
        String continuityBroken(BookDelta d, long previousU) {
            return "pu == previous u broken: pu=" + d.previousUpdateId() + ", previous u=" + previousU;
        }
    },

    /** Binance spot: drop {@code u <= lastUpdateId}; bridge {@code U <= lastUpdateId + 1 <= u}; {@code U == previous u + 1}. */
    SPOT("U <= lastUpdateId + 1 <= u") {
        @Override
        public boolean isStale(long u, long snapshotId) {
            return u <= snapshotId;
        }

        @Override
        public boolean bridges(long firstId, long lastId, long snapshotId) {
            return firstId <= snapshotId + 1 && snapshotId + 1 <= lastId;
        }

        @Override
        public long previousId(long firstId, long pu) {
            return firstId - 1;
        }

        @Override
        String continuityBroken(BookDelta d, long previousU) {
            return "U == previous u + 1 broken: U=" + d.firstUpdateId() + ", previous u=" + previousU;
        }
    },

    /**
     * Kraken Futures v1 book feed: every delta carries one {@code seq} (U = u = seq); the {@code book_snapshot}'s
     * seq plays lastUpdateId. Drop {@code seq <= snapshot seq}; the first delta must be {@code snapshot seq + 1};
     * then {@code seq == previous seq + 1}.
     */
    KRAKEN("seq == snapshot seq + 1") {
        @Override
        public boolean snapshotInStream() {
            return true;
        }

        @Override
        public boolean isStale(long u, long snapshotId) {
            return u <= snapshotId;
        }

        @Override
        public boolean bridges(long firstId, long lastId, long snapshotId) {
            return firstId <= snapshotId + 1 && snapshotId + 1 <= lastId;
        }

        @Override
        public long previousId(long firstId, long pu) {
            return firstId - 1;
        }

        @Override
        String continuityBroken(BookDelta d, long previousU) {
            return "seq == previous seq + 1 broken: seq=" + d.firstUpdateId() + ", previous seq=" + previousU;
        }
    };

    private final String bridgeRule;

    SyncRules(String bridgeRule) {
        this.bridgeRule = bridgeRule;
    }

    /**
     * Tells whether snapshots come in the stream itself, in order (Kraken's {@code book_snapshot} after a subscribe):
     * then a snapshot alone is a full sync, everything buffered before it is older, and the book is LIVE at once.
     * REST snapshots (Binance) race the stream and must be bridged.
     *
     * @return true for in-stream snapshots
     */
    public boolean snapshotInStream() {
        return false;
    }

    /**
     * @param u final update id of a buffered event
     * @param snapshotId the snapshot's lastUpdateId
     * @return true if the event is already contained in the snapshot and must be dropped
     */
    public abstract boolean isStale(long u, long snapshotId);

    /**
     * @param firstId U of the first event after the stale ones
     * @param lastId u of that event
     * @param snapshotId the snapshot's lastUpdateId
     * @return true if the event may be applied first on top of the snapshot
     */
    public abstract boolean bridges(long firstId, long lastId, long snapshotId);

    /**
     * @param firstId U of an event
     * @param pu pu of the event (ignored on spot)
     * @return the update id the event continues from
     */
    public abstract long previousId(long firstId, long pu);

    abstract String continuityBroken(BookDelta d, long previousU);

    String bridgeBroken(BookDelta snapshot, BookDelta event) {
        return "snapshot bridge " + bridgeRule + " broken: lastUpdateId=" + snapshot.lastUpdateId()
                + ", first event to apply U=" + event.firstUpdateId() + " u=" + event.lastUpdateId()
                + " (the snapshot is older than the event stream; waiting for a newer snapshot)";
    }

    String gap(BookDelta d, long previousU) {
        return "sequence gap: " + continuityBroken(d, previousU) + " (event U=" + d.firstUpdateId() + " u="
                + d.lastUpdateId() + ": updates are missing)";
    }
}
