// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.util.Set;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.tradeengine.api.rules.RuleSession;

/** A stateful Drools session behind the Drools-free {@link RuleSession}; owned by one thread. */
final class DroolsRuleSession implements RuleSession {

    private final KieSession session;
    private final Set<String> globals;
    private final long generation;

    /** A fact handle kept opaque to callers. */
    private record Ref(FactHandle handle, DroolsRuleSession owner) implements FactRef {
    }

    DroolsRuleSession(KieSession session, Set<String> globals, long generation) {
        this.session = session;
        this.globals = globals;
        this.generation = generation;
    }

    @Override
    public void setGlobal(String name, Object value) {
        // Drools throws for a global the rules do not declare; a rule file without it simply does not use it
        if (globals.contains(name)) {
            session.setGlobal(name, value);
        }
    }

    @Override
    public FactRef insert(Object fact) {
        return new Ref(session.insert(fact), this);
    }

    @Override
    public void update(FactRef ref, Object fact) {
        session.update(handle(ref), fact);
    }

    @Override
    public void delete(FactRef ref) {
        session.delete(handle(ref));
    }

    @Override
    public int fireAllRules() {
        return session.fireAllRules();
    }

    /**
     * Fires at most {@code max} rules, so a rule that keeps re-activating itself cannot hang a scenario run.
     *
     * @param max the limit
     * @return number of rules fired
     */
    int fireAllRules(int max) {
        return session.fireAllRules(max);
    }

    @Override
    public long generation() {
        return generation;
    }

    @Override
    public void close() {
        session.dispose();
    }

    private FactHandle handle(FactRef ref) {
        if (ref instanceof Ref r && r.owner == this) {
            return r.handle;
        }
        throw new IllegalArgumentException("fact reference " + ref + " does not belong to this session");
    }
}
