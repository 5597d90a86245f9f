// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent, deliberately simple replay for the tests: regex parsing, BigDecimal TreeMaps, the venue
 * rules written out again. Shares no code with the replay it checks. A line with a price or quantity that is not
 * exact at the instrument's scales is rejected, as any exact consumer must; after a gap the book stays as it was
 * and later events wait for a snapshot.
 */
final class ReferenceReplay {

    private static final Pattern LEVEL = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\"\\]");

    private final boolean futures;
    private final int priceScale;
    private final int qtyScale;
    private final List<String[]> buffer = new ArrayList<>();
    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private boolean live;
    /** {@code file:line malformed} or {@code file:line gap}, in order. */
    final List<String> errors = new ArrayList<>();
    private String position;
    long lastUpdateId;
    long events;
    long gaps;

    ReferenceReplay(boolean futures, int priceScale, int qtyScale) {
        this.futures = futures;
        this.priceScale = priceScale;
        this.qtyScale = qtyScale;
    }

    void line(String position, String line) {
        this.position = position;
        String json = line.substring(line.indexOf(' ') + 1);
        if (!json.startsWith("{\"lastUpdateId\"") && !json.contains("@depth")) {
            return;
        }
        if (!exact(json)) {
            errors.add(position + " malformed");
            return;
        }
        if (json.startsWith("{\"lastUpdateId\"")) {
            snapshot(json);
        } else {
            String[] e;
            try {
                e = new String[] {json, field(json, "U"), field(json, "u"), futures ? field(json, "pu") : null};
            } catch (IllegalStateException missing) {
                errors.add(position + " malformed");
                return;
            }
            if (live) {
                apply(e);
            } else {
                buffer.add(e);
            }
        }
    }

    private void snapshot(String json) {
        if (live) {
            return;
        }
        long id = Long.parseLong(field(json, "lastUpdateId"));
        bids.clear();
        asks.clear();
        levels(between(json, "\"bids\":", "\"asks\":"), bids);
        levels(json.substring(json.indexOf("\"asks\":")), asks);
        lastUpdateId = id;
        boolean bridged = false;
        for (String[] e : buffer) {
            long first = Long.parseLong(e[1]);
            long last = Long.parseLong(e[2]);
            if (!bridged) {
                if (futures ? last < id : last <= id) {
                    continue;
                }
                if (futures ? first <= id && id <= last : first <= id + 1 && id + 1 <= last) {
                    bridged = true;
                    live = true;
                    update(e);
                    continue;
                }
                throw new IllegalStateException("the recordings always bridge");
            }
            apply(e);
        }
        buffer.clear();
    }

    private boolean exact(String json) {
        Matcher m = LEVEL.matcher(json);
        while (m.find()) {
            if (new BigDecimal(m.group(1)).stripTrailingZeros().scale() > priceScale
                    || new BigDecimal(m.group(2)).stripTrailingZeros().scale() > qtyScale) {
                return false;
            }
        }
        return true;
    }

    private void apply(String[] e) {
        long first = Long.parseLong(e[1]);
        boolean continues = futures ? Long.parseLong(e[3]) == lastUpdateId : first == lastUpdateId + 1;
        if (!continues) {
            gaps++;
            errors.add(position + " gap");
            live = false;
            buffer.add(e);
            return;
        }
        update(e);
    }

    private void update(String[] e) {
        levels(between(e[0], "\"b\":", "\"a\":"), bids);
        levels(e[0].substring(e[0].indexOf("\"a\":")), asks);
        lastUpdateId = Long.parseLong(e[2]);
        events++;
    }

    private static void levels(String text, Map<BigDecimal, BigDecimal> side) {
        Matcher m = LEVEL.matcher(text);
        while (m.find()) {
            BigDecimal price = new BigDecimal(m.group(1));
            BigDecimal qty = new BigDecimal(m.group(2));
            if (qty.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, qty);
            }
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name);
        }
        return m.group(1);
    }

    private static String between(String s, String from, String to) {
        int a = s.indexOf(from);
        return s.substring(a, s.indexOf(to, a));
    }

    /** Renders the expected CLI line, with the instrument's scales and no shared code. */
    String json(String instrument, int top) {
        StringBuilder sb = new StringBuilder("{\"instrument\":\"" + instrument + "\",\"lastUpdateId\":" + lastUpdateId
                + ",\"events\":" + events + ",\"gaps\":" + gaps + ",\"bids\":[");
        side(sb, bids, top);
        sb.append("],\"asks\":[");
        side(sb, asks, top);
        return sb.append("]}").toString();
    }

    private void side(StringBuilder sb, TreeMap<BigDecimal, BigDecimal> side, int top) {
        int n = 0;
        for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
            if (n == top) {
                break;
            }
            sb.append(n++ == 0 ? "" : ",").append("[\"").append(e.getKey().setScale(priceScale).toPlainString())
                    .append("\",\"").append(e.getValue().setScale(qtyScale).toPlainString()).append("\"]");
        }
    }
}
