// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.api.rules.RuleDeployment.Outcome;
import org.tradeengine.api.rules.RuleProblem;
import org.tradeengine.api.rules.RuleService;
import org.tradeengine.api.rules.RuleSet;

/**
 * Puts rule sets in force: 1. read the files 2. compile 3. run the scenarios 4. swap atomically 5. record the
 * attempt. Attempts are serialised (watcher thread, shell and startup may ask at once); readers of the rules
 * in force never wait.
 */
final class RuleDeployer implements AutoCloseable {

    static final List<String> RULE_SETS = List.of(RuleService.ENTRY, RuleService.RISK, RuleService.EXIT);
    static final String DRL = ".drl";
    static final String ALL = "*";

    private final Logger logger = LoggerFactory.getLogger(RuleDeployer.class);
    private final Path rulesDir;
    private final RuleCompiler compiler;
    private final DeploymentHistory history;
    private final Consumer<RuleDeployment> listener;
    private final Map<String, AtomicReference<CompiledRuleSet>> inForce = new HashMap<>();
    private final Map<String, Long> generations = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * Creates a deployer; generations continue from the highest one in the history.
     *
     * @param rulesDir the rules folder
     * @param compiler the compiler
     * @param history where attempts are recorded (already loaded)
     * @param listener also told of every attempt (audit journal)
     */
    RuleDeployer(Path rulesDir, RuleCompiler compiler, DeploymentHistory history, Consumer<RuleDeployment> listener) {
        this.rulesDir = rulesDir;
        this.compiler = compiler;
        this.history = history;
        this.listener = listener;
        for (String set : RULE_SETS) {
            inForce.put(set, new AtomicReference<>());
            generations.put(set, history.maxGeneration(set));
        }
    }

    /** Compiles every rule set that has files; a set without a folder or files is simply absent. */
    void startup() {
        for (String set : RULE_SETS) {
            try {
                if (SourceFile.listFolder(rulesDir, set, DRL).isEmpty()) {
                    logger.debug("No rule files in {}: no {} rules", rulesDir.resolve(set), set);
                    continue;
                }
            } catch (IOException e) {
                logger.debug("Cannot list {}: {}; the attempt will say more", rulesDir.resolve(set), e.toString());
            }
            reload(set, ALL, "startup");
        }
    }

    Optional<RuleSet> current(String ruleSet) {
        AtomicReference<CompiledRuleSet> ref = inForce.get(ruleSet);
        return ref == null ? Optional.empty() : Optional.ofNullable(ref.get());
    }

    /**
     * Compiles the files of a rule set as they are on disk and puts them in force if they pass the scenarios.
     *
     * @param ruleSet the rule set
     * @param file the changed file relative to the rules folder, or {@value #ALL}
     * @param trigger who asks
     * @return the recorded attempt
     */
    RuleDeployment reload(String ruleSet, String file, String trigger) {
        checkRuleSet(ruleSet);
        lock.lock();
        try {
            return record(attempt(ruleSet, file, trigger));
        } finally {
            lock.unlock();
        }
    }

    private RuleDeployment attempt(String set, String file, String trigger) {
        CompiledRuleSet old = inForce.get(set).get();
        long oldGeneration = old == null ? 0 : old.generation();
        // 1. read the files as they are now (an editor's rename may have replaced the one that changed)
        List<SourceFile> sources;
        try {
            sources = SourceFile.readFolder(rulesDir, set, DRL);
        } catch (IOException e) {
            return attempt(set, file, "", Outcome.REJECTED, oldGeneration, trigger,
                    List.of(new RuleProblem(set + "/", 0, 0, "cannot read the rule files: " + e)));
        }
        String sha = file.equals(ALL) ? SourceFile.combinedSha256(sources)
                : sources.stream().filter(f -> f.name().equals(file)).map(SourceFile::sha256).findFirst().orElse("");
        // 2. an emptied folder never takes the rules in force away; identical files change nothing
        if (sources.isEmpty() && old != null) {
            return attempt(set, file, sha, Outcome.REJECTED, oldGeneration, trigger, List.of(new RuleProblem(set + "/", 0, 0,
                    "no " + DRL + " files left; a rule set cannot be emptied by deleting its files")));
        }
        if (sources.isEmpty() || old != null && old.hasSources(sources)) {
            return attempt(set, file, sha, Outcome.UNCHANGED, oldGeneration, trigger, List.of());
        }
        return compileCheckAndSwap(set, file, sha, trigger, sources, old);
    }

    private RuleDeployment compileCheckAndSwap(String set, String file, String sha, String trigger, List<SourceFile> sources,
            CompiledRuleSet old) {
        long oldGeneration = old == null ? 0 : old.generation();
        // 3. compile
        RuleCompiler.Result result = compiler.compile(set, sources);
        if (!result.problems().isEmpty()) {
            return attempt(set, file, sha, Outcome.REJECTED, oldGeneration, trigger, result.problems());
        }
        // 4. run the scenarios against the candidate
        long generation = generations.get(set) + 1;
        CompiledRuleSet candidate = new CompiledRuleSet(set, generation, Instant.now(), sources, result.compiled(), old);
        List<RuleProblem> failed = ScenarioRunner.check(rulesDir, set, candidate, "candidate " + label(set, file));
        if (!failed.isEmpty()) {
            compiler.release(result.compiled());
            return attempt(set, file, sha, Outcome.REJECTED, oldGeneration, trigger, failed);
        }
        // 5. swap; sessions open on the old generation keep working, only Drools' module of it is released
        inForce.get(set).set(candidate);
        generations.put(set, generation);
        if (old != null) {
            compiler.release(old.compiled());
        }
        logger.info("Rules {} generation {} in force: {} from {} (compiled in {} ms, {})", set, generation,
                candidate.ruleNames(), sources, result.compiled().millis(), trigger);
        return attempt(set, file, sha, Outcome.DEPLOYED, generation, trigger, List.of());
    }

