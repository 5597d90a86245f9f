// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import org.tradeengine.api.book.BookView;
import org.tradeengine.api.model.Side;

/** Reads one side of a {@link BookView}: bids best (highest) first, asks best (lowest) first. */
final class BookLevels {

    private BookLevels() {
    }

    static int depth(BookView book, Side side) {
        return side == Side.BUY ? book.bidDepth() : book.askDepth();
    }

    static long price(BookView book, Side side, int level) {
        return side == Side.BUY ? book.bidPrice(level) : book.askPrice(level);
    }

    static long qty(BookView book, Side side, int level) {
        return side == Side.BUY ? book.bidQty(level) : book.askQty(level);
    }

    /**
     * Finds the quantity at one price by binary search over the sorted side.
     *
     * @param book the book
     * @param side BUY for the bid side, SELL for the ask side
     * @param price raw price
     * @return the level's raw quantity, 0 if there is no such level
     */
    static long qtyAt(BookView book, Side side, long price) {
        int lo = 0;
        int hi = depth(book, side) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long p = price(book, side, mid);
            if (p == price) {
                return qty(book, side, mid);
            }
            // bids descend, asks ascend: "p is better than price" means the level lies before ours
            boolean before = side == Side.BUY ? p > price : p < price;
            if (before) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return 0;
    }
}
