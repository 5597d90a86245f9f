// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.api.rules.RuleService;

/** {@code te:rules-history}: every deployment attempt, newest first, with its outcome and errors. */
@Command(scope = "te", name = "rules-history", description = "Shows rule deployment attempts, newest first")
@Service
public class RulesHistoryCommand implements Action {

    @Reference
    RuleService rules;

    @Option(name = "-n", aliases = "--count", description = "How many (default 20)")
    int count = 20;

    @Override
    public Object execute() {
        ShellTable t = new ShellTable();
        t.column("Time");
        t.column("Set");
        t.column("File");
        t.column("SHA-256");
        t.column("Outcome");
        t.column("Gen").alignRight();
        t.column("Trigger");
        t.column("Error");
        for (RuleDeployment d : rules.deployments(count)) {
            t.addRow().addContent(Format.time(d.at()), d.ruleSet(), d.file(), Format.hash(d.sha256()), d.outcome(), d.generation(),
                    d.trigger(), d.firstError());
        }
        t.print(System.out);
        return null;
    }
}
