// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.rules.internal.RulesFixture.IMBALANCE;
import static org.tradeengine.rules.internal.RulesFixture.fire;
import static org.tradeengine.rules.internal.RulesFixture.lineOf;
import static org.tradeengine.rules.internal.RulesFixture.live;
import static org.tradeengine.rules.internal.RulesFixture.read;
import static org.tradeengine.rules.internal.RulesFixture.replaceOnce;
import static org.tradeengine.rules.internal.RulesFixture.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.audit.AuditJournal;
import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.api.rules.RuleDeployment.Outcome;
import org.tradeengine.api.rules.RuleProblem;
import org.tradeengine.api.rules.RuleSession;
import org.tradeengine.api.rules.RuleSet;
import org.tradeengine.api.rules.RuleSetStatus;

/**
 * The rule service driven synchronously, as the shell drives it (reload, validate), on a copy of the repository's
 * rules folder. The watcher runs with a debounce too long to interfere; {@code RuleServiceWatcherTest} covers it.
 */
class RuleServiceTest {

    private static final Duration NO_WATCHING = Duration.ofHours(1);
    private static final String RISK_FILE = "risk/limits.drl";
    private static final String EXIT_FILE = "exit/exits.drl";

    @TempDir
    Path tmp;
    private Path rules;
    private Path drl;
    private String original;
    private final List<RuleServiceImpl> started = new ArrayList<>();

    @BeforeEach
    void copyRules() throws IOException {
        rules = RulesFixture.copyRules(tmp);
        drl = rules.resolve(IMBALANCE);
        original = read(drl);
    }

    @AfterEach
    void stop() {
        started.forEach(RuleServiceImpl::stop);
    }

    private RuleServiceImpl start() {
        RuleServiceImpl service = new RuleServiceImpl(RulesFixture.settings(rules, tmp.resolve("data/deployments.jsonl"), NO_WATCHING),
                getClass().getClassLoader());
        service.start();
        started.add(service);
        return service;
    }

    private static RuleSet entry(RuleServiceImpl service) {
        return service.current("entry").orElseThrow();
    }

    private RuleDeployment reloadWith(RuleServiceImpl service, String from, String to) {
        write(drl, replaceOnce(original, from, to));
        return service.reload("entry", "shell:test");
    }

    @Test
    void startupPutsTheRepositoryRulesInForce() {
        RuleServiceImpl service = start();
        RuleSet entry = entry(service);
        assertEquals(List.of("imbalance-buy", "imbalance-sell"), entry.ruleNames());
        assertEquals(List.of(IMBALANCE), entry.files().stream().map(f -> f.file()).toList());
        assertEquals(SourceFile.sha256(original.getBytes(java.nio.charset.StandardCharsets.UTF_8)), entry.files().get(0).sha256());
        assertEquals(List.of("BUY imbalance-buy"), fire(entry, live("20", "1")));
        assertEquals(List.of(RISK_FILE), service.current("risk").orElseThrow().files().stream().map(f -> f.file()).toList());
        assertEquals(List.of(EXIT_FILE), service.current("exit").orElseThrow().files().stream().map(f -> f.file()).toList());

        List<RuleDeployment> history = service.deployments(10);
        assertEquals(List.of("exit", "risk", "entry"), history.stream().map(RuleDeployment::ruleSet).toList(), history.toString());
        assertTrue(history.stream().allMatch(a -> a.outcome() == Outcome.DEPLOYED && a.problems().isEmpty()), history.toString());
        RuleDeployment d = history.get(2);
        assertEquals(List.of("entry", "*", Outcome.DEPLOYED, entry.generation(), "startup"),
                List.of(d.ruleSet(), d.file(), d.outcome(), d.generation(), d.trigger()));
        assertEquals(SourceFile.combinedSha256(List.of(SourceFile.of(IMBALANCE, original.getBytes()))), d.sha256());
        assertEquals(List.of("entry", "risk", "exit"), service.ruleSets());
        assertEquals(List.of(IMBALANCE), service.files("entry"));
        assertEquals(List.of(RISK_FILE), service.files("risk"));
        assertEquals(List.of(EXIT_FILE), service.files("exit"));
        assertEquals(rules, service.rulesDirectory());
    }

    @Test
    void rulesBrokenAtStartupLeaveNoRulesInForceUntilFixed() {
        write(drl, replaceOnce(original, "imbalance > 3.0B )", "imbalance > 3.0B"));
        RuleServiceImpl service = start();
        assertTrue(service.current("entry").isEmpty());
        RuleSetStatus status = service.status().get(0);
        assertEquals(0, status.generation());
        assertTrue(status.lastError().startsWith(IMBALANCE + ":"), status.lastError());
        assertEquals(Outcome.REJECTED, status.lastAttempt().outcome());
        assertEquals(0, status.lastAttempt().generation());

        write(drl, original);
        RuleDeployment fixed = service.reload("entry", "shell:test");
        assertEquals(Outcome.DEPLOYED, fixed.outcome());
        assertEquals(fixed.generation(), entry(service).generation());
    }

