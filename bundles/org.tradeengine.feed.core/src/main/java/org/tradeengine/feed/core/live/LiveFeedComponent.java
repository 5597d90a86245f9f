// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.live;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.feed.FeedListener;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.feed.MarketDataFeed;
import org.tradeengine.api.feed.RawMessageSink;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;

/**
 * What the DS component of every live feed bundle does: read the configuration, run a {@link LiveFeed}, pass raw
 * messages to the sinks. A feed bundle subclasses it with its venue's defaults, protocol, configuration type and
 * {@code @Component} (constructor injection of the {@link OrderBookFactory}); the deactivate method and the dynamic
 * {@link RawMessageSink} reference are declared here, once, and reach each feed's component description through bnd's
 * {@code -dsannotations-options: inherit}.
 */
public abstract class LiveFeedComponent implements MarketDataFeed {

    private final LiveFeed feed;

    /**
     * Checks the configuration and starts the feed.
     *
     * @param venue the venue
     * @param defaultWsUrl production WebSocket base
     * @param defaultRestUrl production REST base
     * @param defaultDepthStream depth stream suffix or ""
     * @param props the component configuration
     * @param books the book factory
     * @param protocol creates the venue protocol from the settings and the spec lookup
     * @throws IllegalArgumentException if the configuration is wrong, naming the key
     */
    protected LiveFeedComponent(Venue venue, String defaultWsUrl, String defaultRestUrl, String defaultDepthStream,
            Map<String, ?> props, OrderBookFactory books,
            BiFunction<LiveFeedSettings, Function<InstrumentId, InstrumentSpec>, VenueProtocol> protocol) {
        LiveFeedSettings settings = LiveFeedSettings.of(venue, defaultWsUrl, defaultRestUrl, defaultDepthStream, props);
        Function<InstrumentId, InstrumentSpec> specs = InstrumentSpecs::lookup;
        this.feed = new LiveFeed(settings, protocol.apply(settings, specs), books, specs);
        feed.start();
    }

    /** Stops the feed. */
    @Deactivate
    public void deactivate() {
        feed.stop();
    }

    /**
     * A raw message sink (the recorder) came.
     *
     * @param sink the sink
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void bindSink(RawMessageSink sink) {
        feed.addRawSink(sink);
    }

    /**
     * A raw message sink went.
     *
     * @param sink the sink
     */
    public void unbindSink(RawMessageSink sink) {
        feed.removeRawSink(sink);
    }

    @Override
    public String id() {
        return feed.id();
    }

    @Override
    public Venue venue() {
        return feed.venue();
    }

    @Override
    public void addListener(FeedListener listener) {
        feed.addListener(listener);
    }

    @Override
    public void removeListener(FeedListener listener) {
        feed.removeListener(listener);
    }

    @Override
    public FeedStatus status() {
        return feed.status();
    }

    @Override
    public InstrumentSpec spec(InstrumentId instrument) {
        return feed.spec(instrument);
    }
}
