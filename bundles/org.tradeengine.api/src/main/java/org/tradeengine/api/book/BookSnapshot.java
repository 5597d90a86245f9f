// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.book;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentId;

/**
 * An immutable copy of the top levels of a book, safe to share between threads and to render as JSON.
 *
 * @param instrument the instrument
 * @param state the book's state when copied
 * @param lastUpdateId the book's last update id when copied
 * @param bids best bid first
 * @param asks best ask first
 */
public record BookSnapshot(InstrumentId instrument, BookState state, long lastUpdateId, List<Level> bids, List<Level> asks) {

    /**
     * One price level with exact decimal values.
     *
     * @param price the price
     * @param qty the quantity
     */
    public record Level(BigDecimal price, BigDecimal qty) {
    }

    /**
     * Makes the level lists unmodifiable.
     *
     * @param instrument the instrument
     * @param state the state
     * @param lastUpdateId the last update id
     * @param bids best first
     * @param asks best first
     */
    public BookSnapshot {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /**
     * Copies the top {@code depth} levels of each side of a book.
     *
     * @param book the book (read on its owning thread)
     * @param depth levels per side
     * @return the snapshot
     */
    public static BookSnapshot of(BookView book, int depth) {
        int ps = book.spec().priceScale();
        int qs = book.spec().qtyScale();
        List<Level> bids = new ArrayList<>();
        for (int i = 0; i < Math.min(depth, book.bidDepth()); i++) {
            bids.add(new Level(FixedPoint.toBigDecimal(book.bidPrice(i), ps), FixedPoint.toBigDecimal(book.bidQty(i), qs)));
        }
        List<Level> asks = new ArrayList<>();
        for (int i = 0; i < Math.min(depth, book.askDepth()); i++) {
            asks.add(new Level(FixedPoint.toBigDecimal(book.askPrice(i), ps), FixedPoint.toBigDecimal(book.askQty(i), qs)));
        }
        return new BookSnapshot(book.instrument(), book.state(), book.lastUpdateId(), Collections.unmodifiableList(bids),
                Collections.unmodifiableList(asks));
    }

    /**
     * Renders the snapshot as one JSON line:
     * {@code {"instrument":…,"state":…,"lastUpdateId":…,"bids":[["price","qty"],…],"asks":[…]}}
     * with decimal strings, best levels first.
     *
     * @return the JSON text
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder(64 + 40 * (bids.size() + asks.size()));
        sb.append("{\"instrument\":\"").append(instrument).append("\",\"state\":\"").append(state)
                .append("\",\"lastUpdateId\":").append(lastUpdateId).append(",");
        appendLevels(sb, bids, asks);
        return sb.append('}').toString();
    }

    /**
     * Appends {@code "bids":[...],"asks":[...]} to a JSON object under construction.
     *
     * @param sb the builder
     * @param bids bid levels
     * @param asks ask levels
     */
    public static void appendLevels(StringBuilder sb, List<Level> bids, List<Level> asks) {
        sb.append("\"bids\":");
        appendSide(sb, bids);
        sb.append(",\"asks\":");
        appendSide(sb, asks);
    }

    private static void appendSide(StringBuilder sb, List<Level> levels) {
        sb.append('[');
        for (int i = 0; i < levels.size(); i++) {
            Level l = levels.get(i);
            sb.append(i == 0 ? "" : ",").append("[\"").append(l.price().toPlainString()).append("\",\"")
                    .append(l.qty().toPlainString()).append("\"]");
        }
        sb.append(']');
    }
}
