// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.audit.AuditJournal;
import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.api.rules.RuleProblem;
import org.tradeengine.api.rules.RuleService;
import org.tradeengine.api.rules.RuleSet;
import org.tradeengine.api.rules.RuleSetStatus;

/**
 * The rule sets in force, compiled from {@code <rules.dir>/entry}, {@code <rules.dir>/risk} and
 * {@code <rules.dir>/exit}, reloaded when their files or the scenarios change, and recorded on every attempt.
 */
@Component(service = RuleService.class, immediate = true, configurationPid = RuleServiceImpl.PID)
@Designate(ocd = RuleServiceImpl.Config.class)
public final class RuleServiceImpl implements RuleService {

    static final String PID = "org.tradeengine.rules";
    static final String SCENARIOS = ScenarioRunner.FOLDER;

    /** Configuration of the rule service. */
    @ObjectClassDefinition(name = "Trade Engine rules", description = "Where the rule files are and how changes are picked up.")
    public @interface Config {

        /** @return the rules folder */
        @AttributeDefinition(name = "Rules folder", description = "Holds entry/, risk/, exit/ and scenarios/. "
                + "${name} is a system property; a relative folder resolves against karaf.home.")
        String rules_dir() default "${karaf.home}/rules";

        /** @return the quiet time after a file change */
        @AttributeDefinition(name = "Debounce (ms)", description = "Quiet time after a file change before the rules reload.")
        long debounce_ms() default 200;

        /** @return how many attempts are kept in memory */
        @AttributeDefinition(name = "History size", description = "Deployment attempts kept in memory (all are in the file).")
        int history_size() default 500;
    }

    private final Logger logger = LoggerFactory.getLogger(RuleServiceImpl.class);
    private final RulesSettings settings;
    private final DeploymentHistory history;
    private final RuleDeployer deployer;
    private final AtomicReference<AuditJournal> audit = new AtomicReference<>();
    private RulesWatcher watcher;

    /**
     * Reads the configuration; {@link #start()} compiles.
     *
     * @param config the configuration
     */
    @Activate
    public RuleServiceImpl(Config config) {
        this(RulesSettings.resolve(config.rules_dir(), config.debounce_ms(), config.history_size(), System::getProperty),
                bundleClassLoader());
    }

    RuleServiceImpl(RulesSettings settings, ClassLoader classLoader) {
        this.settings = settings;
        this.history = new DeploymentHistory(settings.historyFile(), settings.historySize());
        history.load();
        this.deployer = new RuleDeployer(settings.rulesDir(), new RuleCompiler(classLoader), history, this::audit);
    }

    /**
     * Returns the class loader Drools must resolve DRL types with: the bundle's in OSGi (it imports every
     * package of {@link DrlContract}), this class's own outside OSGi (unit tests).
     */
    static ClassLoader bundleClassLoader() {
        Bundle bundle = FrameworkUtil.getBundle(RuleServiceImpl.class);
        return bundle != null ? bundle.adapt(BundleWiring.class).getClassLoader() : RuleServiceImpl.class.getClassLoader();
    }

    /** Compiles what is on disk (after SCR bound the audit journal, so these attempts are journaled too) and starts watching. */
    @Activate
    public void start() {
        Path dir = settings.rulesDir();
        if (!Files.isDirectory(dir)) {
            logger.warn("Rules folder {} does not exist: no rules in force, callers fail closed (set rules.dir in {}.cfg)",
                    dir, PID);
            return;
        }
        logger.debug("Rules from {}, history in {}, DRL types {}", dir, settings.historyFile(), DrlContract.TYPES);
        deployer.startup();
        Map<String, String> folders = new LinkedHashMap<>();
        RuleDeployer.RULE_SETS.forEach(set -> folders.put(set, RuleDeployer.DRL));
        folders.put(SCENARIOS, ScenarioRunner.SUFFIX);
        try {
            watcher = new RulesWatcher(dir, folders, settings.debounce(), this::onChanges);
        } catch (IOException e) {
            logger.warn("Cannot watch {} ({}): rule files are reloaded only on request", dir, e.toString());
        }
    }

