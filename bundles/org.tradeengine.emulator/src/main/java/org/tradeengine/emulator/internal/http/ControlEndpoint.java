// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.http;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tradeengine.emulator.EmulatorStats;
import org.tradeengine.emulator.Fault;
import org.tradeengine.emulator.TrueBook;
import org.tradeengine.emulator.internal.Engine;
import org.tradeengine.emulator.internal.SymbolState;

/**
 * {@code /_emulator/}: {@code POST fault?kind=&symbol=&param=}, {@code POST pause}, {@code POST resume},
 * {@code GET status}, {@code GET book?symbol=}, {@code GET digest?symbol=&id=}. Bad requests get 400 and a message.
 */
final class ControlEndpoint {

    static final String PREFIX = "/_emulator";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Engine engine;

    ControlEndpoint(Engine engine) {
        this.engine = engine;
    }

    void handle(Exchange ex) {
        String action = ex.path().substring(PREFIX.length());
        boolean post = "POST".equals(ex.method());
        boolean get = "GET".equals(ex.method());
        switch (action) {
            case "/fault" -> only(post, ex, "POST", () -> fault(ex));
            case "/pause" -> only(post, ex, "POST", () -> {
                engine.pause();
                ex.reply(200, "{\"paused\":true}");
            });
            case "/resume" -> only(post, ex, "POST", () -> {
                engine.resume();
                ex.reply(200, "{\"paused\":false}");
            });
            case "/status" -> only(get, ex, "GET", () -> ex.reply(200, status()));
            case "/book" -> only(get, ex, "GET", () -> book(ex));
            case "/digest" -> only(get, ex, "GET", () -> digest(ex));
            default -> ex.reply(404, error("unknown control path " + ex.path() + "; use " + PREFIX
                    + "/{fault,pause,resume,status,book,digest}"));
        }
    }

    private static void only(boolean ok, Exchange ex, String method, Runnable action) {
        if (ok) {
            action.run();
        } else {
            ex.reply(405, error(ex.method() + " not allowed on " + ex.path() + "; use " + method));
        }
    }

    private void fault(Exchange ex) {
        String kindParam = ex.param("kind");
        Optional<Fault> kind = Arrays.stream(Fault.values())
                .filter(f -> f.name().equals(kindParam == null ? "" : kindParam.trim().toUpperCase(Locale.ROOT)))
                .findFirst();
        if (kind.isEmpty()) {
            ex.reply(400, error("unknown fault kind '" + kindParam + "'; expected one of "
                    + Arrays.toString(Fault.values())));
            return;
        }
        String symbol = ex.param("symbol");
        String paramText = ex.param("param");
        long param;
        try {
            param = paramText == null || paramText.isBlank() ? 1 : Long.parseLong(paramText.trim());
        } catch (NumberFormatException e) {
            ex.reply(400, error("param must be a whole number, was '" + paramText + "'"));
            return;
        }
        try {
            engine.inject(kind.get(), symbol, param);
        } catch (IllegalArgumentException e) {
            ex.reply(400, error(e.getMessage()));
            return;
        }
        ObjectNode n = MAPPER.createObjectNode().put("injected", kind.get().name()).put("param", param);
        n.put("symbol", symbol == null || symbol.isBlank() ? null : engine.requireSymbol(symbol));
        ex.reply(200, n.toString());
    }

    private String status() {
        EmulatorStats s = engine.stats();
        ObjectNode n = MAPPER.valueToTree(s);
        n.put("venue", engine.venue().cliName());
        ObjectNode symbols = n.putObject("symbols");
        engine.lock().lock();
        try {
            for (Map.Entry<String, SymbolState> e : engine.symbolStates().entrySet()) {
                SymbolState st = e.getValue();
                symbols.putObject(e.getKey()).put("lastSentUpdateId", st.lastSentId())
                        .put("truthLastUpdateId", st.truth().lastUpdateId())
                        .put("recordedSnapshotId", st.recorded().id())
                        .put("eventsReplayed", st.eventsReplayed()).put("framesSent", st.framesDelivered())
                        .put("levels", st.truth().levels()).put("truthDigest", st.truth().digest());
            }
            ObjectNode pending = n.putObject("pendingFaults");
            engine.pendingFaults().forEach((sym, m) -> {
                ObjectNode p = pending.putObject(sym);
                m.forEach((f, c) -> p.put(f.name(), c));
            });
        } finally {
            engine.lock().unlock();
        }
        return n.toString();
    }

    private void book(Exchange ex) {
        Optional<String> symbol = symbol(ex);
        if (symbol.isEmpty()) {
            return;
        }
        TrueBook b = engine.trueBook(symbol.get());
        ObjectNode n = MAPPER.createObjectNode().put("symbol", b.symbol()).put("lastUpdateId", b.lastUpdateId())
                .put("digest", b.digest());
        levels(n.putArray("bids"), b.bids());
        levels(n.putArray("asks"), b.asks());
        ex.reply(200, n.toString());
    }

    private static void levels(ArrayNode arr, Map<BigDecimal, BigDecimal> side) {
        side.forEach((p, q) -> arr.addArray().add(p.toPlainString()).add(q.toPlainString()));
    }

    private void digest(Exchange ex) {
        Optional<String> symbol = symbol(ex);
        if (symbol.isEmpty()) {
            return;
        }
        String idText = ex.param("id");
        long id;
        try {
            id = Long.parseLong(idText == null ? "" : idText.trim());
        } catch (NumberFormatException e) {
            ex.reply(400, error("id must be an update id (whole number), was '" + idText + "'"));
            return;
        }
        OptionalLong d = engine.truthDigest(symbol.get(), id);
        if (d.isEmpty()) {
            ex.reply(404, error("no truth digest for " + symbol.get() + " at update id " + id
                    + " (not applied in this pass, or evicted)"));
            return;
        }
        ex.reply(200, MAPPER.createObjectNode().put("symbol", symbol.get()).put("id", id)
                .put("digest", d.getAsLong()).put("digestHex", Long.toHexString(d.getAsLong())).toString());
    }

    private Optional<String> symbol(Exchange ex) {
        String raw = ex.param("symbol");
        Optional<String> s = engine.resolveSymbol(raw);
        if (s.isEmpty()) {
            ex.reply(400, error(raw == null ? "missing parameter symbol; known: "
                    + engine.recording().symbols() : "unknown symbol '" + raw + "'; known: "
                    + engine.recording().symbols()));
        }
        return s;
    }

    static String error(String message) {
        try {
            return "{\"error\":" + MAPPER.writeValueAsString(message) + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
