// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.kraken.internal;

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
import org.tradeengine.feed.core.kraken.KrakenProtocol;
import org.tradeengine.feed.core.live.LiveFeedComponent;

/**
 * Live feed of Kraken Futures (WebSocket v1 {@code book} feed), one instance per factory configuration
 * {@code etc/org.tradeengine.feed.kraken-<name>.cfg}. Snapshots come in the stream after each subscription, so there is
 * no REST traffic; a broken book is re-synchronised by unsubscribing and subscribing that one product. The feed sends a
 * WebSocket ping every {@code ping.interval.ms} (30 s by default; Kraken drops a connection silent for 60 s) and
 * subscribes the {@code heartbeat} feed, so a quiet product's pause in book deltas never looks like a dead connection.
 */
@Component(service = MarketDataFeed.class, configurationPid = KrakenFuturesFeed.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = MarketDataFeed.PROPERTY_VENUE + "=KRAKEN_FUTURES")
@Designate(ocd = KrakenFuturesFeed.Config.class, factory = true)
public final class KrakenFuturesFeed extends LiveFeedComponent {

    /** The factory PID. */
    public static final String PID = "org.tradeengine.feed.kraken";
    /** Production WebSocket endpoint. */
    public static final String WS_URL = KrakenProtocol.WS_URL;
    /** Production REST base (unused by the book feed: snapshots come in the stream). */
    public static final String REST_URL = KrakenProtocol.REST_URL;

    /** Configuration ({@code etc/org.tradeengine.feed.kraken-<name>.cfg}); see this bundle's README. */
    @ObjectClassDefinition(name = "Trade Engine Kraken Futures feed",
            description = "Live L2 book of Kraken Futures products (WebSocket v1 book feed, in-stream snapshots)")
    public @interface Config {
        /** @return id */
        @AttributeDefinition(name = "Feed id", description = "Instance id; also the service property feed.id")
        String feed_id();

        /** @return products */
        @AttributeDefinition(name = "Instruments", description = "Comma list of Kraken Futures product ids, e.g."
                + " PF_XBTUSD,PF_ETHUSD (any case)")
        String instruments();

        /** @return ws endpoint */
        @AttributeDefinition(name = "WebSocket URL", required = false)
        String ws_url() default WS_URL;

        /** @return rest base */
        @AttributeDefinition(name = "REST base URL", description = "Not used by the book feed", required = false)
        String rest_url() default REST_URL;

        /** @return staleness */
        @AttributeDefinition(name = "Staleness limit (ms)", description = "Reconnect when nothing (not even a heartbeat)"
                + " arrived for this long", required = false)
        long stale_ms() default 10_000;

        /** @return ping interval */
        @AttributeDefinition(name = "Ping interval (ms)", description = "WebSocket ping frames; Kraken wants one at"
                + " least every 60 s", required = false)
        long ping_interval_ms() default 30_000;
    }

    /**
     * @param books the book factory
     * @param props the configuration
     */
    @Activate
    public KrakenFuturesFeed(@Reference OrderBookFactory books, Map<String, Object> props) {
        super(Venue.KRAKEN_FUTURES, WS_URL, REST_URL, "", props, books, KrakenProtocol::new);
    }
}
