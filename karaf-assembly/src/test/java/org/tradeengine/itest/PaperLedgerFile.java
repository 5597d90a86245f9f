// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the paper broker's own ledger ({@code data/paper/ledger.log}, one JSON object per line, format in
 * {@code bundles/org.tradeengine.broker.paper/README.md}) independently of the broker's code: the venue's count of
 * orders and fills that the journal's database is compared with.
 */
final class PaperLedgerFile {

    private static final Pattern FIELD = Pattern.compile("\"([A-Za-z]+)\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}]+)");

    /**
     * What the venue saw.
     *
     * @param orderIds client order ids it accepted or rejected, sorted, each once
     * @param fills its fills described by {@link #describeFill}, sorted
     */
    record Counts(List<String> orderIds, List<String> fills) {
    }

    private PaperLedgerFile() {
    }

    static Counts read(Path file) throws IOException {
        TreeSet<String> orders = new TreeSet<>();
        List<String> fills = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String event = field(line, "event", file, n);
            String id = field(line, "clientOrderId", file, n);
            switch (event) {
                case "ACCEPTED", "REJECTED" -> orders.add(id);
                case "FILL" -> fills.add(describeFill(id, field(line, "side", file, n),
                        new BigDecimal(field(line, "qty", file, n)), new BigDecimal(field(line, "price", file, n)),
                        new BigDecimal(field(line, "fee", file, n))));
                case "CANCELLED" -> {
                }
                default -> throw new IllegalStateException(file + " line " + n + ": unknown event " + event);
            }
        }
        fills.sort(null);
        return new Counts(new ArrayList<>(orders), fills);
    }

    /** One fill as text, decimals without trailing zeros (the database and the ledger keep different scales). */
    static String describeFill(String clientOrderId, String side, BigDecimal qty, BigDecimal price, BigDecimal fee) {
        return clientOrderId + " " + side + " " + plain(qty) + " @ " + plain(price) + " fee " + plain(fee);
    }

    private static String plain(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }

    private static String field(String line, String key, Path file, int n) {
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            if (m.group(1).equals(key)) {
                return m.group(3) != null ? m.group(3) : m.group(2).strip();
            }
        }
        throw new IllegalStateException(file + " line " + n + ": no field " + key + ": " + line);
    }
}
