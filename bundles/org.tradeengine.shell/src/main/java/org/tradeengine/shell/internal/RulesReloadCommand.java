// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.api.rules.RuleService;

/** {@code te:rules-reload}: validates the rule files on disk now and deploys them if they pass. */
@Command(scope = "te", name = "rules-reload", description = "Validates and deploys the rule files on disk now (all sets by default)")
@Service
public class RulesReloadCommand implements Action {

    @Reference
    RuleService rules;

    @Reference
    Session session;

    @Argument(index = 0, name = "set", required = false, description = "Rule set to reload (entry, risk); default all")
    @Completion(RuleSetCompleter.class)
    String set;

    @Override
    public Object execute() {
        List<String> sets = set == null ? rules.ruleSets() : List.of(set);
        String user = String.valueOf(session.get("USER"));
        for (String s : sets) {
            if (!rules.ruleSets().contains(s)) {
                System.err.println("Unknown rule set '" + s + "' (known: " + rules.ruleSets() + ")");
                continue;
            }
            RuleDeployment d = rules.reload(s, "shell:" + user);
            System.out.println(s + ": " + d.outcome() + ", generation " + d.generation() + " in force");
            Format.printProblems(d.problems());
        }
        return null;
    }
}
