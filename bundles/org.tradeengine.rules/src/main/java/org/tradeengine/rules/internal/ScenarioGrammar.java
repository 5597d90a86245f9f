// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.util.List;

import org.tradeengine.api.rules.RuleService;

/**
 * The scenario language of one rule set: what its Given, And, When and Then lines say, and how they become facts
 * and an expectation. {@link ScenarioParser} reads the structure common to all.
 */
interface ScenarioGrammar {

    /** Where a mistake is reported: the line and what is wrong. */
    @FunctionalInterface
    interface Problems {

        /**
         * Reports a mistake.
         *
         * @param line 1-based line
         * @param message what is wrong and the form expected
         */
        void at(int line, String message);
    }

    /**
     * What a complete scenario became.
     *
     * @param facts the facts to insert, in order
     * @param expected what the rules must do with them
     */
    record Built(List<Object> facts, Scenario.Expectation expected) {
    }

    /** One scenario being read; statements come in file order, then {@link #build(Problems)}. */
    interface Draft {

        /**
         * Reads a Given or And statement.
         *
         * @param line its line
         * @param text the statement without its keyword
         * @param first true for the Given, false for an And
         * @param problems where mistakes go
         */
        void given(int line, String text, boolean first, Problems problems);

        /**
         * Reads the When statement (only called if the language has one).
         *
         * @param line its line
         * @param text the statement without its keyword
         * @param problems where mistakes go
         */
        void when(int line, String text, Problems problems);

        /**
         * Reads the Then statement.
         *
         * @param line its line
         * @param text what follows {@code Then the <set> rules}
         * @param problems where mistakes go
         */
        void then(int line, String text, Problems problems);

        /**
         * Puts the statements together once the scenario is complete.
         *
         * @param problems where mistakes go
         * @return the facts and expectation, or null if a mistake was reported
         */
        Built build(Problems problems);
    }

    /** @return a draft for the next scenario */
    Draft draft();

    /** @return the form of a Given, for messages */
    String givenForm();

    /** @return the form of a When, or null if this language has none */
    String whenForm();

    /** @return the form of a Then, for messages */
    String thenForm();

    /** @return what a scenario consists of, for a line that cannot be read */
    String usage();

    /**
     * Returns the language of a rule set.
     *
     * @param ruleSet entry, risk or exit
     * @return its grammar
     * @throws IllegalArgumentException for a rule set without scenarios
     */
    static ScenarioGrammar of(String ruleSet) {
        return switch (ruleSet) {
            case RuleService.ENTRY -> new EntryScenarios();
            case RuleService.RISK -> new RiskScenarios();
            case RuleService.EXIT -> new ExitScenarios();
            default -> throw new IllegalArgumentException("no scenario language for rule set '" + ruleSet + "'");
        };
    }
}
