// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.strategy;

import org.tradeengine.api.book.BookFeatures;

/**
 * The global through which entry rules raise signals. Entry rule files declare
 * {@code global org.tradeengine.api.strategy.EntrySignals signals;} and call
 * {@code signals.buy($f, drools.getRule().getName())} in a consequence. The strategy that runs the rules
 * decides what a call becomes (spot-only venues drop sells); scenario runs record the calls.
 */
public interface EntrySignals {

    /** Name of the global in entry rule files. */
    String GLOBAL = "signals";

    /**
     * Asks to buy.
     *
     * @param features the facts the rule matched
     * @param rule the rule's name
     */
    void buy(BookFeatures features, String rule);

    /**
     * Asks to sell (dropped on spot-only venues).
     *
     * @param features the facts the rule matched
     * @param rule the rule's name
     */
    void sell(BookFeatures features, String rule);
}
