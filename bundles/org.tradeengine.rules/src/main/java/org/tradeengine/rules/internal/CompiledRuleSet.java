// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.tradeengine.api.rules.RuleFileInfo;
import org.tradeengine.api.rules.RuleSet;

/** One generation of a rule set: its KieBase and what it was built from. Immutable. */
final class CompiledRuleSet implements RuleSet {

    private final String name;
    private final long generation;
    private final Instant deployedAt;
    private final List<SourceFile> sources;
    private final List<RuleFileInfo> files;
    private final RuleCompiler.Compiled compiled;
    private final List<String> ruleNames;
    private final Set<String> globals;

    /**
     * Wraps compiled rules.
     *
     * @param name rule set name
     * @param generation its generation
     * @param deployedAt when it goes in force
     * @param sources the files compiled
     * @param compiled the rules
     * @param previous the generation it replaces, or null: files it already had keep their time in force
     */
    CompiledRuleSet(String name, long generation, Instant deployedAt, List<SourceFile> sources, RuleCompiler.Compiled compiled,
            CompiledRuleSet previous) {
        this.name = name;
        this.generation = generation;
        this.deployedAt = deployedAt;
        this.sources = List.copyOf(sources);
        this.compiled = compiled;
        Map<String, RuleFileInfo> before = previous == null ? Map.of()
                : previous.files.stream().collect(Collectors.toMap(RuleFileInfo::file, Function.identity()));
        List<RuleFileInfo> infos = new ArrayList<>();
        for (SourceFile f : sources) {
            RuleFileInfo old = before.get(f.name());
            infos.add(old != null && old.sha256().equals(f.sha256()) ? old : new RuleFileInfo(f.name(), f.sha256(), deployedAt));
        }
        this.files = List.copyOf(infos);
        List<String> rules = new ArrayList<>();
        Set<String> globalNames = new HashSet<>();
        for (KiePackage p : compiled.kieBase().getKiePackages()) {
            p.getRules().stream().map(Rule::getName).forEach(rules::add);
            p.getGlobalVariables().stream().map(Global::getName).forEach(globalNames::add);
        }
        rules.sort(null);
        this.ruleNames = List.copyOf(rules);
        this.globals = Set.copyOf(globalNames);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long generation() {
        return generation;
    }

    @Override
    public Instant deployedAt() {
        return deployedAt;
    }

    @Override
    public List<RuleFileInfo> files() {
        return files;
    }

    @Override
    public List<String> ruleNames() {
        return ruleNames;
    }

    @Override
    public DroolsRuleSession newSession() {
        return new DroolsRuleSession(compiled.kieBase().newKieSession(), globals, generation);
    }

    /** @return the files it was compiled from */
    List<SourceFile> sources() {
        return sources;
    }

    /** @return the Drools rules */
    RuleCompiler.Compiled compiled() {
        return compiled;
    }

    /**
     * Tells whether candidate files are exactly the files in force.
     *
     * @param candidate files in name order
     * @return true if names and contents are equal
     */
    boolean hasSources(List<SourceFile> candidate) {
        return sources.equals(candidate);
    }

    @Override
    public String toString() {
        return name + " generation " + generation + " " + ruleNames;
    }
}
