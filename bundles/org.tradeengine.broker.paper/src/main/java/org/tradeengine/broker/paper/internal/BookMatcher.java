// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.util.HashMap;
import java.util.Map;

import org.tradeengine.api.book.BookView;
import org.tradeengine.api.broker.OrderEvent.Liquidity;
import org.tradeengine.api.model.Side;

/**
 * The matching rules of the simulated venue, applied to one order against one LIVE book:
 * <ul>
 * <li>taking: walk the opposite side from its best level, one fill per level, up to the limit if there is one;</li>
 * <li>joining: a resting limit order has the level's quantity at its price ahead of it;</li>
 * <li>resting: quantity that leaves the level first reduces the size ahead, then fills us (maker, at our limit); a
 * book whose opposite best price reaches our limit fills what is left at our limit (maker); growth of the level
 * puts nobody ahead of us.</li>
 * </ul>
 * The book does not see our simulated trades, so within one book the quantity we took at a price is remembered and
 * not taken twice by another of our orders; the next book is taken as it is.
 */
final class BookMatcher {

    /** Where fills go: the broker books them (position, fee, event). */
    interface Fills {
        /**
         * @param order the order
         * @return the most the order may fill now (reduce-only caps it at the position)
         */
        long allowed(SimOrder order);

        /**
         * @param order the order
         * @param qtyRaw fill quantity
         * @param priceRaw fill price
         * @param liquidity maker or taker
         * @param note what happened, for the event's detail
         */
        void fill(SimOrder order, long qtyRaw, long priceRaw, Liquidity liquidity, String note);
    }

    private final Fills fills;
    /** Quantity our orders took in the current book, per side (BUY = bids) and raw price. */
    private final Map<Long, Long> takenBids = new HashMap<>();
    private final Map<Long, Long> takenAsks = new HashMap<>();

    BookMatcher(Fills fills) {
        this.fills = fills;
    }

    /** Starts a new book: what was taken from the previous one no longer counts. */
    void newBook() {
        takenBids.clear();
        takenAsks.clear();
    }

    /**
     * Takes liquidity from the opposite side, best level first, one fill per level touched.
     *
     * @param order the order (market: no price limit; limit: levels up to its limit)
     * @param book the LIVE book
     */
    void take(SimOrder order, BookView book) {
        Side opposite = order.side().opposite();
        Map<Long, Long> taken = opposite == Side.BUY ? takenBids : takenAsks;
        int depth = BookLevels.depth(book, opposite);
        for (int level = 0; level < depth && order.leavesRaw() > 0; level++) {
            long price = BookLevels.price(book, opposite, level);
            if (order.isLimit() && (order.isBuy() ? price > order.limitRaw : price < order.limitRaw)) {
                break;
            }
            long already = taken.getOrDefault(price, 0L);
            long available = BookLevels.qty(book, opposite, level) - already;
            long qty = Math.min(Math.min(available, order.leavesRaw()), fills.allowed(order));
            if (qty <= 0) {
                if (fills.allowed(order) <= 0) {
                    break;
                }
                continue;
            }
            taken.put(price, already + qty);
            fills.fill(order, qty, price, Liquidity.TAKER, "took " + (opposite == Side.BUY ? "bid" : "ask") + " level "
                    + level);
        }
    }

    /**
     * Rests a limit order: what is at its price on its own side now is ahead of it.
     *
     * @param order the limit order
     * @param book the LIVE book it joins
     */
    void join(SimOrder order, BookView book) {
        long atPrice = BookLevels.qtyAt(book, order.side(), order.limitRaw);
        order.sizeAhead = atPrice;
        order.lastLevelQty = atPrice;
    }

    /**
     * Moves a resting limit order forward through one more LIVE book.
     *
     * @param order the resting order
     * @param book the book
     */
    void rest(SimOrder order, BookView book) {
        Side opposite = order.side().opposite();
        if (BookLevels.depth(book, opposite) > 0) {
            long best = BookLevels.price(book, opposite, 0);
            if (order.isBuy() ? best <= order.limitRaw : best >= order.limitRaw) {
                long qty = Math.min(order.leavesRaw(), fills.allowed(order));
                if (qty > 0) {
                    fills.fill(order, qty, order.limitRaw, Liquidity.MAKER, "traded through: best "
                            + (order.isBuy() ? "ask" : "bid") + " reached the limit");
                }
                return;
            }
        }
        long atPrice = BookLevels.qtyAt(book, order.side(), order.limitRaw);
        long left = order.lastLevelQty - atPrice;
        order.lastLevelQty = atPrice;
        if (left <= 0) {
            return; // unchanged, or grown: newcomers queue behind us
        }
        long fromAhead = Math.min(left, order.sizeAhead);
        order.sizeAhead -= fromAhead;
        long qty = Math.min(Math.min(left - fromAhead, order.leavesRaw()), fills.allowed(order));
        if (qty > 0) {
            fills.fill(order, qty, order.limitRaw, Liquidity.MAKER, "queue: size left the level with nothing ahead");
        }
    }
}
