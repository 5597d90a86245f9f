// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.book;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;

/**
 * A read-only view of one instrument's level-2 book, with raw fixed-point prices and quantities at the
 * scales of {@link #spec()}. Level 0 is the best level of each side. A view is only safe to read on the
 * thread that updates the book (the engine's business thread); other threads use {@link BookSnapshot}.
 */
public interface BookView {

    /** @return the instrument */
    InstrumentId instrument();

    /** @return the instrument's scales */
    InstrumentSpec spec();

    /** @return synchronisation state of the book */
    BookState state();

    /** @return the venue update id of the last applied snapshot or update */
    long lastUpdateId();

    /** @return number of bid levels */
    int bidDepth();

    /** @return number of ask levels */
    int askDepth();

    /**
     * @param level 0 = best bid
     * @return raw price of that bid level
     * @throws IndexOutOfBoundsException if {@code level >= bidDepth()}
     */
    long bidPrice(int level);

    /**
     * @param level 0 = best bid
     * @return raw quantity of that bid level
     * @throws IndexOutOfBoundsException if {@code level >= bidDepth()}
     */
    long bidQty(int level);

    /**
     * @param level 0 = best ask
     * @return raw price of that ask level
     * @throws IndexOutOfBoundsException if {@code level >= askDepth()}
     */
    long askPrice(int level);

    /**
     * @param level 0 = best ask
     * @return raw quantity of that ask level
     * @throws IndexOutOfBoundsException if {@code level >= askDepth()}
     */
    long askQty(int level);

    /**
     * Copies the top {@code depth} levels of each side into an immutable snapshot that any thread may read.
     *
     * @param depth number of levels per side (more than available is fine)
     * @return the snapshot
     */
    default BookSnapshot snapshot(int depth) {
        return BookSnapshot.of(this, depth);
    }
}
