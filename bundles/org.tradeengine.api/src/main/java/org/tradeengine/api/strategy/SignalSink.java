// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.strategy;

/** Receives the signals a strategy produces; called on the engine's business thread. */
@FunctionalInterface
public interface SignalSink {

    /**
     * Takes a signal. The engine numbers, counts, records and routes it.
     *
     * @param signal the signal (its sequence may be 0; the engine assigns it)
     */
    void accept(Signal signal);
}
