// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.rules;

import java.time.Instant;

/**
 * A rule file in force.
 *
 * @param file name relative to the rules folder, e.g. {@code entry/imbalance.drl}
 * @param sha256 hex SHA-256 of its content
 * @param deployedAt when this content was put in force
 */
public record RuleFileInfo(String file, String sha256, Instant deployedAt) {
}
