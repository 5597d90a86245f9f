// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.binance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tradeengine.emulator.internal.EmuSession;
import org.tradeengine.emulator.internal.Engine;
import org.tradeengine.emulator.internal.Outgoing;
import org.tradeengine.emulator.internal.recording.Frame;

/**
 * A Binance market-stream connection: raw ({@code /ws/<stream>}) or combined ({@code /stream?streams=a/b}) mode,
 * live {@code SUBSCRIBE}/{@code UNSUBSCRIBE}/{@code LIST_SUBSCRIPTIONS}/{@code SET_PROPERTY}/{@code GET_PROPERTY}.
 */
public final class BinanceSession extends EmuSession {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String METHODS = "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, "
            + "`GET_PROPERTY`";
    /** Subscription key ({@code btcusdt|depth}) to the stream names the client used for it, in order. */
    private final Map<String, Set<String>> streams = new LinkedHashMap<>();
    private final List<String> initial;
    private boolean combined;

    BinanceSession(Engine engine, boolean combined, List<String> initial) {
        super(engine);
        this.combined = combined;
        this.initial = initial;
    }

    @Override
    protected void opened() {
        initial.forEach(this::subscribe);
    }

    private void subscribe(String name) {
        String key = BinanceStreams.key(name);
        if (key != null) {
            streams.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(name);
        }
    }

    private void unsubscribe(String name) {
        String key = BinanceStreams.key(name);
        Set<String> names = key == null ? null : streams.get(key);
        if (names != null && names.remove(name) && names.isEmpty()) {
            streams.remove(key);
        }
    }

    @Override
    public boolean wantsDepth(String symbol) {
        return streams.containsKey(BinanceStreams.key(symbol, "depth"));
    }

    @Override
    public boolean wants(Frame f) {
        return streams.containsKey(BinanceStreams.key(f.symbol(), f.channel()));
    }

    @Override
    public int deliver(Frame f, Outgoing o) {
        Set<String> names = streams.get(BinanceStreams.key(f.symbol(), f.channel()));
        if (names == null) {
            return 0;
        }
        int n = 0;
        for (String name : names) {
            String text = combined ? "{\"stream\":\"" + name + "\",\"data\":" + o.payload() + "}" : o.payload();
            if (o.truncated()) {
                text = text.substring(0, Math.max(1, text.length() / 2));
            }
            n += send(text) ? 1 : 0;
        }
        return n;
    }

    /** Sends {@code serverShutdown} (raw or wrapped as the combined stream {@code !serverShutdown}), then closes. */
    void shutdown() {
        String event = "{\"e\":\"serverShutdown\",\"E\":" + System.currentTimeMillis() + "}";
        send(combined ? "{\"stream\":\"!serverShutdown\",\"data\":" + event + "}" : event);
        close(1001, "server shutdown");
    }

    @Override
    protected void received(String text) {
        JsonNode req;
        try {
            req = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            send("{\"code\":3,\"msg\":\"Invalid JSON: expected value at line " + e.getLocation().getLineNr()
                    + " column " + e.getLocation().getColumnNr() + "\"}");
            return;
        }
        if (req == null || !req.isObject() || !req.hasNonNull("method") || !req.get("method").isTextual()) {
            send("{\"code\":2,\"msg\":\"Invalid request: missing field `method` at line 1 column " + text.length()
                    + "\"}");
            return;
        }
        JsonNode idNode = req.get("id");
        if (idNode != null && !idNode.isNull() && !idNode.isIntegralNumber() && !idNode.isTextual()) {
            send("{\"code\":2,\"msg\":\"Invalid request: request ID must be an unsigned integer\"}");
            return;
        }
        String id = idNode == null ? "null" : idNode.toString();
        String method = req.get("method").asText();
        switch (method) {
            case "SUBSCRIBE" -> {
                params(req).forEach(this::subscribe);
                send("{\"result\":null,\"id\":" + id + "}");
            }
            case "UNSUBSCRIBE" -> {
                params(req).forEach(this::unsubscribe);
                send("{\"result\":null,\"id\":" + id + "}");
            }
            case "LIST_SUBSCRIPTIONS" -> send("{\"result\":" + listJson() + ",\"id\":" + id + "}");
            case "SET_PROPERTY" -> setProperty(req, id);
            case "GET_PROPERTY" -> send("{\"result\":" + combined + ",\"id\":" + id + "}");
            default -> send("{\"code\":2,\"msg\":\"Invalid request: unknown variant " + jsonString(method)
                    + ", expected one of " + METHODS + " at line 1 column 28\",\"id\":" + id + "}");
        }
    }

    private void setProperty(JsonNode req, String id) {
        JsonNode p = req.path("params");
        if (!"combined".equals(p.path(0).asText())) {
            send("{\"code\":0,\"msg\":\"Unknown property\",\"id\":" + id + "}");
        } else if (!p.path(1).isBoolean()) {
            send("{\"code\":1,\"msg\":\"Invalid value type: expected Boolean\",\"id\":" + id + "}");
        } else {
            combined = p.get(1).asBoolean();
            send("{\"result\":null,\"id\":" + id + "}");
        }
    }

    private static List<String> params(JsonNode req) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : req.path("params")) {
            if (p.isTextual()) {
                out.add(p.asText());
            }
        }
        return out;
    }

    private String listJson() {
        List<String> all = new ArrayList<>();
        streams.values().forEach(all::addAll);
        try {
            return MAPPER.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonString(String s) {
        try {
            return MAPPER.writeValueAsString(s).replace("\"", "\\\"");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
