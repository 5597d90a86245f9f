// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tradeengine.recordings.Recordings;

/**
 * The tests' own reading of a recording (independent of the emulator's loaders): the server frames in order, the
 * depth/book frames, and the recorded snapshots.
 */
final class RecordedSession {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Server frames exactly as recorded, in order (Binance: the combined-stream lines). */
    final List<String> frames = new ArrayList<>();
    /** Snapshot body per symbol (Binance REST body, Kraken book_snapshot frame). */
    final Map<String, String> snapshots = new LinkedHashMap<>();

    static RecordedSession hftbacktest(String name) {
        RecordedSession s = new RecordedSession();
        for (String line : lines(name)) {
            String json = line.substring(line.indexOf(' ') + 1);
            if (json.startsWith("{\"lastUpdateId\"")) {
                s.snapshots.put("BTCUSDT", json);
            } else {
                s.frames.add(json);
            }
        }
        return s;
    }

    static RecordedSession cryptofeedBinance(String ws, String http) {
        RecordedSession s = new RecordedSession();
        serverFrames(ws, s.frames);
        for (String line : lines(http)) {
            if (line.contains(" -> ")) {
                String url = line.substring(0, line.indexOf(" -> "));
                String sym = url.substring(url.indexOf("symbol=") + 7, url.indexOf('&', url.indexOf("symbol=")));
                s.snapshots.put(sym, line.substring(line.indexOf(": ", line.indexOf(" -> ")) + 2));
            }
        }
        return s;
    }

    static RecordedSession cryptofeedKraken(String ws) {
        RecordedSession s = new RecordedSession();
        List<String> all = new ArrayList<>();
        serverFrames(ws, all);
        for (String f : all) {
            if (f.startsWith("{\"feed\":\"book_snapshot\"")) {
                s.snapshots.put(json(f).get("product_id").asText(), f);
            } else if (f.startsWith("{\"feed\":")) {
                s.frames.add(f);
            }
        }
        return s;
    }

    private static void serverFrames(String name, List<String> out) {
        for (String line : lines(name)) {
            if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                out.add(line.substring(line.indexOf(": ") + 2));
            }
        }
    }

    /** @return the frames of one Binance stream (full combined text), in order */
    List<String> binanceStream(String stream) {
        String prefix = "{\"stream\":\"" + stream + "\"";
        return frames.stream().filter(f -> f.startsWith(prefix)).toList();
    }

    /** @return the Kraken frames of one feed and product, in order */
    List<String> kraken(String feed, String product) {
        String prefix = "{\"feed\":\"" + feed + "\",\"product_id\":\"" + product + "\"";
        return frames.stream().filter(f -> f.startsWith(prefix)).toList();
    }

    /** @return the body of the REST record line of a cryptofeed {@code *.0} file */
    static String restBody(String name) {
        String line = lines(name).stream().filter(l -> l.startsWith("http")).findFirst().orElseThrow();
        return line.substring(line.indexOf(": ", line.indexOf(" -> ")) + 2);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String name) {
        try (InputStream raw = Recordings.open(name);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replays Binance depth by the venue rule from the recorded snapshot; the independent recompute of the truth. */
    static RefBook replayBinance(RecordedSession s, String symbol, boolean futures) {
        RefBook b = new RefBook();
        JsonNode snap = json(s.snapshots.get(symbol));
        b.binanceLevels(snap.get("bids"), true);
        b.binanceLevels(snap.get("asks"), false);
        b.id = snap.get("lastUpdateId").asLong();
        boolean bridged = false;
        String prefix = "{\"stream\":\"" + symbol.toLowerCase() + "@depth";
        for (String f : s.frames) {
            if (!f.startsWith(prefix)) {
                continue;
            }
            JsonNode d = json(f).get("data");
            long first = d.get("U").asLong();
            long last = d.get("u").asLong();
            if (!bridged) {
                if (futures ? last < b.id : last <= b.id) {
                    continue;
                }
                if (futures ? !(first <= b.id && b.id <= last) : !(first <= b.id + 1 && b.id + 1 <= last)) {
                    throw new AssertionError("recording does not bridge its snapshot for " + symbol);
                }
                bridged = true;
            } else if (futures ? d.get("pu").asLong() != b.id : first != b.id + 1) {
                throw new AssertionError("recording has a gap for " + symbol + " after " + b.id);
            }
            b.binanceLevels(d.get("b"), true);
            b.binanceLevels(d.get("a"), false);
            b.id = last;
        }
        return b;
    }

    /** Replays Kraken book deltas with seq == previous + 1 from the recorded book_snapshot. */
    static RefBook replayKraken(RecordedSession s, String product) {
        RefBook b = new RefBook();
        JsonNode snap = json(s.snapshots.get(product));
        b.krakenLevels(snap.get("bids"), true);
        b.krakenLevels(snap.get("asks"), false);
        b.id = snap.get("seq").asLong();
        for (String f : s.kraken("book", product)) {
            JsonNode d = json(f);
            long seq = d.get("seq").asLong();
            if (seq <= b.id) {
                continue;
            }
            if (seq != b.id + 1) {
                throw new AssertionError("recording has a gap for " + product + " after " + b.id);
            }
            b.set("buy".equals(d.get("side").asText()), d.get("price").decimalValue(), d.get("qty").decimalValue());
            b.id = seq;
        }
        return b;
    }
}
