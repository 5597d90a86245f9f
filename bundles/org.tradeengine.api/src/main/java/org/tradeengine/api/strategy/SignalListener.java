// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.strategy;

import org.tradeengine.api.book.BookView;

/**
 * Receives every numbered signal, on the engine's business thread, right when it is produced (the trading desk turns
 * signals into orders). Services of this type are bound dynamically by the engine.
 */
public interface SignalListener {

    /**
     * @param signal the signal
     * @param book the book it was computed from, after the event (read-only, valid during the call)
     * @param localTimeNanos the event's local time (recorded time in a replay): the trading clock
     */
    void onSignal(Signal signal, BookView book, long localTimeNanos);
}
