// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.book;

/**
 * The result of applying a {@link BookDelta} to an {@link OrderBook}. Integrity problems are values, not
 * exceptions: they make the book {@link BookState#INVALID} and the feed re-synchronises.
 */
public enum BookIntegrity {
    /** Applied; the book is consistent. */
    OK,
    /** Ignored: the delta is entirely older than the book (its final id is not after the book's). */
    STALE,
    /** Ignored: the book has no snapshot yet, or is invalid and waits for a new snapshot. */
    NOT_SYNCED,
    /** Rejected: the delta does not continue from the book's last update id. The book is now INVALID. */
    SEQUENCE_GAP,
    /** Applied, but the best bid is at or above the best ask. The book is now INVALID. */
    CROSSED;

    /**
     * Tells whether this result broke the book (a gap or a crossed book).
     *
     * @return true for {@link #SEQUENCE_GAP} and {@link #CROSSED}
     */
    public boolean isBroken() {
        return this == SEQUENCE_GAP || this == CROSSED;
    }
}
