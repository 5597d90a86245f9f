// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal.binance;

import java.time.Duration;
import java.util.Optional;

import org.tradeengine.emulator.Fault;
import org.tradeengine.emulator.internal.Engine;
import org.tradeengine.emulator.internal.http.Exchange;

/** Binance REST: {@code depth}, {@code exchangeInfo}, {@code time}, {@code ping} under {@code /fapi/v1} or {@code /api/v3}. */
final class BinanceRest {

    private final Engine engine;
    private final String prefix;
    private final int weightLimit;

    BinanceRest(Engine engine, boolean futures) {
        this.engine = engine;
        this.prefix = futures ? "/fapi/v1" : "/api/v3";
        this.weightLimit = futures ? 2400 : 1200;
    }

    void handle(Exchange ex) {
        engine.countRest();
        String path = ex.path();
        if (!"GET".equals(ex.method())) {
            ex.reply(405, error(-1000, "Method " + ex.method() + " is not supported for " + path + "."));
            return;
        }
        if (path.equals(prefix + "/depth")) {
            depth(ex);
        } else if (path.equals(prefix + "/exchangeInfo")) {
            ex.reply(200, engine.recording().exchangeInfo());
        } else if (path.equals(prefix + "/time")) {
            ex.reply(200, "{\"serverTime\":" + System.currentTimeMillis() + "}");
        } else if (path.equals(prefix + "/ping")) {
            ex.reply(200, "{}");
        } else {
            ex.reply(404, error(-5000, "Path " + path + ", Method GET is invalid"));
        }
    }

    private void depth(Exchange ex) {
        // 1. Rate-limit faults come first: the venue refuses before it looks at the request.
        long retry = Math.max(0, (engine.options().retryAfter().toMillis() + 999) / 1000);
        if (engine.takeHttpFault(Fault.HTTP_418)) {
            long until = System.currentTimeMillis() + Math.max(1, retry) * 1000;
            ex.header("Retry-After", Long.toString(retry)).reply(418, error(-1003, "Way too much request weight "
                    + "used; IP banned until " + until + ". Please use WebSocket Streams for live updates to avoid "
                    + "bans."));
            return;
        }
        if (engine.takeHttpFault(Fault.HTTP_429)) {
            ex.header("Retry-After", Long.toString(retry)).reply(429, error(-1003, "Too much request weight used; "
                    + "current limit is " + weightLimit + " request weight per 1 MINUTE. Please use WebSocket "
                    + "Streams for live updates to avoid polling the API."));
            return;
        }
        // 2. Parameters.
        String raw = ex.param("symbol");
        if (raw == null || raw.isBlank()) {
            ex.reply(400, error(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."));
            return;
        }
        String limit = ex.param("limit");
        if (limit != null && !limit.matches("[0-9]{1,20}")) {
            ex.reply(400, error(-1100, "Illegal characters found in parameter 'limit'; legal range is "
                    + "'^[0-9]{1,20}$'."));
            return;
        }
        Optional<String> symbol = engine.resolveSymbol(raw);
        if (symbol.isEmpty()) {
            ex.reply(400, error(-1121, "Invalid symbol."));
            return;
        }
        // 3. The snapshot is taken now (consistent with the timeline) and possibly delivered late.
        boolean slow = engine.takeSlowSnapshot(symbol.get());
        Engine.Snapshot snap = engine.snapshot(symbol.get());
        ex.replyLater(engine.scheduler(), slow ? engine.options().slowSnapshotDelay() : Duration.ZERO, 200,
                snap.body());
    }

    private static String error(int code, String msg) {
        return "{\"code\":" + code + ",\"msg\":\"" + msg.replace("\"", "\\\"") + "\"}";
    }
}
