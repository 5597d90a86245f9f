// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.engine.internal;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.feed.FeedListener;
import org.tradeengine.api.feed.MarketDataFeed;
import org.tradeengine.api.model.InstrumentId;

/** The engine's listener on one feed: hands its events to the business thread, tagged with the feed id. */
final class FeedBinding implements FeedListener {

    private final MarketDataFeed feed;
    private final BusinessLoop loop;
    private final Logger logger = LoggerFactory.getLogger(FeedBinding.class);
    private final Set<InstrumentId> refused = ConcurrentHashMap.newKeySet();
    private volatile boolean open;

    FeedBinding(MarketDataFeed feed, BusinessLoop loop) {
        this.feed = feed;
        this.loop = loop;
    }

    MarketDataFeed feed() {
        return feed;
    }

    void open() {
        open = true;
        feed.addListener(this);
    }

    void close() {
        open = false;
        feed.removeListener(this);
    }

    @Override
    public void onDelta(BookDelta delta) {
        if (!open) {
            return;
        }
        try {
            if (!loop.submit(delta, feed.id()) && refused.add(delta.instrument())) {
                logger.warn("Feed {}: {} is already fed by feed {}; this feed's events for it are ignored (configure one"
                        + " feed per instrument)", feed.id(), delta.instrument(), loop.pipeline().owners().get(delta.instrument()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Some instruments this feed was refused are free now: listen again, so the feed sends their current books.
     *
     * @param released instruments whose feed went away
     */
    void released(Collection<InstrumentId> released) {
        if (open && refused.removeAll(released)) {
            feed.removeListener(this);
            feed.addListener(this);
            logger.info("Feed {} takes over {} (the feed that had them went away)", feed.id(), released);
        }
    }

    @Override
    public void onReset(InstrumentId instrument, String reason) {
        String owner = loop.pipeline().owners().get(instrument);
        if (!open || owner != null && !owner.equals(feed.id())) {
            return; // not this feed's book
        }
        try {
            loop.execute(() -> loop.pipeline().resetBook(instrument, reason), Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
