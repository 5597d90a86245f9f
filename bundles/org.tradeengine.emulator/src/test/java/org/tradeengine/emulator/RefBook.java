// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/** The tests' own book: absolute quantities, zero deletes; independent of the emulator's code. */
final class RefBook {

    final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    long id;

    /** Binance {@code [["price","qty"],…]}. */
    void binanceLevels(JsonNode levels, boolean bid) {
        for (JsonNode l : levels) {
            set(bid, new BigDecimal(l.get(0).asText()), new BigDecimal(l.get(1).asText()));
        }
    }

    /** Kraken {@code [{"price":p,"qty":q},…]}. */
    void krakenLevels(JsonNode levels, boolean bid) {
        for (JsonNode l : levels) {
            set(bid, new BigDecimal(l.get("price").asText()), new BigDecimal(l.get("qty").asText()));
        }
    }

    void set(boolean bid, BigDecimal price, BigDecimal qty) {
        TreeMap<BigDecimal, BigDecimal> side = bid ? bids : asks;
        if (qty.signum() == 0) {
            side.remove(price);
        } else {
            side.put(price, qty);
        }
    }

    /** @return the levels as canonical strings in map order, so 600.0 and 6E+2 compare equal */
    static List<String> canon(Map<BigDecimal, BigDecimal> side) {
        return side.entrySet().stream().map(e -> e.getKey().stripTrailingZeros().toPlainString() + "@"
                + e.getValue().stripTrailingZeros().toPlainString()).toList();
    }

    long digest() {
        return BookDigest.of(bids, asks);
    }
}
