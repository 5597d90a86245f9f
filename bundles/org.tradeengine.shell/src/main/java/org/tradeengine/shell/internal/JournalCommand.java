// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.AuditStatus;

/** {@code te:journal}: the audit journal's health: backlog in the local spool, records stored, problems, database. */
@Command(scope = "te", name = "journal", description = "Shows the audit journal's health: backlog waiting in the local spool,"
        + " records stored, duplicates, records with problems, refused, rejected, spool write failures, database UP/DOWN,"
        + " last problem")
@Service
public class JournalCommand implements Action {

    @Reference(optional = true)
    AuditQueries audit;

    @Override
    public Object execute() {
        AuditCalls.run(audit, a -> print(a.status()));
        return null;
    }

    private static void print(AuditStatus s) {
        System.out.println("audit journal: database " + (s.databaseUp() ? "UP" : "DOWN") + ", backlog " + s.backlog()
                + " record" + (s.backlog() == 1 ? "" : "s") + " waiting in the local spool");
        ShellTable t = new ShellTable();
        t.column("Counter");
        t.column("Value").alignRight();
        t.column("Meaning");
        t.addRow().addContent("backlog", s.backlog(), "records accepted, waiting in the local spool for the database");
        t.addRow().addContent("stored", s.stored(), "records written to the database since start");
        t.addRow().addContent("duplicates", s.duplicates(), "records the database already had (an earlier run or a replay)");
        t.addRow().addContent("with problems", s.withProblems(), "stored with a missing or malformed field (named in their row)");
        t.addRow().addContent("refused", s.refused(), "refused by their own table, stored as unclassified with the refusal");
        t.addRow().addContent("rejected", s.rejected(), "spool lines not readable or storable anywhere (set aside in a file)");
        t.addRow().addContent("spool write failures", s.spoolWriteFailures(), "spool writes or fsyncs that failed (records wait"
                + " in memory)");
        t.addRow().addContent("database", s.databaseUp() ? "UP" : "DOWN", "whether the last database attempt succeeded");
        t.print(System.out);
        System.out.println("last problem: " + Format.text(s.lastProblem()));
        if (!s.databaseUp()) {
            System.out.println("database DOWN: records wait in the local spool and are written in order when it is back");
        }
    }
}