    /**
     * Runs the scenarios of a rule set against the rules in force after a scenario file changed; records whether
     * they still pass, swaps nothing.
     *
     * @param ruleSet the rule set the scenarios check
     * @param scenarioFile the changed scenario file relative to the rules folder
     * @param trigger who asks
     * @return the recorded attempt, or empty if no rules are in force to check
     */
    Optional<RuleDeployment> checkScenarios(String ruleSet, String scenarioFile, String trigger) {
        checkRuleSet(ruleSet);
        lock.lock();
        try {
            CompiledRuleSet rules = inForce.get(ruleSet).get();
            if (rules == null) {
                logger.info("Scenario file {} changed; no {} rules in force to check", scenarioFile, ruleSet);
                return Optional.empty();
            }
            List<RuleProblem> failed = ScenarioRunner.check(rulesDir, ruleSet, rules, "generation " + rules.generation()
                    + " in force");
            return Optional.of(record(attempt(ruleSet, scenarioFile, sha256Of(scenarioFile),
                    failed.isEmpty() ? Outcome.UNCHANGED : Outcome.REJECTED, rules.generation(), trigger, failed)));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Compiles a rule set with one file replaced or added and runs the scenarios; deploys nothing.
     *
     * @param ruleSet the rule set
     * @param candidate the candidate file
     * @return the problems, empty if it would deploy
     */
    List<RuleProblem> validate(String ruleSet, Path candidate) {
        checkRuleSet(ruleSet);
        String name = ruleSet + "/" + candidate.getFileName();
        if (!SourceFile.isCandidateName(candidate.getFileName().toString(), DRL)) {
            return List.of(new RuleProblem(name, 0, 0, "a rule file's name ends with " + DRL + " and does not start with a dot"));
        }
        lock.lock();
        try {
            List<SourceFile> sources = new ArrayList<>(SourceFile.readFolder(rulesDir, ruleSet, DRL));
            sources.removeIf(f -> f.name().equals(name));
            sources.add(SourceFile.of(name, Files.readAllBytes(candidate)));
            sources.sort((a, b) -> a.name().compareTo(b.name()));
            RuleCompiler.Result result = compiler.compile(ruleSet, sources);
            if (!result.problems().isEmpty()) {
                return result.problems();
            }
            try {
                CompiledRuleSet trial = new CompiledRuleSet(ruleSet, 0, Instant.now(), sources, result.compiled(), null);
                return ScenarioRunner.check(rulesDir, ruleSet, trial, "candidate " + candidate);
            } finally {
                compiler.release(result.compiled());
            }
        } catch (IOException e) {
            return List.of(new RuleProblem(name, 0, 0, "cannot read: " + e));
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the Drools modules of the rules in force. */
    @Override
    public void close() {
        for (AtomicReference<CompiledRuleSet> ref : inForce.values()) {
            CompiledRuleSet rules = ref.get();
            if (rules != null) {
                compiler.release(rules.compiled());
            }
        }
    }

    private String sha256Of(String file) {
        try {
            return SourceFile.sha256(Files.readAllBytes(rulesDir.resolve(file)));
        } catch (IOException e) {
            return ""; // deleted, or unreadable: the scenario run says so
        }
    }

    private static String label(String set, String file) {
        return file.equals(ALL) ? set + "/*" + DRL : file;
    }

    private static RuleDeployment attempt(String set, String file, String sha, Outcome outcome, long generation, String trigger,
            List<RuleProblem> problems) {
        return new RuleDeployment(set, file, sha, Instant.now(), outcome, generation, trigger, problems);
    }

    private RuleDeployment record(RuleDeployment d) {
        history.add(d);
        if (d.outcome() == Outcome.REJECTED) {
            logger.warn("Rules {}: {} REJECTED ({}), {}: {}", d.ruleSet(), d.file(), d.trigger(),
                    d.generation() > 0 ? "generation " + d.generation() + " stays in force" : "no " + d.ruleSet() + " rules in force",
                    d.problems().stream().map(p -> p.toString().replaceAll("\\s*\\R\\s*", " ")).collect(Collectors.joining(" | ")));
        } else if (d.outcome() == Outcome.UNCHANGED) {
            logger.info("Rules {}: {} checked ({}), generation {} stays in force unchanged", d.ruleSet(), d.file(), d.trigger(),
                    d.generation());
        }
        try {
            listener.accept(d);
        } catch (RuntimeException e) {
            logger.warn("Could not pass the {} rule deployment to the audit journal: {}", d.ruleSet(), e.toString());
        }
        return d;
    }

    private static void checkRuleSet(String ruleSet) {
        if (!RULE_SETS.contains(ruleSet)) {
            throw new IllegalArgumentException("unknown rule set '" + ruleSet + "' (known: " + String.join(", ", RULE_SETS) + ")");
        }
    }
}
