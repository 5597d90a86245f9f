// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tradeengine.api.rules.RuleProblem;
import org.tradeengine.api.rules.RuleService;

/**
 * {@code te:rules-validate}: compiles a candidate rule file with the other files of its set and runs the
 * scenarios, without deploying it. A risk officer checks an edit with this before saving it into the folder.
 */
@Command(scope = "te", name = "rules-validate", description = "Validates a rule file (compile + scenarios) without deploying it")
@Service
public class RulesValidateCommand implements Action {

    @Reference
    RuleService rules;

    @Argument(index = 0, name = "file", required = true,
            description = "Rule file: relative to the rules folder (entry/imbalance.drl) or any path to a candidate")
    @Completion(RuleFileCompleter.class)
    String file;

    @Option(name = "-s", aliases = "--set", description = "Rule set (default: the folder the file is in, e.g. entry)")
    @Completion(RuleSetCompleter.class)
    String set;

    @Override
    public Object execute() {
        Path candidate = rules.rulesDirectory().resolve(file);
        if (!Files.isRegularFile(candidate)) {
            candidate = Path.of(file).toAbsolutePath();
        }
        if (!Files.isRegularFile(candidate)) {
            System.err.println("No such rule file: " + file + " (looked in " + rules.rulesDirectory() + " and the current folder)");
            return null;
        }
        String ruleSet = set != null ? set : setOf(candidate);
        if (ruleSet == null) {
            System.err.println("Cannot tell the rule set of " + file + "; give it with --set (one of " + rules.ruleSets() + ")");
            return null;
        }
        List<RuleProblem> problems = rules.validate(ruleSet, candidate);
        if (problems.isEmpty()) {
            System.out.println("OK: " + file + " compiles and passes every " + ruleSet + " scenario (not deployed)");
        } else {
            System.out.println("REJECTED: " + file + " (" + problems.size() + " problem" + (problems.size() > 1 ? "s" : "") + ")");
            RulesHistoryCommand.printProblems(problems);
        }
        return null;
    }

    private String setOf(Path candidate) {
        Path parent = candidate.getParent();
        String name = parent == null ? null : parent.getFileName().toString();
        return name != null && rules.ruleSets().contains(name) ? name : null;
    }
}
