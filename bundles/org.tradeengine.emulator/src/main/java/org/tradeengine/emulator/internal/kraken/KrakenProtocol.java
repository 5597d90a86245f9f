// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.kraken;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.jetty.util.Fields;
import org.tradeengine.emulator.Fault;
import org.tradeengine.emulator.internal.EmuSession;
import org.tradeengine.emulator.internal.Engine;
import org.tradeengine.emulator.internal.SymbolState;
import org.tradeengine.emulator.internal.VenueProtocol;
import org.tradeengine.emulator.internal.http.Exchange;
import org.tradeengine.emulator.internal.recording.Frame;
import org.tradeengine.emulator.internal.truth.SyncRule;
import org.tradeengine.emulator.internal.truth.TruthBook;

/** Kraken Futures WebSocket v1 ({@code /ws/v1}) and {@code GET /derivatives/api/v3/instruments}. */
public final class KrakenProtocol implements VenueProtocol {

    private final List<String> products;

    /** @param products the recording's products (for the wrong-symbol fault) */
    public KrakenProtocol(List<String> products) {
        this.products = List.copyOf(products);
    }

    @Override
    public SyncRule syncRule() {
        return SyncRule.KRAKEN;
    }

    @Override
    public String wsPathRegex() {
        return "^/ws/v1/?$";
    }

    @Override
    public EmuSession newSession(Engine engine, String path, Fields query) {
        return new KrakenSession(engine);
    }

    @Override
    public void rest(Engine engine, Exchange ex) {
        engine.countRest();
        if (!"GET".equals(ex.method()) || !ex.path().equals("/derivatives/api/v3/instruments")) {
            ex.reply(404, error("notFound"));
            return;
        }
        long retry = (engine.options().retryAfter().toMillis() + 999) / 1000;
        if (engine.takeHttpFault(Fault.HTTP_418) || engine.takeHttpFault(Fault.HTTP_429)) {
            ex.header("Retry-After", Long.toString(retry)).reply(429, error("apiLimitExceeded"));
            return;
        }
        ex.reply(200, engine.recording().exchangeInfo());
    }

    private static String error(String code) {
        return "{\"result\":\"error\",\"serverTime\":\"" + Instant.now() + "\",\"error\":\"" + code + "\"}";
    }

    @Override
    public String synthesizeSnapshot(SymbolState st) {
        TruthBook t = st.truth();
        StringBuilder sb = new StringBuilder(128 + (int) t.levels() * 32);
        sb.append("{\"feed\":\"book_snapshot\",\"product_id\":\"").append(st.symbol()).append("\",\"timestamp\":")
                .append(t.eventTime()).append(",\"seq\":").append(t.lastUpdateId())
                .append(",\"tickSize\":null,\"bids\":[");
        levels(sb, t.bids());
        sb.append("],\"asks\":[");
        levels(sb, t.asks());
        return sb.append("]}").toString();
    }

    private static void levels(StringBuilder sb, Map<BigDecimal, BigDecimal> side) {
        boolean first = true;
        for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
            sb.append(first ? "" : ",").append("{\"price\":").append(KrakenJson.number(e.getKey()))
                    .append(",\"qty\":").append(KrakenJson.number(e.getValue())).append('}');
            first = false;
        }
    }

    @Override
    public String mutate(Fault kind, Frame f, SymbolState st) {
        ObjectNode n;
        try {
            n = (ObjectNode) KrakenJson.read(f.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recorded Kraken frame is not JSON", e);
        }
        switch (kind) {
            case WRONG_SYMBOL -> n.put("product_id", products.get((products.indexOf(f.symbol()) + 1)
                    % products.size()));
            case NEGATIVE_QTY -> n.put("qty", new BigDecimal("-1.0"));
            case NON_NUMERIC_QTY -> n.put("qty", "abc");
            case CROSSED -> {
                // a v1 delta carries one level: move it across the book
                boolean buy = "buy".equals(n.path("side").asText());
                BigDecimal opposite = buy ? st.truth().bestAsk() : st.truth().bestBid();
                if (opposite == null) {
                    return null;
                }
                // at the opposite best price: crossed (bid >= ask) and valid at any tick size
                n.put("price", opposite);
                if (n.path("qty").decimalValue().signum() == 0) {
                    n.put("qty", new BigDecimal("1.0"));
                }
            }
            default -> throw new IllegalArgumentException("not a payload fault: " + kind);
        }
        return KrakenJson.write(n);
    }

    @Override
    public String unknownPayload(Frame f) {
        return "{\"feed\":\"emulator_unknown\",\"product_id\":\"" + f.symbol() + "\",\"timestamp\":"
                + f.depth().eventTime() + "}";
    }

    @Override
    public boolean serverPings() {
        return false;
    }

    @Override
    public void shutdown(EmuSession s) {
        s.close(1001, "server shutdown");
    }
}
