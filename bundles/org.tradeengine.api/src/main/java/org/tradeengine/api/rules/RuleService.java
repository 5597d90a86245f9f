// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Rule sets compiled from the files under the rules folder ({@code <rules>/<set>/*.drl}), validated against the
 * plain-language scenarios in {@code <rules>/scenarios/} before they go in force, and swapped atomically.
 * Users read {@link #current(String)} between two events and open a new session when the generation changed.
 */
public interface RuleService {

    /** Entry rules: book features to signals. */
    String ENTRY = "entry";

    /** Risk rules: orders and marks to allow / deny / halt. */
    String RISK = "risk";

    /** The exit rule set ({@code rules/exit/*.drl}): when to close a position (profit target, stop loss, time stop). */
    String EXIT = "exit";

    /**
     * Returns the generation in force.
     *
     * @param ruleSet rule set name
     * @return the rules in force, empty if none compiled yet (callers must then fail closed)
     */
    Optional<RuleSet> current(String ruleSet);

    /** @return what is in force for every rule set, with the last attempt of each */
    List<RuleSetStatus> status();

    /**
     * Returns the most recent deployment attempts, newest first.
     *
     * @param limit maximum number returned
     * @return the attempts
     */
    List<RuleDeployment> deployments(int limit);

    /**
     * Validates the files of a rule set as they are on disk and deploys them if they pass.
     *
     * @param ruleSet rule set name
     * @param trigger who asks, recorded with the attempt
     * @return the attempt
     */
    RuleDeployment reload(String ruleSet, String trigger);

    /**
     * Compiles a rule set with one file replaced and runs the scenarios, without deploying anything.
     *
     * @param ruleSet rule set name
     * @param candidate the candidate file (replaces the file of the same name, or is added)
     * @return the problems found; empty if it would deploy
     */
    List<RuleProblem> validate(String ruleSet, Path candidate);

    /** @return the rule set names (folders) known */
    List<String> ruleSets();

    /**
     * Lists the rule files of a rule set, relative to the rules folder (for shell completion).
     *
     * @param ruleSet rule set name
     * @return file names such as {@code entry/imbalance.drl}
     */
    List<String> files(String ruleSet);

    /** @return the rules folder */
    Path rulesDirectory();
}
