// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.tradeengine.api.rules.RuleProblem;

/**
 * Runs the scenarios of a rule set ({@code <rules>/scenarios/<set>-*.scenarios}) against compiled rules: each
 * scenario in a fresh session, with a recorder as the rules' global ({@link DrlContract}).
 */
final class ScenarioRunner {

    static final String FOLDER = "scenarios";
    static final String SUFFIX = ".scenarios";
    /** A rule that re-activates itself endlessly would otherwise hang the deployment. */
    static final int MAX_FIRINGS = 10_000;

    private ScenarioRunner() {
    }

    /**
     * Tells which rule set a scenario file checks, from its name.
     *
     * @param fileName e.g. {@code entry-imbalance.scenarios}
     * @param ruleSets the known rule sets
     * @return the rule set, or empty if the name starts with none of them
     */
    static Optional<String> ruleSetOf(String fileName, Collection<String> ruleSets) {
        return ruleSets.stream().filter(s -> fileName.startsWith(s + "-")).findFirst();
    }

    /**
     * Reads and runs every scenario file of a rule set.
     *
     * @param rulesDir the rules folder
     * @param ruleSet the rule set
     * @param rules the rules to check
     * @param what names the rules in failure messages, e.g. {@code candidate entry/imbalance.drl}
     * @return unreadable files, mistakes in them and failed scenarios; empty if all pass
     */
    static List<RuleProblem> check(Path rulesDir, String ruleSet, CompiledRuleSet rules, String what) {
        List<RuleProblem> problems = new ArrayList<>();
        List<SourceFile> files;
        try {
            files = SourceFile.readFolder(rulesDir, FOLDER, SUFFIX);
        } catch (IOException e) {
            return List.of(new RuleProblem(FOLDER + "/", 0, 0, "cannot read the scenarios: " + e));
        }
        for (SourceFile f : files) {
            if (f.simpleName().startsWith(ruleSet + "-")) {
                ScenarioParser.Result parsed = ScenarioParser.parse(f, ruleSet);
                problems.addAll(parsed.problems());
                for (Scenario s : parsed.scenarios()) {
                    run(s, rules, ruleSet, what).ifPresent(problems::add);
                }
            }
        }
        return problems;
    }

    /**
     * Runs one scenario in a fresh session: the recorder as the rules' global, the facts inserted in order.
     *
     * @return the failure, or empty if the rules did what the scenario says
     */
    static Optional<RuleProblem> run(Scenario s, CompiledRuleSet rules, String ruleSet, String what) {
        Scenario.Recorder recorder = s.expected().newRecorder();
        String outcome;
        try (DroolsRuleSession session = rules.newSession()) {
            session.setGlobal(recorder.global(), recorder);
            s.facts().forEach(session::insert);
            if (session.fireAllRules(MAX_FIRINGS) >= MAX_FIRINGS) {
                outcome = "rules fired " + MAX_FIRINGS + " times without settling (a rule re-activates itself?)";
            } else {
                Optional<String> mismatch = recorder.mismatch();
                if (mismatch.isEmpty()) {
                    return Optional.empty();
                }
                outcome = "expected " + s.expected() + ", " + mismatch.get();
            }
        } catch (RuntimeException e) {
            outcome = "expected " + s.expected() + ", rules failed: " + rootMessage(e);
        }
        return Optional.of(new RuleProblem(s.file(), s.thenLine(), 0, outcome + " (rule set " + ruleSet + ", " + what + ")"));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
