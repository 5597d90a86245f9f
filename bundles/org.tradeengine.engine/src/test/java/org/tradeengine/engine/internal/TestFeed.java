// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.engine.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.feed.FeedListener;
import org.tradeengine.api.feed.FeedState;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.feed.MarketDataFeed;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Venue;

/** A feed the test drives by hand: the venue itself cannot exist here, everything after it is real. */
final class TestFeed implements MarketDataFeed {

    static final InstrumentId PERP = InstrumentId.ofVenueSymbol(Venue.BINANCE_FUTURES, "BTCUSDT");

    private final String id;
    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();

    TestFeed(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Venue venue() {
        return Venue.BINANCE_FUTURES;
    }

    @Override
    public void addListener(FeedListener l) {
        listeners.add(l);
    }

    @Override
    public void removeListener(FeedListener l) {
        listeners.remove(l);
    }

    int listenerCount() {
        return listeners.size();
    }

    @Override
    public FeedStatus status() {
        return new FeedStatus(id, Venue.BINANCE_FUTURES, FeedState.LIVE, null, 0, 0, "test", List.of());
    }

    void snapshot(long id, long[] bids, long[] asks) {
        publish(delta(BookDelta.Kind.SNAPSHOT, id, id, 0, bids, asks));
    }

    void update(long prev, long id, long[] bids, long[] asks) {
        publish(delta(BookDelta.Kind.UPDATE, id, id, prev, bids, asks));
    }

    void reset(String reason) {
        listeners.forEach(l -> l.onReset(PERP, reason));
    }

    private void publish(BookDelta d) {
        listeners.forEach(l -> l.onDelta(d));
    }

    /** Levels as pairs {price, qty, price, qty, ...} in raw units (price scale 1, qty scale 3 for BTCUSDT-PERP). */
    private static BookDelta delta(BookDelta.Kind kind, long first, long last, long prev, long[] bids, long[] asks) {
        long[][] b = split(bids);
        long[][] a = split(asks);
        return new BookDelta(PERP, kind, first, last, prev, 1_723_161_256_299L, last, b[0], b[1], b[0].length,
                a[0], a[1], a[0].length);
    }

    private static long[][] split(long[] pairs) {
        long[] p = new long[pairs.length / 2];
        long[] q = new long[pairs.length / 2];
        for (int i = 0; i < p.length; i++) {
            p[i] = pairs[2 * i];
            q[i] = pairs[2 * i + 1];
        }
        return new long[][] {p, q};
    }
}
