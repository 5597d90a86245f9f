// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * An independent, deliberately plain replay of a Binance USD-M futures recording: its own minimal parsing, a
 * TreeMap of BigDecimal per side and the documented futures sync rule (buffer until the REST snapshot, drop
 * {@code u < lastUpdateId}, first event must satisfy {@code U <= lastUpdateId <= u}, then {@code pu == previous u}).
 * Shares no code with the feed or the order book, so it can check them.
 */
final class ReferenceBook {

    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private final List<Depth> buffered = new ArrayList<>();
    private long lastUpdateId = -1;
    private boolean bridged;
    private long events;

    /** One depthUpdate: U, u, pu and its levels. */
    private record Depth(long first, long last, long previous, List<String[]> bids, List<String[]> asks) {
    }

    /**
     * Replays a whole recording.
     *
     * @param recording gzip file of {@code <local_ts> <json>} lines
     * @return the book after the last event
     * @throws IOException if the file cannot be read
     */
    static ReferenceBook replayFutures(Path recording) throws IOException {
        ReferenceBook book = new ReferenceBook();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(recording), 1 << 16), StandardCharsets.US_ASCII))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                book.onLine(line, recording.getFileName() + ":" + n);
            }
        }
        if (book.lastUpdateId < 0) {
            throw new AssertionError(recording + " holds no REST snapshot");
        }
        return book;
    }

    private void onLine(String line, String where) {
        if (line.contains("{\"lastUpdateId\":")) {
            onSnapshot(line, where);
        } else if (line.contains("\"e\":\"depthUpdate\"")) {
            Depth d = new Depth(longField(line, "\"U\":"), longField(line, "\"u\":"), longField(line, "\"pu\":"),
                    levels(line, "\"b\":["), levels(line, "\"a\":["));
            if (lastUpdateId < 0) {
                buffered.add(d);
            } else {
                offer(d, where);
            }
        }
    }

    private void onSnapshot(String line, String where) {
        bids.clear();
        asks.clear();
        put(bids, levels(line, "\"bids\":["));
        put(asks, levels(line, "\"asks\":["));
        lastUpdateId = longField(line, "\"lastUpdateId\":");
        bridged = false;
        for (Depth d : buffered) {
            offer(d, where + " (buffered)");
        }
        buffered.clear();
    }

    private void offer(Depth d, String where) {
        if (!bridged) {
            if (d.last < lastUpdateId) {
                return; // older than the snapshot
            }
            if (d.first > lastUpdateId) {
                throw new AssertionError(where + ": no event bridges snapshot " + lastUpdateId + " (next U=" + d.first + ")");
            }
            bridged = true;
        } else if (d.previous != lastUpdateId) {
            throw new AssertionError(where + ": pu " + d.previous + " != previous u " + lastUpdateId);
        }
        put(bids, d.bids);
        put(asks, d.asks);
        lastUpdateId = d.last;
        events++;
    }

    private static void put(Map<BigDecimal, BigDecimal> side, List<String[]> levels) {
        for (String[] l : levels) {
            BigDecimal price = new BigDecimal(l[0]);
            BigDecimal qty = new BigDecimal(l[1]);
            if (qty.signum() == 0) {
                side.remove(price); // deleting a level we do not have is normal
            } else {
                side.put(price, qty);
            }
        }
    }

    /** Reads {@code [["p","q"],...]} starting right after {@code key}. */
    private static List<String[]> levels(String line, String key) {
        int i = line.indexOf(key);
        if (i < 0) {
            throw new AssertionError("no " + key + " in " + line.substring(0, Math.min(120, line.length())));
        }
        List<String[]> out = new ArrayList<>();
        i += key.length();
        while (line.charAt(i) == '[') {
            int p0 = line.indexOf('"', i) + 1;
            int p1 = line.indexOf('"', p0);
            int q0 = line.indexOf('"', p1 + 1) + 1;
            int q1 = line.indexOf('"', q0);
            out.add(new String[] {line.substring(p0, p1), line.substring(q0, q1)});
            i = line.indexOf(']', q1) + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return out;
    }

    private static long longField(String line, String key) {
        int i = line.indexOf(key);
        if (i < 0) {
            throw new AssertionError("no " + key + " in " + line.substring(0, Math.min(120, line.length())));
        }
        int from = i + key.length();
        int to = from;
        while (to < line.length() && Character.isDigit(line.charAt(to))) {
            to++;
        }
        return Long.parseLong(line.substring(from, to));
    }

    long lastUpdateId() {
        return lastUpdateId;
    }

    /** @return depth events applied after the snapshot (including the bridging one) */
    long events() {
        return events;
    }

    /** @return the best {@code depth} bids as "price x qty" in plain decimals, best first */
    List<String> topBids(int depth) {
        return top(bids, depth);
    }

    /** @return the best {@code depth} asks as "price x qty" in plain decimals, best first */
    List<String> topAsks(int depth) {
        return top(asks, depth);
    }

    private static List<String> top(NavigableMap<BigDecimal, BigDecimal> side, int depth) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
            if (out.size() == depth) {
                break;
            }
            out.add(level(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The canonical text of a level, so books built at different scales compare equal. */
    static String level(BigDecimal price, BigDecimal qty) {
        return price.stripTrailingZeros().toPlainString() + " x " + qty.stripTrailingZeros().toPlainString();
    }
}
