// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.live;

import java.net.URI;
import java.util.List;

import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.feed.core.sync.SyncRules;

/**
 * What is particular to one venue's market-data protocol; {@link LiveFeed} does the rest (connection, reconnect,
 * staleness, synchronisation, books, counters, listeners). Every method is called on the feed's thread.
 */
public interface VenueProtocol {

    /** @return the venue's snapshot/diff continuity rules */
    SyncRules rules();

    /**
     * @param instruments the feed's instruments
     * @return the WebSocket URI to open (Binance: the combined stream of every depth stream)
     */
    URI streamUri(List<InstrumentSpec> instruments);

    /**
     * @param instruments the feed's instruments
     * @return text messages to send once the socket is open (Kraken: the subscriptions), possibly none
     */
    List<String> onOpen(List<InstrumentSpec> instruments);

    /**
     * Reads one frame and reports what it is through the sink (exactly one call per frame).
     *
     * @param frame the frame text bytes in {@code [0, length)}
     * @param length valid bytes
     * @param localTimeNanos local receive time
     * @param sink where to report
     */
    void onFrame(byte[] frame, int length, long localTimeNanos, FrameSink sink);

    /**
     * @param instrument an instrument that needs a snapshot
     * @return the REST URI of its snapshot, or null if the venue sends snapshots in the stream after
     *     {@link #resubscribe}
     */
    URI snapshotUri(InstrumentSpec instrument);

    /**
     * Reads a REST snapshot body.
     *
     * @param body the body bytes in {@code [0, length)}
     * @param length valid bytes
     * @param localTimeNanos local receive time
     * @param instrument the instrument it was asked for
     * @param sink where to report (a snapshot or a malformed message)
     */
    void onSnapshotBody(byte[] body, int length, long localTimeNanos, InstrumentSpec instrument, FrameSink sink);

    /**
     * @param instrument an instrument whose book broke
     * @return messages that make the venue send a fresh in-stream snapshot of it (Kraken: unsubscribe + subscribe);
     *     empty for REST-snapshot venues
     */
    List<String> resubscribe(InstrumentSpec instrument);
}
