// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.rules;

import java.time.Instant;
import java.util.List;

/** One compiled, validated generation of a rule set; immutable. */
public interface RuleSet {

    /** @return the rule set name ({@code entry}, {@code risk}) */
    String name();

    /** @return the generation, increasing with every deployment */
    long generation();

    /** @return when this generation was put in force */
    Instant deployedAt();

    /** @return the files compiled into it */
    List<RuleFileInfo> files();

    /** @return the names of its rules */
    List<String> ruleNames();

    /**
     * Opens a new session on this generation.
     *
     * @return the session; the caller closes it
     */
    RuleSession newSession();
}
