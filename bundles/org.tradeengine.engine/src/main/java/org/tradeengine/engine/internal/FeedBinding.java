// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.engine.internal;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.feed.FeedListener;
import org.tradeengine.api.feed.MarketDataFeed;
import org.tradeengine.api.model.InstrumentId;

/** The engine's listener on one feed: hands its events to the business thread, tagged with the feed id. */
final class FeedBinding implements FeedListener {

    private final MarketDataFeed feed;
    private final BusinessLoop loop;
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
            loop.submit(delta, feed.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onReset(InstrumentId instrument, String reason) {
        if (!open) {
            return;
        }
        try {
            loop.execute(() -> loop.pipeline().resetBook(instrument, reason), Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
