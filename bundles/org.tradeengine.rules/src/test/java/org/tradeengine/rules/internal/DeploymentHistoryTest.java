// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.api.rules.RuleDeployment.Outcome;
import org.tradeengine.api.rules.RuleProblem;

/** The deployment history: bounded in memory, every attempt on disk, reloaded on start. */
class DeploymentHistoryTest {

    @TempDir
    Path dir;

    private static RuleDeployment attempt(String set, long generation, Outcome outcome, RuleProblem... problems) {
        return new RuleDeployment(set, set + "/a.drl", "ab12", Instant.parse("2026-11-24T10:15:30.123456Z").plusSeconds(generation),
                outcome, generation, "shell:karaf", List.of(problems));
    }

    @Test
    void aDeploymentSurvivesTheRoundTripThroughJsonExactly() {
        RuleDeployment d = attempt("entry", 3, Outcome.REJECTED,
                new RuleProblem("entry/a.drl", 12, 5, "mismatched input 'then' in rule \"imbalance-buy\""),
                new RuleProblem("scenarios/entry-x.scenarios", 0, 0, "tab\there, newline\nthere, backslash \\ and \u0001 é €"));
        String json = DeploymentHistory.toJson(d);
        assertEquals(-1, json.indexOf('\n'));
        assertEquals(d, DeploymentHistory.fromJson(json));
    }

    @Test
    void keepsTheNewestInMemoryAndAllOnDisk() throws IOException {
        Path file = dir.resolve("rules/deployments.jsonl");
        DeploymentHistory history = new DeploymentHistory(file, 3);
        for (int g = 1; g <= 5; g++) {
            history.add(attempt(g % 2 == 0 ? "risk" : "entry", g, Outcome.DEPLOYED));
        }
        assertEquals(List.of(5L, 4L, 3L), history.recent(10).stream().map(RuleDeployment::generation).toList());
        assertEquals(List.of(5L), history.recent(1).stream().map(RuleDeployment::generation).toList());
        assertEquals(4, history.latest("risk").generation());
        assertNull(history.latest("other"));
        assertEquals(5, Files.readAllLines(file).size());
    }

    @Test
    void reloadsTheTailAndSkipsUnreadableLines() throws IOException {
        Path file = dir.resolve("deployments.jsonl");
        DeploymentHistory first = new DeploymentHistory(file, 10);
        first.add(attempt("entry", 1, Outcome.DEPLOYED));
        first.add(attempt("entry", 2, Outcome.DEPLOYED));
        Files.writeString(file, "{\"ruleSet\":\"entry\",\"file\":\"torn wri\n", StandardOpenOption.APPEND);
        first.add(attempt("entry", 3, Outcome.REJECTED, new RuleProblem("entry/a.drl", 1, 0, "x")));

        DeploymentHistory second = new DeploymentHistory(file, 2);
        second.load();
        assertEquals(first.recent(2), second.recent(10));
        assertEquals(3, second.maxGeneration("entry"));
        assertEquals(0, second.maxGeneration("risk"));
    }

    @Test
    void aMissingFileIsAnEmptyHistory() {
        DeploymentHistory history = new DeploymentHistory(dir.resolve("none/deployments.jsonl"), 10);
        history.load();
        assertEquals(List.of(), history.recent(10));
    }
}
