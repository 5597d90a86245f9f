// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.RuleDeploymentEntry;

/** {@code te:journal-rules}: journaled rule deployment attempts, newest first, with outcome, generation and error. */
@Command(scope = "te", name = "journal-rules", description = "Shows journaled rule deployment attempts, newest first: time, set,"
        + " file, SHA-256, outcome, generation, trigger, error")
@Service
public class JournalRulesCommand implements Action {

    /** The rule sets the journal knows. */
    static final List<String> RULE_SETS = List.of("entry", "risk", "exit");

    @Reference(optional = true)
    AuditQueries audit;

    @Option(name = "-s", aliases = "--set", description = "Only this rule set: entry, risk or exit (default all)")
    @Completion(value = StringsCompleter.class, values = {"entry", "risk", "exit"})
    String set;

    @Option(name = "-n", aliases = "--limit", description = "How many (default 50, at most 10000)")
    int limit = 50;

    @Override
    public Object execute() {
        String ruleSet = set == null ? null : set.strip().toLowerCase(Locale.ROOT);
        int n;
        try {
            if (ruleSet != null && !RULE_SETS.contains(ruleSet)) {
                throw new IllegalArgumentException("--set must be one of " + String.join(", ", RULE_SETS) + ", got '" + set + "'");
            }
            n = AuditCalls.limit(limit);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return null;
        }
        AuditCalls.run(audit, a -> print(ruleSet, a.ruleDeployments(ruleSet, n)));
        return null;
    }

    private static void print(String ruleSet, List<RuleDeploymentEntry> deployments) {
        if (deployments.isEmpty()) {
            System.out.println("no rule deployments journaled" + (ruleSet == null ? "" : " for rule set " + ruleSet));
            return;
        }
        ShellTable t = new ShellTable();
        t.column("Time");
        t.column("Set");
        t.column("File");
        t.column("SHA-256");
        t.column("Outcome");
        t.column("Gen").alignRight();
        t.column("Trigger");
        t.column("Error");
        for (RuleDeploymentEntry d : deployments) {
            t.addRow().addContent(Format.time(d.at()), Format.text(d.ruleSet()), Format.text(d.file()), Format.hash(d.sha256()),
                    Format.text(d.outcome()), d.generation() == null ? "-" : d.generation(), Format.text(d.trigger()),
                    Format.text(d.error()));
        }
        t.print(System.out);
    }
}
