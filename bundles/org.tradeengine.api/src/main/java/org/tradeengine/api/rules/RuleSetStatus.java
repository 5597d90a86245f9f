// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.rules;

import java.time.Instant;
import java.util.List;

/**
 * What is in force for one rule set, and how the last attempt went.
 *
 * @param ruleSet the rule set name
 * @param generation generation in force (0: none)
 * @param deployedAt when it was put in force, null if none
 * @param files the files in force
 * @param rules names of the rules in force
 * @param lastAttempt the latest deployment attempt, null if none
 */
public record RuleSetStatus(String ruleSet, long generation, Instant deployedAt, List<RuleFileInfo> files, List<String> rules,
        RuleDeployment lastAttempt) {

    /**
     * Makes the lists unmodifiable.
     *
     * @param ruleSet name
     * @param generation generation
     * @param deployedAt time
     * @param files files
     * @param rules rule names
     * @param lastAttempt last attempt
     */
    public RuleSetStatus {
        files = List.copyOf(files);
        rules = List.copyOf(rules);
    }

    /** @return the last attempt's first error if it was rejected, else empty */
    public String lastError() {
        return lastAttempt != null && lastAttempt.outcome() == RuleDeployment.Outcome.REJECTED ? lastAttempt.firstError() : "";
    }
}