    @Test
    void aParseErrorIsRejectedWithFileLineAndColumnAndTheOldGenerationStays() {
        RuleServiceImpl service = start();
        long generation = entry(service).generation();
        String broken = replaceOnce(original, "imbalance > 3.0B )", "imbalance > 3.0B");
        RuleDeployment d = reloadWith(service, "imbalance > 3.0B )", "imbalance > 3.0B");

        assertEquals(Outcome.REJECTED, d.outcome());
        assertEquals(generation, d.generation());
        int thenLine = lineOf(broken, "imbalance > 3.0B") + 1;
        assertEquals(List.of(new RuleProblem(IMBALANCE, thenLine, 1, "mismatched input 'then' in rule \"imbalance-buy\"")),
                d.problems());
        assertEquals(generation, entry(service).generation());
        assertEquals(List.of("BUY imbalance-buy"), fire(entry(service), live("20", "1")));
    }

    @Test
    void anUnknownFieldIsRejectedAtItsLine() {
        RuleServiceImpl service = start();
        RuleDeployment d = reloadWith(service, "imbalance < 0.33B", "imbalanse < 0.33B");
        RuleProblem p = d.problems().get(0);
        assertEquals(Outcome.REJECTED, d.outcome());
        assertEquals(IMBALANCE, p.file());
        assertEquals(lineOf(original, "imbalance < 0.33B"), p.line());
        assertEquals("cannot evaluate 'imbalanse < 0.33B': BookFeatures has no property 'imbalanse' in rule \"imbalance-sell\"",
                p.message());
        assertEquals(List.of("SELL imbalance-sell"), fire(entry(service), live("1", "20")));
    }

    @Test
    void aJavaErrorInAConsequenceIsRejectedAtTheConsequenceLine() {
        RuleServiceImpl service = start();
        String call = "signals.sell($f, drools.getRule().getName());";
        RuleDeployment d = reloadWith(service, call, "signals.sel($f, drools.getRule().getName());");
        RuleProblem p = d.problems().get(0);
        assertEquals(List.of(IMBALANCE, lineOf(original, call)), List.of(p.file(), p.line()));
        assertTrue(p.message().startsWith("consequence does not compile: The method sel(BookFeatures, String) is undefined"),
                p.message());
        assertTrue(p.message().endsWith("in rule \"imbalance-sell\""), p.message());
        assertEquals(List.of("SELL imbalance-sell"), fire(entry(service), live("1", "20")));
    }

    @Test
    void rulesThatFailAScenarioAreRejected() {
        RuleServiceImpl service = start();
        long generation = entry(service).generation();
        RuleDeployment d = reloadWith(service, "imbalance > 3.0B", "imbalance > 25.0B");
        assertEquals(Outcome.REJECTED, d.outcome());
        String file = "scenarios/entry-imbalance.scenarios";
        String scenarios = read(rules.resolve(file));
        String failure = "expected BUY, rules signalled nothing (rule set entry, candidate entry/*.drl)";
        int futuresBuy = lineOf(scenarios, "signal BUY");
        int spotBuy = lineOf(scenarios.substring(scenarios.indexOf("on a spot book buys")), "signal BUY")
                + lineOf(scenarios, "on a spot book buys") - 1;
        assertEquals(List.of(new RuleProblem(file, futuresBuy, 0, failure), new RuleProblem(file, spotBuy, 0, failure)), d.problems());
        assertEquals(file + ":7: " + failure, d.problems().get(0).toString());
        assertEquals(generation, entry(service).generation());
    }

    @Test
    void identicalContentIsUnchanged() {
        RuleServiceImpl service = start();
        RuleSet before = entry(service);
        write(drl, original);
        RuleDeployment d = service.reload("entry", "shell:test");
        assertEquals(Outcome.UNCHANGED, d.outcome());
        assertEquals(before.generation(), d.generation());
        assertSame(before, entry(service));
    }

    @Test
    void aNewThresholdDeploysANewGenerationAndOldSessionsKeepTheirRules() {
        RuleServiceImpl service = start();
        RuleSet first = entry(service);
        try (RuleSession old = first.newSession()) {
            RuleDeployment d = reloadWith(service, "imbalance > 3.0B", "imbalance > 6.0B");
            assertEquals(Outcome.DEPLOYED, d.outcome(), d.problems().toString());
            RuleSet second = entry(service);
            assertEquals(first.generation() + 1, second.generation());
            assertEquals(second.generation(), d.generation());
            assertEquals(List.of(), fire(second, live("5", "1")));
            assertEquals(List.of("BUY imbalance-buy"), fire(second, live("7", "1")));
            assertEquals(List.of("BUY imbalance-buy"), fire(old, live("5", "1")), "the old session runs generation 1");
            assertEquals(first.generation(), old.generation());
        }
        assertNotEquals(first.files().get(0).sha256(), entry(service).files().get(0).sha256());
    }

