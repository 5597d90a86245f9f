// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.binance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

/** Binance USD-M Futures ({@code /fapi/v1}) and Binance.US spot ({@code /api/v3}). */
public final class BinanceProtocol implements VenueProtocol {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final boolean futures;
    private final List<String> symbols;

    /**
     * @param futures USD-M futures (else Binance.US spot)
     * @param symbols the recording's symbols (for the wrong-symbol fault)
     */
    public BinanceProtocol(boolean futures, List<String> symbols) {
        this.futures = futures;
        this.symbols = List.copyOf(symbols);
    }

    @Override
    public SyncRule syncRule() {
        return futures ? SyncRule.BINANCE_FUTURES : SyncRule.BINANCE_SPOT;
    }

    @Override
    public String wsPathRegex() {
        return "^(/[A-Za-z0-9_.-]+)?/(ws|stream)(/.*)?$";
    }

    @Override
    public EmuSession newSession(Engine engine, String path, Fields query) {
        boolean combined = path.matches("^(/[A-Za-z0-9_.-]+)?/stream(/.*)?$");
        List<String> initial = new ArrayList<>();
        if (combined) {
            String streams = query.getValue("streams");
            if (streams != null) {
                addAll(initial, streams);
            }
        } else {
            int ws = path.indexOf("/ws/");
            if (ws >= 0) {
                addAll(initial, path.substring(ws + 4));
            }
        }
        return new BinanceSession(engine, combined, initial);
    }

    private static void addAll(List<String> out, String slashSeparated) {
        for (String s : slashSeparated.split("/")) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
    }

    @Override
    public void rest(Engine engine, Exchange ex) {
        new BinanceRest(engine, futures).handle(ex);
    }

    @Override
    public String synthesizeSnapshot(SymbolState st) {
        TruthBook t = st.truth();
        StringBuilder sb = new StringBuilder(64 + (int) t.levels() * 26);
        sb.append("{\"lastUpdateId\":").append(t.lastUpdateId());
        if (futures) {
            sb.append(",\"E\":").append(t.eventTime()).append(",\"T\":").append(t.txTime());
        }
        sb.append(",\"bids\":[");
        levels(sb, t.bids(), st);
        sb.append("],\"asks\":[");
        levels(sb, t.asks(), st);
        return sb.append("]}").toString();
    }

    private static void levels(StringBuilder sb, Map<BigDecimal, BigDecimal> side, SymbolState st) {
        boolean first = true;
        for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
            sb.append(first ? "" : ",").append("[\"").append(decimal(e.getKey(), st.priceScale())).append("\",\"")
                    .append(decimal(e.getValue(), st.qtyScale())).append("\"]");
            first = false;
        }
    }

    /** Binance prints a fixed number of decimals per symbol ({@code "58710.20"}, {@code "0.014"}). */
    static String decimal(BigDecimal v, int scale) {
        return v.scale() <= scale ? v.setScale(scale).toPlainString() : v.toPlainString();
    }

    @Override
    public String mutate(Fault kind, Frame f, SymbolState st) {
        ObjectNode data = (ObjectNode) read(f.payload());
        switch (kind) {
            case WRONG_SYMBOL -> data.put("s", otherSymbol(f.symbol()));
            case NEGATIVE_QTY, NON_NUMERIC_QTY -> {
                ArrayNode side = data.path("b").size() > 0 ? (ArrayNode) data.get("b") : (ArrayNode) data.get("a");
                if (side == null || side.size() == 0) {
                    return null;
                }
                ((ArrayNode) side.get(0)).set(1, kind == Fault.NEGATIVE_QTY
                        ? decimal(BigDecimal.ONE.negate(), st.qtyScale()) : "abc");
            }
            case CROSSED -> {
                BigDecimal bestAsk = st.truth().bestAsk();
                if (bestAsk == null || !data.has("b")) {
                    return null;
                }
                // a bid at the best ask's own price: crossed (bid >= ask), and valid at any tick size
                ((ArrayNode) data.get("b")).insertArray(0).add(decimal(bestAsk, st.priceScale()))
                        .add(decimal(BigDecimal.ONE, st.qtyScale()));
            }
            default -> throw new IllegalArgumentException("not a payload fault: " + kind);
        }
        return write(data);
    }

    private String otherSymbol(String symbol) {
        if (symbols.size() > 1) {
            return symbols.get((symbols.indexOf(symbol) + 1) % symbols.size());
        }
        return "ETHUSDT".equals(symbol) ? "BTCUSDT" : "ETHUSDT";
    }

    @Override
    public String unknownPayload(Frame f) {
        return "{\"e\":\"emulatorUnknownEvent\",\"E\":" + f.depth().eventTime() + ",\"s\":\"" + f.symbol() + "\"}";
    }

    @Override
    public boolean serverPings() {
        return true;
    }

    @Override
    public void shutdown(EmuSession s) {
        ((BinanceSession) s).shutdown();
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recorded payload is not JSON", e);
        }
    }

    private static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
