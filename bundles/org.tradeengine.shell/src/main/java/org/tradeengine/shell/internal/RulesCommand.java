// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.rules.RuleFileInfo;
import org.tradeengine.api.rules.RuleService;
import org.tradeengine.api.rules.RuleSetStatus;

/** {@code te:rules}: the rules in force (file, hash, deployed at) and the last error of each rule set. */
@Command(scope = "te", name = "rules", description = "Shows the rules in force: file, content hash, deployed at, rules, last error")
@Service
public class RulesCommand implements Action {

    @Reference
    RuleService rules;

    @Override
    public Object execute() {
        System.out.println("rules folder: " + rules.rulesDirectory());
        ShellTable t = new ShellTable();
        t.column("Set");
        t.column("Generation").alignRight();
        t.column("File");
        t.column("SHA-256");
        t.column("Deployed at");
        for (RuleSetStatus s : rules.status()) {
            if (s.files().isEmpty()) {
                t.addRow().addContent(s.ruleSet(), s.generation(), "(no rules in force)", "-", "-");
            }
            for (RuleFileInfo f : s.files()) {
                t.addRow().addContent(s.ruleSet(), s.generation(), f.file(), Format.hash(f.sha256()), Format.time(f.deployedAt()));
            }
        }
        t.print(System.out);
        for (RuleSetStatus s : rules.status()) {
            System.out.println(s.ruleSet() + " rules: " + (s.rules().isEmpty() ? "(none)" : String.join(", ", s.rules())));
            if (!s.lastError().isEmpty()) {
                System.out.println(s.ruleSet() + " LAST ATTEMPT REJECTED at " + Format.time(s.lastAttempt().at()) + ": "
                        + s.lastError() + "  (generation " + s.generation() + " stays in force)");
            }
        }
        return null;
    }
}
