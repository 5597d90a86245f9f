// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.kraken;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Independent reference books of a Kraken Futures stream for tests: frames read with regular expressions into
 * {@code TreeMap<BigDecimal, BigDecimal>} per product and side (a snapshot replaces the book, a delta sets one level,
 * quantity 0 deletes). Shares no code with the scanner.
 */
public final class ReferenceBooks {

    private static final Pattern LEVEL = Pattern.compile("\\{\"price\":([^,}]+),\"qty\":([^,}]+)\\}");

    /** One product's reference book. */
    public static final class Book {
        /** Bids, best (highest) first. */
        public final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        /** Asks, best (lowest) first. */
        public final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        /** seq of the last snapshot or delta applied. */
        public long seq;
        /** Deltas applied. */
        public int deltas;
    }

    private final Map<String, Book> books = new LinkedHashMap<>();

    /**
     * Applies one frame if it is a book snapshot or delta.
     *
     * @param frame the frame text
     */
    public void apply(String frame) {
        String feed = field(frame, "feed");
        if (frame.contains("\"event\"") || feed == null) {
            return;
        }
        if (feed.equals("book_snapshot")) {
            Book b = new Book();
            b.seq = Long.parseLong(field(frame, "seq"));
            int bids = frame.indexOf("\"bids\":");
            int asks = frame.indexOf("\"asks\":");
            levels(frame.substring(bids, asks), b.bids);
            levels(frame.substring(asks), b.asks);
            books.put(field(frame, "product_id"), b);
        } else if (feed.equals("book")) {
            Book b = books.get(field(frame, "product_id"));
            if (b == null) {
                return;
            }
            NavigableMap<BigDecimal, BigDecimal> side = field(frame, "side").equals("buy") ? b.bids : b.asks;
            set(side, new BigDecimal(field(frame, "price")), new BigDecimal(field(frame, "qty")));
            b.seq = Long.parseLong(field(frame, "seq"));
            b.deltas++;
        }
    }

    /** @return the books by upper-case product id, in order of their first snapshot */
    public Map<String, Book> books() {
        return books;
    }

    /**
     * @param product product id as the venue spells it
     * @return its book, or null
     */
    public Book book(String product) {
        return books.get(product);
    }

    private static void levels(String json, NavigableMap<BigDecimal, BigDecimal> side) {
        Matcher m = LEVEL.matcher(json);
        while (m.find()) {
            set(side, new BigDecimal(m.group(1)), new BigDecimal(m.group(2)));
        }
    }

    private static void set(NavigableMap<BigDecimal, BigDecimal> side, BigDecimal price, BigDecimal qty) {
        if (qty.signum() == 0) {
            side.remove(price);
        } else {
            side.put(price, qty);
        }
    }

    /**
     * @param frame a flat JSON object
     * @param key a top-level key
     * @return its value (a string without quotes, or a number's text), null if absent
     */
    public static String field(String frame, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\"([^\"]*)\"|[^,}\\]]+)").matcher(frame);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }
}
