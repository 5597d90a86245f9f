// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.book;

/**
 * An exact level-2 book that deltas are applied to. Not thread-safe: one thread owns it.
 *
 * <p>The contract, the same for every implementation:
 * <ul>
 * <li>A {@link BookDelta.Kind#SNAPSHOT} replaces the book, sets its last update id and makes it
 * {@link BookState#LIVE} (or {@link BookState#INVALID} with {@link BookIntegrity#CROSSED} if crossed).</li>
 * <li>An update to a book that is not LIVE is ignored with {@link BookIntegrity#NOT_SYNCED}.</li>
 * <li>An update whose final id is not after the book's is ignored with {@link BookIntegrity#STALE}.</li>
 * <li>An update whose {@code previousUpdateId} is not the book's last update id is rejected with
 * {@link BookIntegrity#SEQUENCE_GAP} and the book becomes INVALID.</li>
 * <li>Otherwise every level entry is applied (absolute quantity; 0 deletes; deleting a missing level is a
 * no-op), the last update id becomes the delta's, and if the best bid is then at or above the best ask the
 * result is {@link BookIntegrity#CROSSED} and the book becomes INVALID.</li>
 * </ul>
 */
public interface OrderBook extends BookView {

    /**
     * Applies a snapshot or an update.
     *
     * @param delta the event (for this book's instrument)
     * @return what happened; never throws for integrity problems
     */
    BookIntegrity apply(BookDelta delta);

    /** Empties the book and returns it to {@link BookState#SYNCING}. */
    void reset();
}
