// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.live;

import java.util.function.BooleanSupplier;

import org.tradeengine.api.book.BookState;
import org.tradeengine.api.feed.FeedState;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.feed.MarketDataFeed;
import org.tradeengine.api.model.InstrumentId;

/** Polling helpers for feed tests: wait for a condition with a generous timeout, never assert on time. */
public final class FeedAwait {

    /** Long enough for any recovery on a loaded CI machine. */
    public static final long TIMEOUT_MS = 30_000;

    private FeedAwait() {
    }

    /**
     * @param what the condition, for the failure message
     * @param condition polled every 5 ms
     */
    public static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TIMEOUT_MS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + TIMEOUT_MS + " ms waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * @param feed a feed
     * @return whether it is connected and every instrument's book is LIVE
     */
    public static boolean live(MarketDataFeed feed) {
        FeedStatus s = feed.status();
        return s.state() == FeedState.LIVE && s.instruments().stream().allMatch(i -> i.bookState() == BookState.LIVE);
    }

    /**
     * @param feed a feed
     * @param id one of its instruments
     * @return whether that instrument's book is LIVE
     */
    public static boolean live(MarketDataFeed feed, InstrumentId id) {
        return feed.status().instruments().stream().anyMatch(i -> i.instrument().equals(id) && i.bookState() == BookState.LIVE);
    }

    /**
     * @param feed a feed
     * @param id one of its instruments
     * @return that instrument's resync count
     */
    public static long resyncs(MarketDataFeed feed, InstrumentId id) {
        return feed.status().instruments().stream().filter(i -> i.instrument().equals(id)).findFirst().orElseThrow().resyncs();
    }
}
