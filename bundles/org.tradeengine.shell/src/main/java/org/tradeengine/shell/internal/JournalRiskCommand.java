// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.StoredRiskEvent;

/** {@code te:journal-risk}: journaled risk decisions (DENY, HALT, REDUCE, FLATTEN, ...), newest first. */
@Command(scope = "te", name = "journal-risk", description = "Shows journaled risk decisions (DENY, HALT, REDUCE, FLATTEN, ...),"
        + " newest first")
@Service
public class JournalRiskCommand implements Action {

    @Reference(optional = true)
    AuditQueries audit;

    @Option(name = "-n", aliases = "--limit", description = "How many (default 50, at most 10000)")
    int limit = 50;

    @Override
    public Object execute() {
        int n;
        try {
            n = AuditCalls.limit(limit);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return null;
        }
        AuditCalls.run(audit, a -> print(a.riskEvents(n)));
        return null;
    }

    private static void print(List<StoredRiskEvent> events) {
        if (events.isEmpty()) {
            System.out.println("no risk decisions journaled");
            return;
        }
        ShellTable t = new ShellTable();
        t.column("Time");
        t.column("Outcome");
        t.column("Rule");
        t.column("Instrument");
        t.column("Client order id");
        t.column("Correlation id");
        t.column("Reason");
        for (StoredRiskEvent e : events) {
            t.addRow().addContent(Format.time(e.at()), Format.text(e.outcome()), Format.text(e.rule()), Format.text(e.instrument()),
                    Format.text(e.clientOrderId()), Format.text(e.correlationId()), Format.text(e.reason()));
        }
        t.print(System.out);
    }
}
