// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.feed;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;

/**
 * A source of level-2 book events for one venue: a live WebSocket feed or a replay of a recording. Feeds are
 * hot-swappable services with the service properties {@value #PROPERTY_VENUE} and {@value #PROPERTY_FEED_ID};
 * the engine binds them dynamically and never restarts because one came or went.
 */
public interface MarketDataFeed {

    /** Service property: the venue name ({@link Venue#name()}). */
    String PROPERTY_VENUE = "venue";

    /** Service property: the feed instance id. */
    String PROPERTY_FEED_ID = "feed.id";

    /** @return the feed instance id */
    String id();

    /** @return the venue */
    Venue venue();

    /**
     * Adds a listener. A listener only gets updates of an instrument after a snapshot of it: a feed that
     * already runs re-synchronises (or re-sends its current book as a snapshot) for a listener added late.
     *
     * @param listener the listener
     */
    void addListener(FeedListener listener);

    /**
     * Removes a listener.
     *
     * @param listener the listener
     */
    void removeListener(FeedListener listener);

    /** @return the current status and counters */
    FeedStatus status();

    /**
     * Returns the scales this feed uses for an instrument's raw prices and quantities; a book fed by this
     * feed must use the same spec.
     *
     * @param instrument the instrument
     * @return its spec (by default the one from {@link InstrumentSpecs#lookup(InstrumentId)})
     */
    default InstrumentSpec spec(InstrumentId instrument) {
        return InstrumentSpecs.lookup(instrument);
    }
}
