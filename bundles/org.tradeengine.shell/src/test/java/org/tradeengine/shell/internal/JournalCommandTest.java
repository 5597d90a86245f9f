// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.audit.AuditStatus;

class JournalCommandTest {

    private final FakeAudit audit = new FakeAudit();

    private Console run() throws Exception {
        JournalCommand cmd = new JournalCommand();
        cmd.audit = audit;
        return Console.run(cmd);
    }

    @Test
    void showsTheBacklogEveryCounterAndTheDatabaseDown() throws Exception {
        audit.status = new AuditStatus(12, 3400, 2, 1, 5, 3, 4, false, "Connection to 127.0.0.1:5432 refused");
        Console c = run();
        assertEquals("", c.err());
        assertEquals(List.of("status"), audit.calls);
        assertEquals("audit journal: database DOWN, backlog 12 records waiting in the local spool", c.outLines().get(0));
        assertEquals(List.of("backlog", "12"), c.row("backlog").subList(0, 2));
        assertEquals(List.of("stored", "3400"), c.row("stored").subList(0, 2));
        assertEquals(List.of("duplicates", "2"), c.row("duplicates").subList(0, 2));
        assertEquals(List.of("with problems", "1"), c.row("with problems").subList(0, 2));
        assertEquals(List.of("refused", "5"), c.row("refused").subList(0, 2));
        assertEquals(List.of("rejected", "3"), c.row("rejected").subList(0, 2));
        assertEquals(List.of("spool write failures", "4"), c.row("spool write failures").subList(0, 2));
        assertEquals(List.of("database", "DOWN"), c.row("database").subList(0, 2));
        assertTrue(c.outLines().contains("last problem: Connection to 127.0.0.1:5432 refused"), c.out());
        assertTrue(c.out().contains("database DOWN: records wait in the local spool"), c.out());
    }

    @Test
    void aHealthyJournalSaysUpAndNoProblem() throws Exception {
        audit.status = new AuditStatus(1, 7, 0, 0, 0, 0, 0, true, "");
        Console c = run();
        assertEquals("audit journal: database UP, backlog 1 record waiting in the local spool", c.outLines().get(0));
        assertEquals(List.of("database", "UP"), c.row("database").subList(0, 2));
        assertTrue(c.outLines().contains("last problem: -"), c.out());
        assertFalse(c.out().contains("DOWN"), c.out());
    }

    @Test
    void withoutTheJournalOneLineSaysWhatToInstall() throws Exception {
        JournalCommand cmd = new JournalCommand();
        Console c = Console.run(cmd);
        assertEquals("", c.out());
        assertEquals("the audit journal is not running: install feature trade-engine-journal" + System.lineSeparator(), c.err());
    }
}
