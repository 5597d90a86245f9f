// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.util.List;
import java.util.Optional;

/**
 * One plain-language scenario: the facts the rules see and what they must do with them.
 *
 * @param file the scenario file, relative to the rules folder
 * @param line the line of its {@code Scenario:} heading
 * @param title its title
 * @param facts the facts inserted into a fresh session, in this order
 * @param thenLine the line of its {@code Then}
 * @param expected what the rules must do
 */
record Scenario(String file, int line, String title, List<Object> facts, int thenLine, Expectation expected) {

    /**
     * Copies the facts.
     *
     * @param file file
     * @param line heading line
     * @param title title
     * @param facts facts
     * @param thenLine Then line
     * @param expected expectation
     */
    Scenario {
        facts = List.copyOf(facts);
    }

    /** What the rules must do; its {@code toString()} says it in the scenario's words ("DENY by max-exposure"). */
    interface Expectation {

        /** @return a fresh recorder for one run of the rules */
        Recorder newRecorder();
    }

    /** The global the rules call during one run, recording the calls. */
    interface Recorder {

        /** @return the name of the global it stands for ({@code signals}, {@code verdicts}, {@code exits}) */
        String global();

        /** @return empty if the calls meet the expectation, else what the rules did, e.g. "rules signalled nothing" */
        Optional<String> mismatch();
    }
}
