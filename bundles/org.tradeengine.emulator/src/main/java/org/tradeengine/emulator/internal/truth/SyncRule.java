// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.truth;

import org.tradeengine.emulator.internal.recording.DepthEvent;

/** The venues' documented rules for applying a delta to a book built from a snapshot. */
public enum SyncRule {
    /** Binance USD-M: drop {@code u < id}; first applied {@code U <= id <= u}; then {@code pu == previous u}. */
    BINANCE_FUTURES {
        @Override
        Decision check(boolean bridged, long bookId, DepthEvent e) {
            if (!bridged) {
                if (e.last() < bookId) {
                    return Decision.STALE;
                }
                return e.first() <= bookId ? Decision.APPLY : Decision.BROKEN;
            }
            return e.prev() == bookId ? Decision.APPLY : Decision.BROKEN;
        }
    },
    /** Binance spot / Binance.US: drop {@code u <= id}; first {@code U <= id+1 <= u}; then {@code U == previous u + 1}. */
    BINANCE_SPOT {
        @Override
        Decision check(boolean bridged, long bookId, DepthEvent e) {
            if (e.last() <= bookId && !bridged) {
                return Decision.STALE;
            }
            if (!bridged) {
                return e.first() <= bookId + 1 ? Decision.APPLY : Decision.BROKEN;
            }
            return e.first() == bookId + 1 ? Decision.APPLY : Decision.BROKEN;
        }
    },
    /** Kraken Futures v1: drop {@code seq <= snapshot seq}; then {@code seq == previous seq + 1}. */
    KRAKEN {
        @Override
        Decision check(boolean bridged, long bookId, DepthEvent e) {
            if (e.last() <= bookId && !bridged) {
                return Decision.STALE;
            }
            return e.first() == bookId + 1 ? Decision.APPLY : Decision.BROKEN;
        }
    };

    /** What to do with a delta. */
    public enum Decision {
        /** Older than the snapshot: not part of the truth. */
        STALE,
        /** Continues the book. */
        APPLY,
        /** Breaks the rule (a defect of the recording): applied anyway and counted. */
        BROKEN
    }

    abstract Decision check(boolean bridged, long bookId, DepthEvent e);
}