    @Test
    void validateChecksACandidateWithoutDeployingIt() throws IOException {
        RuleServiceImpl service = start();
        RuleSet before = entry(service);
        int attempts = service.deployments(100).size();
        Path good = Files.writeString(tmp.resolve("imbalance.drl"), original.replace("3.0B", "6.0B"));
        assertEquals(List.of(), service.validate("entry", good));

        Path failing = Files.writeString(tmp.resolve("imbalance.drl"), original.replace("3.0B", "25.0B"));
        List<RuleProblem> problems = service.validate("entry", failing);
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("expected BUY, rules signalled nothing (rule set entry, candidate " + failing + ")", problems.get(0).message());

        Path broken = Files.writeString(tmp.resolve("extra.drl"), "package x;\nrule \"r\" when then end end\n");
        assertEquals("entry/extra.drl", service.validate("entry", broken).get(0).file());
        assertSame(before, entry(service));
        assertEquals(attempts, service.deployments(100).size());
        assertEquals(List.of(IMBALANCE), service.files("entry"));
    }

    @Test
    void theHistoryIsPersistedAndGenerationsContinueAfterARestart() {
        RuleServiceImpl first = start();
        reloadWith(first, "imbalance > 3.0B", "imbalance > 4.0B");
        reloadWith(first, "imbalance > 3.0B", "imbalance > 25.0B");
        List<RuleDeployment> before = first.deployments(10);
        assertEquals(List.of(Outcome.REJECTED, Outcome.DEPLOYED, Outcome.DEPLOYED), before.stream()
                .filter(d -> d.ruleSet().equals("entry")).map(RuleDeployment::outcome).toList());
        first.stop();
        started.remove(first);

        write(drl, original);
        RuleServiceImpl second = start();
        List<RuleDeployment> after = second.deployments(20);
        assertEquals(before, after.subList(3, after.size()), "three startup attempts (entry, risk, exit), then the old ones");
        RuleDeployment entryStartup = after.get(2);
        assertEquals(List.of("entry", "startup"), List.of(entryStartup.ruleSet(), entryStartup.trigger()));
        assertEquals(3, entryStartup.generation(), "generation 1 and 2 were used before the restart");
        assertEquals(3, entry(second).generation());
        assertEquals(2, second.current("risk").orElseThrow().generation(), "risk continues from its own generation 1");
    }

    @Test
    void everyAttemptGoesToTheAuditJournalWhenThereIsOne() {
        RuleServiceImpl service = start();
        List<AuditRecord> records = new ArrayList<>();
        AuditJournal journal = new AuditJournal() {
            @Override
            public void append(AuditRecord record) {
                records.add(record);
            }

            @Override
            public long backlog() {
                return 0;
            }
        };
        service.setAuditJournal(journal);
        RuleDeployment d = reloadWith(service, "imbalance > 3.0B", "imbalance > 25.0B");
        assertEquals(1, records.size());
        AuditRecord r = records.get(0);
        assertEquals(AuditRecord.Type.RULE_DEPLOYMENT, r.type());
        assertEquals(d.at(), r.at());
        assertEquals("REJECTED", r.fields().get("outcome"));
        assertEquals(d.problems().get(0) + "\n" + d.problems().get(1), r.fields().get("problems"));
        assertEquals(d.sha256(), r.fields().get("sha256"));

        service.unsetAuditJournal(journal);
        service.reload("entry", "shell:test");
        assertEquals(1, records.size());
    }

    @Test
    void deletingEveryRuleFileIsRejected() throws IOException {
        RuleServiceImpl service = start();
        RuleSet before = entry(service);
        Files.delete(drl);
        RuleDeployment d = service.reload("entry", "shell:test");
        assertEquals(Outcome.REJECTED, d.outcome());
        assertEquals("entry/", d.problems().get(0).file());
        assertSame(before, entry(service));
    }

    @Test
    void anUnknownRuleSetIsAnError() {
        RuleServiceImpl service = start();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> service.reload("entyr", "shell:test"));
        assertEquals("unknown rule set 'entyr' (known: entry, risk, exit)", e.getMessage());
        assertEquals(List.of(), service.files("../entry"));
    }

    @Test
    void aRuleSetWithoutFilesIsAbsentAndReloadingItChangesNothing() throws IOException {
        Files.delete(rules.resolve(EXIT_FILE));
        RuleServiceImpl service = start();
        RuleDeployment d = service.reload("exit", "shell:test");
        assertEquals(Outcome.UNCHANGED, d.outcome());
        assertEquals(0, d.generation());
        RuleSetStatus exit = service.status().get(2);
        assertEquals(List.of("exit", 0L), List.of(exit.ruleSet(), exit.generation()));
        assertNull(exit.deployedAt());
        assertFalse(service.current("exit").isPresent());
        assertTrue(service.current("risk").isPresent());
        assertEquals(List.of(), service.files("exit"));
    }

    @Test
    void outsideOsgiTheCompilerUsesThisClassLoader() {
        assertSame(RuleServiceImpl.class.getClassLoader(), RuleServiceImpl.bundleClassLoader());
    }
}
