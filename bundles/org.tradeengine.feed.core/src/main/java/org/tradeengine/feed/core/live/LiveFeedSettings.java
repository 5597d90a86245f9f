// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.live;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tradeengine.api.model.Venue;

/**
 * A live feed's configuration ({@code etc/<pid>-<name>.cfg}), checked and copied once on activation. Every key has a
 * production default except {@code feed.id} and {@code instruments}; tests point {@code ws.url} and {@code rest.url}
 * at the loopback emulators.
 *
 * @param feedId instance id (service property {@code feed.id})
 * @param venue the venue
 * @param wsUrl WebSocket base, e.g. {@code wss://fstream.binance.com/public} (the venue's path change is a config change)
 * @param restUrl REST base, e.g. {@code https://fapi.binance.com}
 * @param symbols venue symbols, upper case, in configured order
 * @param depthStream the diff-depth stream suffix ({@code depth@100ms}); venues without one ignore it
 * @param snapshotLimit levels per side asked of a REST snapshot
 * @param staleMillis a connection silent this long while the socket looks open is dropped and reconnected
 * @param backoffInitialMillis first reconnect delay (before jitter)
 * @param backoffMaxMillis longest reconnect or snapshot retry delay
 * @param connectTimeoutMillis WebSocket/HTTP connect timeout
 * @param snapshotTimeoutMillis REST snapshot request timeout
 * @param maxConnectionAgeMillis reconnect on our own before the venue's forced rotation (Binance: 24 h)
 * @param pingIntervalMillis WebSocket ping frames sent this often (Kraken wants one at least every 60 s)
 * @param maxBuffered most updates buffered per instrument while waiting for a snapshot
 */
public record LiveFeedSettings(String feedId, Venue venue, URI wsUrl, URI restUrl, List<String> symbols, String depthStream,
        int snapshotLimit, long staleMillis, long backoffInitialMillis, long backoffMaxMillis, long connectTimeoutMillis,
        long snapshotTimeoutMillis, long maxConnectionAgeMillis, long pingIntervalMillis, int maxBuffered) {

    /** Defaults of the optional keys that are the same for every venue. */
    public static final long DEFAULT_STALE_MILLIS = 10_000;

    /**
     * Copies the symbol list.
     *
     * @param feedId id
     * @param venue venue
     * @param wsUrl WebSocket base
     * @param restUrl REST base
     * @param symbols symbols
     * @param depthStream depth stream suffix
     * @param snapshotLimit snapshot depth
     * @param staleMillis staleness limit
     * @param backoffInitialMillis first backoff
     * @param backoffMaxMillis longest backoff
     * @param connectTimeoutMillis connect timeout
     * @param snapshotTimeoutMillis snapshot timeout
     * @param maxConnectionAgeMillis rotation age
     * @param pingIntervalMillis ping interval
     * @param maxBuffered buffer bound
     */
    public LiveFeedSettings {
        symbols = List.copyOf(symbols);
    }

    /**
     * Reads the settings from a component's configuration properties.
     *
     * @param venue the venue of the feed bundle
     * @param defaultWsUrl production WebSocket base of the venue
     * @param defaultRestUrl production REST base of the venue
     * @param defaultDepthStream the venue's depth stream suffix, or "" if it has none
     * @param props the configuration
     * @return the checked settings
     * @throws IllegalArgumentException naming the key, the value and what is expected
     */
    public static LiveFeedSettings of(Venue venue, String defaultWsUrl, String defaultRestUrl, String defaultDepthStream,
            Map<String, ?> props) {
        String id = text(props, "feed.id", "").trim();
        if (id.isEmpty()) {
            throw new IllegalArgumentException(venue.cliName() + " feed: feed.id is required (the instance id, e.g. feed.id = "
                    + venue.cliName() + ")");
        }
        String where = "feed " + id + ": ";
        List<String> symbols = new ArrayList<>();
        for (String s : text(props, "instruments", "").split(",")) {
            String sym = s.trim().toUpperCase(Locale.ROOT);
            if (sym.isEmpty()) {
                continue;
            }
            if (!sym.matches("[A-Z0-9_]{1,32}")) {
                throw new IllegalArgumentException(where + "instruments: '" + s.trim() + "' is not a venue symbol (letters,"
                        + " digits and _ only, e.g. BTCUSDT)");
            }
            if (!symbols.contains(sym)) {
                symbols.add(sym);
            }
        }
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException(where + "instruments: no instrument configured (comma list of venue symbols,"
                    + " e.g. instruments = BTCUSDT,ETHUSDT)");
        }
        long backoffInitial = millis(props, where, "backoff.initial.ms", 100, 1);
        long backoffMax = millis(props, where, "backoff.max.ms", 30_000, 1);
        if (backoffMax < backoffInitial) {
            throw new IllegalArgumentException(where + "backoff.max.ms (" + backoffMax + ") is below backoff.initial.ms ("
                    + backoffInitial + ")");
        }
        return new LiveFeedSettings(id, venue, uri(props, where, "ws.url", defaultWsUrl, "ws", "wss"),
                uri(props, where, "rest.url", defaultRestUrl, "http", "https"), symbols,
                text(props, "depth.stream", defaultDepthStream).trim(), (int) millis(props, where, "snapshot.limit", 1000, 5),
                millis(props, where, "stale.ms", DEFAULT_STALE_MILLIS, 100), backoffInitial, backoffMax,
                millis(props, where, "connect.timeout.ms", 5_000, 10), millis(props, where, "snapshot.timeout.ms", 10_000, 10),
                millis(props, where, "max.connection.age.ms", 23L * 3_600_000 + 30 * 60_000, 1_000),
                millis(props, where, "ping.interval.ms", 30_000, 100), (int) millis(props, where, "max.buffered", 10_000, 1));
    }

    private static String text(Map<String, ?> props, String key, String dflt) {
        Object v = props.get(key);
        if (v instanceof String[] a) {
            return String.join(",", a);
        }
        return v == null ? dflt : v.toString();
    }

    private static long millis(Map<String, ?> props, String where, String key, long dflt, long min) {
        Object v = props.get(key);
        if (v == null || v.toString().isBlank()) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + key + ": '" + v + "' is not a whole number");
        }
        if (n < min) {
            throw new IllegalArgumentException(where + key + ": " + n + " is below the minimum " + min);
        }
        return n;
    }

    private static URI uri(Map<String, ?> props, String where, String key, String dflt, String... schemes) {
        String text = text(props, key, dflt).trim();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI u;
        try {
            u = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + key + ": '" + text + "' is not a URL");
        }
        if (u.getScheme() == null || !List.of(schemes).contains(u.getScheme().toLowerCase(Locale.ROOT)) || u.getHost() == null) {
            throw new IllegalArgumentException(where + key + ": '" + text + "' must be a " + String.join(" or ", schemes)
                    + " URL with a host");
        }
        return u;
    }
}
