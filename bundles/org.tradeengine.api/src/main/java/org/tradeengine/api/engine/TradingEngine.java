// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.engine;

import java.util.List;
import java.util.Optional;

import org.tradeengine.api.book.BookSnapshot;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.strategy.Signal;

/**
 * The engine's read side, for the shell, the REST API and tests. Every method is safe to call from any
 * thread; books are copied on the business thread so a snapshot is always consistent.
 */
public interface TradingEngine {

    /** @return engine-wide counters and per-instrument status */
    EngineStatus status();

    /** @return the instruments the engine keeps a book for */
    List<InstrumentId> instruments();

    /**
     * Copies the top of a book.
     *
     * @param instrument the instrument
     * @param depth levels per side
     * @return the book, empty if the engine has no book for it
     */
    Optional<BookSnapshot> book(InstrumentId instrument, int depth);

    /**
     * Returns the latest signals, newest first.
     *
     * @param limit maximum number
     * @return the signals
     */
    List<Signal> recentSignals(int limit);

    /** @return the status of every bound feed */
    List<FeedStatus> feeds();
}
