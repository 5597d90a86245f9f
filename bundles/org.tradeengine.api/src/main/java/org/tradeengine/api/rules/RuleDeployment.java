// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.rules;

import java.time.Instant;
import java.util.List;

/**
 * The record of one attempt to deploy a rule set: what was tried, when, and what came of it.
 *
 * @param ruleSet the rule set ({@code entry}, {@code risk})
 * @param file the file that triggered the attempt (relative to the rules folder), or {@code *} for all
 * @param sha256 hex SHA-256 of the file's content (of all files, in name order, for {@code *})
 * @param at when the attempt finished
 * @param outcome what happened
 * @param generation the generation in force afterwards (new on success, the old one otherwise)
 * @param trigger who or what asked: {@code startup}, {@code file-change}, {@code shell:<user>}
 * @param problems compile errors and failed scenarios; empty on success
 */
public record RuleDeployment(String ruleSet, String file, String sha256, Instant at, Outcome outcome, long generation,
        String trigger, List<RuleProblem> problems) {

    /** The result of a deployment attempt. */
    public enum Outcome {
        /** Compiled, passed the scenarios, and now in force. */
        DEPLOYED,
        /** Compile error or failed scenario: the previous rules stay in force. */
        REJECTED,
        /** Content identical to what is in force: nothing changed. */
        UNCHANGED
    }

    /**
     * Makes the problem list unmodifiable.
     *
     * @param ruleSet rule set
     * @param file file
     * @param sha256 content hash
     * @param at time
     * @param outcome outcome
     * @param generation generation in force afterwards
     * @param trigger who asked
     * @param problems what was wrong
     */
    public RuleDeployment {
        problems = List.copyOf(problems);
    }

    /** @return the first problem as text, or empty */
    public String firstError() {
        return problems.isEmpty() ? "" : problems.get(0).toString();
    }
}
