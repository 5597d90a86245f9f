// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.live;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.model.InstrumentSpec;

/** What a {@link VenueProtocol} found in one frame or snapshot body. */
public interface FrameSink {

    /**
     * A depth update whose previousUpdateId is already set by the venue's rule.
     *
     * @param instrument its instrument
     * @param update the UPDATE delta
     */
    void update(InstrumentSpec instrument, BookDelta update);

    /**
     * A snapshot (REST body or in-stream).
     *
     * @param instrument its instrument
     * @param snapshot the SNAPSHOT delta
     */
    void snapshot(InstrumentSpec instrument, BookDelta snapshot);

    /**
     * A message that is not applied: malformed, unknown type, wrong symbol, bad number.
     *
     * @param instrument the instrument it concerns, null if unknown
     * @param what what is wrong
     */
    void malformed(InstrumentSpec instrument, String what);

    /**
     * A recognised message the book does not need (trades, tickers, heartbeats, subscription acks).
     *
     * @param instrument the instrument it concerns, null for session messages
     */
    void skipped(InstrumentSpec instrument);

    /**
     * The venue announced that this connection ends (Binance serverShutdown): reconnect now.
     *
     * @param why what the venue said
     */
    void sessionEnding(String why);

    /**
     * The venue refused a subscription or reported an error about one instrument (its book cannot sync).
     *
     * @param instrument the instrument, null if the error names none
     * @param what the venue's message
     */
    void venueError(InstrumentSpec instrument, String what);
}
