// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.live;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookView;

/** Turns a book into a SNAPSHOT delta, for a listener that joins after the stream's own snapshot went by. */
public final class BookSnapshots {

    private BookSnapshots() {
    }

    /**
     * @param book a LIVE book, read on its owning thread
     * @param localTimeNanos local time to stamp on the snapshot
     * @return a SNAPSHOT with every level of the book and its last update id
     */
    public static BookDelta of(BookView book, long localTimeNanos) {
        int bids = book.bidDepth();
        int asks = book.askDepth();
        long[] bidPrices = new long[bids];
        long[] bidQtys = new long[bids];
        for (int i = 0; i < bids; i++) {
            bidPrices[i] = book.bidPrice(i);
            bidQtys[i] = book.bidQty(i);
        }
        long[] askPrices = new long[asks];
        long[] askQtys = new long[asks];
        for (int i = 0; i < asks; i++) {
            askPrices[i] = book.askPrice(i);
            askQtys[i] = book.askQty(i);
        }
        long id = book.lastUpdateId();
        return new BookDelta(book.instrument(), BookDelta.Kind.SNAPSHOT, id, id, id, 0, localTimeNanos, bidPrices, bidQtys,
                bids, askPrices, askQtys, asks);
    }
}
