// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.rules;

/**
 * A stateful rule session over one generation of a rule set, without Drools types. Not thread-safe: it
 * belongs to the thread that created it (the engine's business thread).
 */
public interface RuleSession extends AutoCloseable {

    /** An inserted fact. */
    interface FactRef {
    }

    /**
     * Sets a global declared by the rules. Unknown globals are ignored.
     *
     * @param name global name
     * @param value its value
     */
    void setGlobal(String name, Object value);

    /**
     * Inserts a fact.
     *
     * @param fact the fact
     * @return its handle
     */
    FactRef insert(Object fact);

    /**
     * Replaces a fact with a new value (may be another instance of the same type).
     *
     * @param ref the handle from {@link #insert(Object)}
     * @param fact the new value
     */
    void update(FactRef ref, Object fact);

    /**
     * Removes a fact.
     *
     * @param ref the handle
     */
    void delete(FactRef ref);

    /**
     * Fires all activated rules.
     *
     * @return number of rules fired
     */
    int fireAllRules();

    /** @return the generation of the rule set this session runs */
    long generation();

    /** Disposes the session. */
    @Override
    void close();
}
