// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.kraken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.tradeengine.emulator.internal.recording.DepthEvent;
import org.tradeengine.emulator.internal.recording.Frame;
import org.tradeengine.emulator.internal.recording.Level;
import org.tradeengine.emulator.internal.recording.RecordedSnapshot;
import org.tradeengine.emulator.internal.recording.Recording;
import org.tradeengine.emulator.internal.recording.RecordingBuilder;
import org.tradeengine.emulator.internal.recording.RecordingLines;

/** Parses the cryptofeed Kraken Futures v1 session: {@code book_snapshot}, {@code book}, trades, tickers. */
public final class KrakenRecordings {

    private KrakenRecordings() {
    }

    /**
     * @param ws cryptofeed WebSocket session
     * @param info cryptofeed instruments recording
     * @return the recording
     */
    public static Recording cryptofeed(String ws, String info) {
        RecordingBuilder b = new RecordingBuilder(ws);
        for (String line : RecordingLines.read(ws)) {
            int client = line.indexOf(" <- ");
            if (client > 0 && line.contains("\"feed\":\"book\"")) {
                subscribedProducts(line.substring(line.indexOf(": ", client) + 2)).forEach(b::symbol);
                continue;
            }
            String[] rec = RecordingLines.serverFrame(line);
            if (rec != null) {
                frame(b, RecordingLines.secondsToNanos(rec[0]), rec[1]);
            }
        }
        b.exchangeInfo(RecordingLines.restBody(info));
        return b.build();
    }

    private static void frame(RecordingBuilder b, long ts, String text) {
        JsonNode n = parse(text);
        if (n.has("event")) {
            // info and subscribed acks: the emulator's sessions produce their own
            return;
        }
        String feed = n.path("feed").asText("");
        String product = n.path("product_id").asText("");
        switch (feed) {
            case "book" -> {
                Level l = new Level(n.get("price").decimalValue(), n.get("qty").decimalValue());
                boolean buy = "buy".equals(n.path("side").asText());
                long seq = n.get("seq").asLong();
                long t = n.path("timestamp").asLong();
                b.frame(new Frame(ts, product, feed, text, null, new DepthEvent(product, seq, seq, -1, t, t,
                        buy ? List.of(l) : List.of(), buy ? List.of() : List.of(l))));
            }
            case "book_snapshot" -> b.snapshot(new RecordedSnapshot(product, n.get("seq").asLong(), text,
                    levels(n.path("bids")), levels(n.path("asks")), n.path("timestamp").asLong(), 0));
            case "trade_snapshot" -> b.tradeSnapshot(product, text);
            case "trade", "ticker_lite" -> b.frame(new Frame(ts, product, feed, text, null, null));
            default -> {
                // other feeds are not replayed
            }
        }
    }

    private static List<String> subscribedProducts(String json) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : parse(json).path("product_ids")) {
            out.add(p.asText().toUpperCase(Locale.ROOT));
        }
        return out;
    }

    private static List<Level> levels(JsonNode arr) {
        List<Level> out = new ArrayList<>(arr.size());
        for (JsonNode l : arr) {
            out.add(new Level(l.get("price").decimalValue(), l.get("qty").decimalValue()));
        }
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return KrakenJson.read(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unparseable recorded Kraken frame: " + json.substring(0,
                    Math.min(120, json.length())), e);
        }
    }
}