    /** Stops watching and releases the compiled rules. */
    @Deactivate
    public void stop() {
        if (watcher != null) {
            watcher.close();
        }
        deployer.close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAuditJournal(AuditJournal journal) {
        audit.set(journal);
    }

    void unsetAuditJournal(AuditJournal journal) {
        audit.compareAndSet(journal, null);
    }

    /** Reacts to the changes of one quiet period: reload changed sets, re-check sets whose scenarios changed. */
    void onChanges(Map<String, Set<String>> changes) {
        for (String set : RuleDeployer.RULE_SETS) {
            Set<String> files = changes.get(set);
            if (files != null) {
                String file = files.size() == 1 && !files.iterator().next().endsWith("/") ? files.iterator().next() : RuleDeployer.ALL;
                deployer.reload(set, file, "file-change");
            }
        }
        Map<String, List<String>> scenarioFiles = new TreeMap<>();
        for (String file : changes.getOrDefault(SCENARIOS, Set.of())) {
            String name = file.substring(SCENARIOS.length() + 1);
            Optional<String> set = name.isEmpty() ? Optional.empty() : ScenarioRunner.ruleSetOf(name, RuleDeployer.RULE_SETS);
            if (name.isEmpty()) {
                RuleDeployer.RULE_SETS.forEach(s -> scenarioFiles.computeIfAbsent(s, k -> new ArrayList<>()).add(file));
            } else if (set.isPresent()) {
                scenarioFiles.computeIfAbsent(set.get(), k -> new ArrayList<>()).add(file);
            } else {
                logger.warn("{} checks no rule set: a scenario file's name starts with {}", file,
                        RuleDeployer.RULE_SETS.stream().map(s -> "'" + s + "-'").collect(Collectors.joining(" or ")));
            }
        }
        scenarioFiles.forEach((set, files) -> {
            if (!changes.containsKey(set)) { // a reload of the set has run the new scenarios already
                deployer.checkScenarios(set, files.size() == 1 ? files.get(0) : SCENARIOS + "/" + set + "-*"
                        + ScenarioRunner.SUFFIX, "file-change");
            }
        });
    }

    private void audit(RuleDeployment d) {
        AuditJournal journal = audit.get();
        if (journal != null) {
            journal.append(toAuditRecord(d));
        }
    }

    static AuditRecord toAuditRecord(RuleDeployment d) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ruleSet", d.ruleSet());
        fields.put("file", d.file());
        fields.put("sha256", d.sha256());
        fields.put("outcome", d.outcome().name());
        fields.put("generation", Long.toString(d.generation()));
        fields.put("trigger", d.trigger());
        fields.put("problems", d.problems().stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        return new AuditRecord(AuditRecord.Type.RULE_DEPLOYMENT, d.at(),
                "rule-deployment/" + d.ruleSet() + "/" + d.at() + "/" + d.outcome(), "", fields);
    }

    @Override
    public Optional<RuleSet> current(String ruleSet) {
        return deployer.current(ruleSet);
    }

    @Override
    public List<RuleSetStatus> status() {
        List<RuleSetStatus> status = new ArrayList<>();
        for (String set : RuleDeployer.RULE_SETS) {
            Optional<RuleSet> rules = deployer.current(set);
            status.add(new RuleSetStatus(set, rules.map(RuleSet::generation).orElse(0L), rules.map(RuleSet::deployedAt).orElse(null),
                    rules.map(RuleSet::files).orElse(List.of()), rules.map(RuleSet::ruleNames).orElse(List.of()),
                    history.latest(set)));
        }
        return status;
    }

    @Override
    public List<RuleDeployment> deployments(int limit) {
        return history.recent(limit);
    }

    @Override
    public RuleDeployment reload(String ruleSet, String trigger) {
        return deployer.reload(ruleSet, RuleDeployer.ALL, trigger);
    }

    @Override
    public List<RuleProblem> validate(String ruleSet, Path candidate) {
        return deployer.validate(ruleSet, candidate);
    }

    @Override
    public List<String> ruleSets() {
        return RuleDeployer.RULE_SETS;
    }

    @Override
    public List<String> files(String ruleSet) {
        if (!RuleDeployer.RULE_SETS.contains(ruleSet)) {
            return List.of();
        }
        try {
            return SourceFile.listFolder(settings.rulesDir(), ruleSet, RuleDeployer.DRL);
        } catch (IOException e) {
            logger.debug("Cannot list the {} rule files: {}", ruleSet, e.toString());
            return List.of();
        }
    }

    @Override
    public Path rulesDirectory() {
        return settings.rulesDir();
    }
}
