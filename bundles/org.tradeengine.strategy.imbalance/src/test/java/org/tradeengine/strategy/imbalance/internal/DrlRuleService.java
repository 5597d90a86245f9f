// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.strategy.imbalance.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.utils.KieHelper;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.api.rules.RuleFileInfo;
import org.tradeengine.api.rules.RuleProblem;
import org.tradeengine.api.rules.RuleService;
import org.tradeengine.api.rules.RuleSession;
import org.tradeengine.api.rules.RuleSet;
import org.tradeengine.api.rules.RuleSetStatus;

/**
 * A minimal in-test {@link RuleService}: compiles DRL text with Drools (KieHelper) so the strategy and its exits
 * are tested with real rules, independently of the rules bundle.
 */
final class DrlRuleService implements RuleService {

    private final Map<String, RuleSet> inForce = new ConcurrentHashMap<>();
    private long generation;

    /** Compiles and puts DRL text in force as the next generation of the entry set. */
    void deploy(String drl) {
        deploy(ENTRY, drl);
    }

    /** Compiles and puts DRL text in force as the next generation of a rule set. */
    void deploy(String set, String drl) {
        KieBase base = new KieHelper().addContent(drl, ResourceType.DRL).build();
        long gen = ++generation;
        inForce.put(set, new RuleSet() {
            @Override
            public String name() {
                return set;
            }

            @Override
            public long generation() {
                return gen;
            }

            @Override
            public Instant deployedAt() {
                return Instant.now();
            }

            @Override
            public List<RuleFileInfo> files() {
                return List.of();
            }

            @Override
            public List<String> ruleNames() {
                List<String> names = new ArrayList<>();
                for (KiePackage p : base.getKiePackages()) {
                    for (Rule r : p.getRules()) {
                        names.add(r.getName());
                    }
                }
                return names;
            }

            @Override
            public RuleSession newSession() {
                return new Session(base.newKieSession(), gen);
            }
        });
    }

    void withdraw() {
        withdraw(ENTRY);
    }

    void withdraw(String set) {
        inForce.remove(set);
    }

    @Override
    public Optional<RuleSet> current(String ruleSet) {
        return Optional.ofNullable(inForce.get(ruleSet));
    }

    @Override
    public List<RuleSetStatus> status() {
        return List.of();
    }

    @Override
    public List<RuleDeployment> deployments(int limit) {
        return List.of();
    }

    @Override
    public RuleDeployment reload(String ruleSet, String trigger) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<RuleProblem> validate(String ruleSet, Path candidate) {
        return List.of();
    }

    @Override
    public List<String> ruleSets() {
        return List.of(ENTRY, EXIT);
    }

    @Override
    public List<String> files(String ruleSet) {
        return List.of();
    }

    @Override
    public Path rulesDirectory() {
        return Path.of(".");
    }

    private record Ref(FactHandle handle) implements RuleSession.FactRef {
    }

    private static final class Session implements RuleSession {
        private final KieSession ks;
        private final long gen;

        Session(KieSession ks, long gen) {
            this.ks = ks;
            this.gen = gen;
        }

        @Override
        public void setGlobal(String name, Object value) {
            ks.setGlobal(name, value);
        }

        @Override
        public FactRef insert(Object fact) {
            return new Ref(ks.insert(fact));
        }

        @Override
        public void update(FactRef ref, Object fact) {
            ks.update(((Ref) ref).handle(), fact);
        }

        @Override
        public void delete(FactRef ref) {
            ks.delete(((Ref) ref).handle());
        }

        @Override
        public int fireAllRules() {
            return ks.fireAllRules();
        }

        @Override
        public long generation() {
            return gen;
        }

        @Override
        public void close() {
            ks.dispose();
        }
    }
}
