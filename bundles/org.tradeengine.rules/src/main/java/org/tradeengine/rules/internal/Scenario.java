// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import org.tradeengine.api.book.BookFeatures;

/**
 * One plain-language scenario: a book and what the entry rules must signal for it.
 *
 * @param file the scenario file, relative to the rules folder
 * @param line the line of its {@code Scenario:} heading
 * @param title its title
 * @param given the book features the rules see
 * @param thenLine the line of its {@code Then}
 * @param expected what the rules must signal
 */
record Scenario(String file, int line, String title, BookFeatures given, int thenLine, Expectation expected) {

    /** What entry rules must signal. */
    enum Expectation {
        /** At least one buy and no sell. */
        BUY,
        /** At least one sell and no buy. */
        SELL,
        /** No signal at all. */
        NOTHING;

        @Override
        public String toString() {
            return this == NOTHING ? "nothing" : name();
        }
    }
}
