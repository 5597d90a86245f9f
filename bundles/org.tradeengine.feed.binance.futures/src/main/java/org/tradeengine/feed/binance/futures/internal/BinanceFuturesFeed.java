// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.binance.futures.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.feed.MarketDataFeed;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.core.binance.BinanceProtocol;
import org.tradeengine.feed.core.live.LiveFeedComponent;

/**
 * Live feed of Binance USD-M futures, one instance per factory configuration
 * {@code etc/org.tradeengine.feed.binance.futures-<name>.cfg}. The depth stream flows on the {@code /public} base path
 * since Binance split its USD-M WebSocket traffic; the path is {@code ws.url}, so a further change is a config change.
 */
@Component(service = MarketDataFeed.class, configurationPid = BinanceFuturesFeed.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = MarketDataFeed.PROPERTY_VENUE + "=BINANCE_FUTURES")
@Designate(ocd = BinanceFuturesFeed.Config.class, factory = true)
public final class BinanceFuturesFeed extends LiveFeedComponent {

    /** The factory PID. */
    public static final String PID = "org.tradeengine.feed.binance.futures";
    /** Production WebSocket base (USD-M public market streams). */
    public static final String WS_URL = "wss://fstream.binance.com/public";
    /** Production REST base. */
    public static final String REST_URL = "https://fapi.binance.com";

    /** Configuration ({@code etc/org.tradeengine.feed.binance.futures-<name>.cfg}); see docs/operator-guide.md. */
    @ObjectClassDefinition(name = "Trade Engine Binance USD-M futures feed",
            description = "Live L2 book of Binance USD-M perpetuals (diff depth stream + REST snapshot)")
    public @interface Config {
        /** @return id */
        @AttributeDefinition(name = "Feed id", description = "Instance id; also the service property feed.id")
        String feed_id();

        /** @return symbols */
        @AttributeDefinition(name = "Instruments", description = "Comma list of venue symbols, e.g. BTCUSDT,ETHUSDT")
        String instruments();

        /** @return ws base */
        @AttributeDefinition(name = "WebSocket base URL", required = false)
        String ws_url() default WS_URL;

        /** @return rest base */
        @AttributeDefinition(name = "REST base URL", required = false)
        String rest_url() default REST_URL;

        /** @return depth stream */
        @AttributeDefinition(name = "Depth stream", description = "depth, depth@100ms, depth@500ms", required = false)
        String depth_stream() default "depth@100ms";

        /** @return staleness */
        @AttributeDefinition(name = "Staleness limit (ms)", description = "Reconnect when nothing arrived for this long",
                required = false)
        long stale_ms() default 10_000;
    }

    /**
     * @param books the book factory
     * @param props the configuration
     */
    @Activate
    public BinanceFuturesFeed(@Reference OrderBookFactory books, Map<String, Object> props) {
        super(Venue.BINANCE_FUTURES, WS_URL, REST_URL, "depth@100ms", props, books, BinanceProtocol::new);
    }
}
