// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.binance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tradeengine.emulator.internal.recording.DepthEvent;
import org.tradeengine.emulator.internal.recording.Frame;
import org.tradeengine.emulator.internal.recording.Level;
import org.tradeengine.emulator.internal.recording.RecordedSnapshot;
import org.tradeengine.emulator.internal.recording.Recording;
import org.tradeengine.emulator.internal.recording.RecordingBuilder;
import org.tradeengine.emulator.internal.recording.RecordingLines;

/** Parses the Binance recordings: hftbacktest {@code <ns> <json>} files and cryptofeed sessions. */
public final class BinanceRecordings {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String STREAM_PREFIX = "{\"stream\":\"";
    private static final String DATA_INFIX = "\",\"data\":";

    private BinanceRecordings() {
    }

    /**
     * @param file hftbacktest gzip recording (combined stream lines plus one REST snapshot line)
     * @param info cryptofeed exchangeInfo recording
     * @return the recording
     */
    public static Recording hftbacktest(String file, String info) {
        RecordingBuilder b = new RecordingBuilder(file);
        String snapshotLine = null;
        String symbol = null;
        for (String line : RecordingLines.read(file)) {
            int sp = line.indexOf(' ');
            if (sp < 0) {
                continue;
            }
            String json = line.substring(sp + 1);
            if (json.startsWith("{\"lastUpdateId\"")) {
                snapshotLine = json;
                continue;
            }
            Frame f = combined(Long.parseLong(line.substring(0, sp)), json);
            if (f != null) {
                symbol = symbol == null ? f.symbol() : symbol;
                b.frame(f);
            }
        }
        if (snapshotLine == null || symbol == null) {
            throw new IllegalStateException("no REST snapshot or no stream in " + file);
        }
        // hftbacktest files hold one symbol; the snapshot line does not name it
        b.snapshot(snapshot(symbol, snapshotLine));
        b.exchangeInfo(RecordingLines.restBody(info));
        return b.build();
    }

    /**
     * @param ws cryptofeed WebSocket session
     * @param http cryptofeed REST snapshots
     * @param info cryptofeed exchangeInfo
     * @return the recording
     */
    public static Recording cryptofeed(String ws, String http, String info) {
        RecordingBuilder b = new RecordingBuilder(ws);
        for (String line : RecordingLines.read(ws)) {
            if (line.startsWith("wss://")) {
                subscribedSymbols(line).forEach(b::symbol);
                continue;
            }
            String[] rec = RecordingLines.serverFrame(line);
            if (rec != null) {
                Frame f = combined(RecordingLines.secondsToNanos(rec[0]), rec[1]);
                if (f != null) {
                    b.frame(f);
                }
            }
        }
        for (String line : RecordingLines.read(http)) {
            String[] rec = RecordingLines.restRecord(line);
            if (rec != null) {
                b.snapshot(snapshot(queryParam(rec[0], "symbol"), rec[2]));
            }
        }
        b.exchangeInfo(RecordingLines.restBody(info));
        return b.build();
    }

    private static List<String> subscribedSymbols(String connectLine) {
        List<String> out = new ArrayList<>();
        int q = connectLine.indexOf("streams=");
        if (q < 0) {
            return out;
        }
        String streams = connectLine.substring(q + 8).split(" ")[0];
        for (String s : streams.split("/")) {
            int at = s.indexOf('@');
            if (at > 0) {
                String sym = s.substring(0, at).toUpperCase(Locale.ROOT);
                if (!out.contains(sym)) {
                    out.add(sym);
                }
            }
        }
        return out;
    }

    private static String queryParam(String url, String name) {
        for (String kv : url.substring(url.indexOf('?') + 1).split("&")) {
            if (kv.startsWith(name + "=")) {
                return kv.substring(name.length() + 1).toUpperCase(Locale.ROOT);
            }
        }
        throw new IllegalStateException("no " + name + " in " + url);
    }

    /** Splits {@code {"stream":"<name>","data":<payload>}} keeping the payload bytes exactly. */
    static Frame combined(long ts, String line) {
        if (!line.startsWith(STREAM_PREFIX) || !line.endsWith("}")) {
            return null;
        }
        int end = line.indexOf('"', STREAM_PREFIX.length());
        if (end < 0 || !line.startsWith(DATA_INFIX, end)) {
            return null;
        }
        String stream = line.substring(STREAM_PREFIX.length(), end);
        String payload = line.substring(end + DATA_INFIX.length(), line.length() - 1);
        int at = stream.indexOf('@');
        if (at <= 0) {
            return null;
        }
        String symbol = stream.substring(0, at).toUpperCase(Locale.ROOT);
        String channel = BinanceStreams.channel(stream.substring(at + 1));
        DepthEvent depth = "depth".equals(channel) ? depth(symbol, payload) : null;
        return new Frame(ts, symbol, channel, payload, stream, depth);
    }

    private static DepthEvent depth(String symbol, String payload) {
        JsonNode n = read(payload);
        long eventTime = n.path("E").asLong();
        return new DepthEvent(symbol, n.path("U").asLong(), n.path("u").asLong(), n.has("pu") ? n.get("pu").asLong()
                : -1, eventTime, n.has("T") ? n.get("T").asLong() : eventTime, levels(n.path("b")),
                levels(n.path("a")));
    }

    private static RecordedSnapshot snapshot(String symbol, String body) {
        JsonNode n = read(body);
        return new RecordedSnapshot(symbol, n.path("lastUpdateId").asLong(), body, levels(n.path("bids")),
                levels(n.path("asks")), n.path("E").asLong(0), n.path("T").asLong(0));
    }

    private static List<Level> levels(JsonNode arr) {
        List<Level> out = new ArrayList<>(arr.size());
        for (JsonNode l : arr) {
            out.add(new Level(new BigDecimal(l.get(0).asText()), new BigDecimal(l.get(1).asText())));
        }
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unparseable recorded JSON: " + json.substring(0, Math.min(120,
                    json.length())), e);
        }
    }
}
