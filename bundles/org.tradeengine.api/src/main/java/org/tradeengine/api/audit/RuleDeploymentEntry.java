// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.audit;

import java.time.Instant;

/**
 * One journaled rule deployment attempt.
 *
 * @param at when
 * @param ruleSet rule set
 * @param file the file
 * @param sha256 the file's hash
 * @param outcome DEPLOYED, REJECTED, ...
 * @param generation the generation deployed, if any
 * @param trigger what started it (file change, reload command, start)
 * @param error the problems, if any
 */
public record RuleDeploymentEntry(Instant at, String ruleSet, String file, String sha256, String outcome,
        Long generation, String trigger, String error) {
}
