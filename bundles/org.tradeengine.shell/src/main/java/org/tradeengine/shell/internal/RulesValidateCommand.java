// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    @Option(name = "-r", aliases = "--replaces", description = "The rule file in force the candidate replaces, e.g. "
            + "entry/imbalance.drl (default: the file of the same name; a new name is validated as an added file)")
    @Completion(RuleFileCompleter.class)
    String replaces;

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
        List<RuleProblem> problems;
        try {
            problems = rules.validate(ruleSet, asReplacement(candidate));
        } catch (IOException e) {
            System.err.println("Cannot stage " + candidate + " as " + replaces + ": " + e.getMessage());
            return null;
        }
        if (problems.isEmpty()) {
            System.out.println("OK: " + file + " compiles and passes every " + ruleSet + " scenario (not deployed)");
        } else {
            System.out.println("REJECTED: " + file + " (" + problems.size() + " problem" + (problems.size() > 1 ? "s" : "") + ")");
            Format.printProblems(problems);
        }
        return null;
    }

    /** Copies the candidate under the name of the file it replaces, so it is validated in that file's place. */
    private Path asReplacement(Path candidate) throws IOException {
        if (replaces == null) {
            return candidate;
        }
        Path dir = Files.createTempDirectory("rules-validate");
        Path staged = dir.resolve(Path.of(replaces).getFileName().toString());
        Files.copy(candidate, staged, StandardCopyOption.REPLACE_EXISTING);
        staged.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return staged;
    }

    private String setOf(Path candidate) {
        Path parent = candidate.getParent();
        String name = parent == null ? null : parent.getFileName().toString();
        return name != null && rules.ruleSets().contains(name) ? name : null;
    }
}
