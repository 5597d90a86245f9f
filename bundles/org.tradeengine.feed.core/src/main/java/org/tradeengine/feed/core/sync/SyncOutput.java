// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.sync;

import org.tradeengine.api.book.BookDelta;

/** Where a {@link BookSync} sends what it decided; called on the thread that feeds the state machine. */
public interface SyncOutput {

    /**
     * A delta that may be applied: a SNAPSHOT, then UPDATEs whose previousUpdateId chains on.
     *
     * @param delta the delta
     */
    void emit(BookDelta delta);

    /**
     * The venue rules were broken: books built from earlier deltas must be dropped until the next snapshot.
     *
     * @param message the broken rule with the ids
     */
    void broken(String message);
}
