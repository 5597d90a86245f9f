// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.audit.RuleDeploymentEntry;

class JournalRulesCommandTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final FakeAudit audit = new FakeAudit();

    private JournalRulesCommand command(String set, int limit) {
        JournalRulesCommand cmd = new JournalRulesCommand();
        cmd.audit = audit;
        cmd.set = set;
        cmd.limit = limit;
        return cmd;
    }

    @Test
    void byDefaultEverySetAndTheLatestFifty() throws Exception {
        JournalRulesCommand cmd = new JournalRulesCommand();
        cmd.audit = audit;
        Console c = Console.run(cmd);
        assertEquals(List.of("ruleDeployments null 50"), audit.calls);
        assertEquals("no rule deployments journaled" + System.lineSeparator(), c.out());
    }

    @Test
    void deploymentsNewestFirstWithShortHashGenerationTriggerAndError() throws Exception {
        audit.rules = List.of(
                new RuleDeploymentEntry(Instant.parse("2024-03-05T08:00:00Z"), "risk", "risk/limits.drl", SHA, "REJECTED", null,
                        "shell:karaf", "risk/limits.drl:12: unknown fact 'Positon'\nscenario daily-loss failed"),
                new RuleDeploymentEntry(Instant.parse("2024-03-04T08:00:00Z"), "risk", "risk/limits.drl", SHA, "DEPLOYED", 3L,
                        "file change", ""));
        Console c = Console.run(command("risk", 10));
        assertEquals(List.of("ruleDeployments risk 10"), audit.calls);
        List<String> lines = c.outLines();
        assertEquals(List.of("Time", "Set", "File", "SHA-256", "Outcome", "Gen", "Trigger", "Error"), Console.cells(lines.get(0)));
        assertEquals(List.of("2024-03-05 08:00:00.000Z", "risk", "risk/limits.drl", "9f86d081884c", "REJECTED", "-", "shell:karaf",
                "risk/limits.drl:12: unknown fact 'Positon'; scenario daily-loss failed"), Console.cells(lines.get(2)));
        assertEquals(List.of("2024-03-04 08:00:00.000Z", "risk", "risk/limits.drl", "9f86d081884c", "DEPLOYED", "3", "file change",
                "-"), Console.cells(lines.get(3)));
    }

    @Test
    void theSetIsOneOfEntryRiskExitInAnyCase() throws Exception {
        Console c = Console.run(command(" EXIT ", 5));
        assertEquals(List.of("ruleDeployments exit 5"), audit.calls);
        assertEquals("no rule deployments journaled for rule set exit" + System.lineSeparator(), c.out());
    }

    @Test
    void anUnknownSetOrABadLimitIsRefusedWithoutAQuery() throws Exception {
        assertEquals("--set must be one of entry, risk, exit, got 'riks'" + System.lineSeparator(),
                Console.run(command("riks", 50)).err());
        assertEquals("--limit must be between 1 and 10000, got -1" + System.lineSeparator(), Console.run(command("risk", -1)).err());
        assertEquals(List.of(), audit.calls);
    }
}
