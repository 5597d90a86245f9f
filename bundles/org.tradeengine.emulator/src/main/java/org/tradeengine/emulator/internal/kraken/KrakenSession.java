// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.kraken;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.tradeengine.emulator.internal.EmuSession;
import org.tradeengine.emulator.internal.Engine;
import org.tradeengine.emulator.internal.Outgoing;
import org.tradeengine.emulator.internal.recording.Frame;

/**
 * A Kraken Futures v1 connection: {@code info} on connect, subscribe/unsubscribe per feed and product, one
 * {@code book_snapshot} per book subscription before its deltas, optional heartbeat feed.
 */
public final class KrakenSession extends EmuSession {

    private static final String INFO = "{\"event\":\"info\",\"version\":1}";
    /** Book product to "snapshot sent" (false while a slow snapshot is pending). */
    private final Map<String, Boolean> book = new LinkedHashMap<>();
    private final Map<String, Long> bookGeneration = new HashMap<>();
    private final Set<String> trade = new LinkedHashSet<>();
    private final Set<String> ticker = new LinkedHashSet<>();
    private boolean heartbeat;
    private long lastHeartbeatNanos;

    KrakenSession(Engine engine) {
        super(engine);
    }

    @Override
    protected void opened() {
        send(INFO);
    }

    @Override
    public boolean wantsDepth(String symbol) {
        return Boolean.TRUE.equals(book.get(symbol));
    }

    @Override
    public boolean wants(Frame f) {
        return switch (f.channel()) {
            case "trade" -> trade.contains(f.symbol());
            case "ticker_lite" -> ticker.contains(f.symbol());
            default -> false;
        };
    }

    @Override
    public int deliver(Frame f, Outgoing o) {
        String text = o.truncated() ? o.payload().substring(0, Math.max(1, o.payload().length() / 2)) : o.payload();
        return send(text) ? 1 : 0;
    }

    @Override
    protected void tick(long nowNanos) {
        if (heartbeat && nowNanos - lastHeartbeatNanos >= engine.options().heartbeatInterval().toNanos()) {
            lastHeartbeatNanos = nowNanos;
            send("{\"feed\":\"heartbeat\",\"time\":" + System.currentTimeMillis() + "}");
        }
    }

    @Override
    protected void received(String text) {
        JsonNode req = parse(text);
        String event = req == null ? "" : req.path("event").asText("");
        if (!event.equals("subscribe") && !event.equals("unsubscribe")) {
            error("Json Error");
            return;
        }
        String feed = req.path("feed").asText("");
        if (feed.equals("heartbeat")) {
            heartbeat = event.equals("subscribe");
            lastHeartbeatNanos = System.nanoTime();
            send("{\"event\":\"" + event + "d\",\"feed\":\"heartbeat\"}");
        } else if (feed.equals("book") || feed.equals("trade") || feed.equals("ticker_lite")) {
            products(event, feed, req.path("product_ids"));
        } else {
            error("Invalid feed");
        }
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode n = KrakenJson.read(text);
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void products(String event, String feed, JsonNode ids) {
        List<String> products = new ArrayList<>();
        boolean invalid = !ids.isArray() || ids.isEmpty();
        for (JsonNode p : ids) {
            Optional<String> resolved = engine.resolveSymbol(p.asText());
            resolved.ifPresent(products::add);
            invalid |= resolved.isEmpty();
        }
        if (invalid) {
            error("Invalid product id");
        }
        // as recorded: one ack per product first, then the snapshots
        for (String p : products) {
            send("{\"event\":\"" + event + "d\",\"feed\":\"" + feed + "\",\"product_ids\":[\"" + p + "\"]}");
        }
        for (String p : products) {
            if (event.equals("subscribe")) {
                subscribe(feed, p);
            } else {
                unsubscribe(feed, p);
            }
        }
    }

    private void subscribe(String feed, String product) {
        switch (feed) {
            case "book" -> subscribeBook(product);
            case "trade" -> {
                trade.add(product);
                String snap = engine.recording().tradeSnapshots().get(product);
                if (snap != null) {
                    send(snap);
                }
            }
            default -> ticker.add(product);
        }
    }

    private void unsubscribe(String feed, String product) {
        switch (feed) {
            case "book" -> {
                book.remove(product);
                bookGeneration.merge(product, 1L, Long::sum);
            }
            case "trade" -> trade.remove(product);
            default -> ticker.remove(product);
        }
    }

    /** The snapshot (recorded or synthesized) goes out before any delta; a slow one holds the deltas back too. */
    private void subscribeBook(String product) {
        long gen = bookGeneration.merge(product, 1L, Long::sum);
        book.put(product, false);
        if (!engine.takeSlowSnapshot(product)) {
            sendSnapshot(product);
            return;
        }
        engine.scheduler().schedule(() -> {
            engine.lock().lock();
            try {
                if (!isClosing() && bookGeneration.get(product) == gen) {
                    sendSnapshot(product);
                }
            } finally {
                engine.lock().unlock();
            }
        }, engine.options().slowSnapshotDelay().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void sendSnapshot(String product) {
        send(engine.snapshot(product).body());
        book.put(product, true);
    }

    private void error(String message) {
        send("{\"event\":\"error\",\"message\":\"" + message + "\"}");
    }
}
