// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.broker;

import org.tradeengine.api.book.BookView;

/**
 * Sees every book the engine keeps, right after each event is applied, on the engine's business thread: the paper
 * broker matches its simulated orders here against the book as it is at that moment (so an order with a latency
 * meets the first book at or after its arrival time). Implementations must be quick and must not keep the view.
 */
public interface BookObserver {

    /**
     * One applied event.
     *
     * @param book the book after the event (read-only, valid during the call); its state tells LIVE or not
     * @param localTimeNanos the event's local receive time (recorded time in a replay): the simulation clock
     */
    void onBook(BookView book, long localTimeNanos);
}
