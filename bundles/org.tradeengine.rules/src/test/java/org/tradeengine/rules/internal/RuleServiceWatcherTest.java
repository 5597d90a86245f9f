// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradeengine.rules.internal.RulesFixture.IMBALANCE;
import static org.tradeengine.rules.internal.RulesFixture.await;
import static org.tradeengine.rules.internal.RulesFixture.fire;
import static org.tradeengine.rules.internal.RulesFixture.lineOf;
import static org.tradeengine.rules.internal.RulesFixture.live;
import static org.tradeengine.rules.internal.RulesFixture.read;
import static org.tradeengine.rules.internal.RulesFixture.replaceOnce;
import static org.tradeengine.rules.internal.RulesFixture.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.api.rules.RuleDeployment.Outcome;
import org.tradeengine.api.rules.RuleSet;

/** Hot reload end to end: files edited on disk, the watcher thread reloads, the test polls what is in force. */
class RuleServiceWatcherTest {

    @TempDir
    Path tmp;
    private Path rules;
    private Path drl;
    private String original;
    private RuleServiceImpl service;
    private long startGeneration;

    @BeforeEach
    void start() throws IOException {
        rules = RulesFixture.copyRules(tmp);
        drl = rules.resolve(IMBALANCE);
        original = read(drl);
        service = new RuleServiceImpl(RulesFixture.settings(rules, tmp.resolve("deployments.jsonl"), Duration.ofMillis(250)),
                getClass().getClassLoader());
        service.start();
        startGeneration = entry().generation();
    }

    @AfterEach
    void stop() {
        service.stop();
    }

    private RuleSet entry() {
        return service.current("entry").orElseThrow();
    }

    /** Waits until a generation is in force and its deployment recorded (the record follows the swap). */
    private RuleSet awaitGeneration(long generation) {
        awaitAttempt("entry generation " + generation, d -> d.outcome() == Outcome.DEPLOYED && d.generation() == generation);
        assertEquals(generation, entry().generation());
        return entry();
    }

    private RuleDeployment awaitAttempt(String what, Predicate<RuleDeployment> match) {
        await(what, () -> service.deployments(50).stream().anyMatch(match));
        return service.deployments(50).stream().filter(match).findFirst().orElseThrow();
    }

    @Test
    void editingAThresholdPutsANewGenerationInForce() {
        String edited = replaceOnce(original, "imbalance > 3.0B", "imbalance > 6.0B");
        write(drl, edited);
        RuleSet next = awaitGeneration(startGeneration + 1);
        assertEquals(List.of(), fire(next, live("5", "1")));
        assertEquals(List.of("BUY imbalance-buy"), fire(next, live("7", "1")));
        RuleDeployment d = service.deployments(1).get(0);
        assertEquals(List.of(IMBALANCE, Outcome.DEPLOYED, "file-change", next.generation()),
                List.of(d.file(), d.outcome(), d.trigger(), d.generation()));
        assertEquals(SourceFile.sha256(edited.getBytes(StandardCharsets.UTF_8)), d.sha256());
    }

    @Test
    void aBrokenEditIsRejectedAndTheOldGenerationKeepsWorking() {
        String broken = replaceOnce(original, "imbalance > 3.0B )", "imbalance > 3.0B");
        write(drl, broken);
        RuleDeployment d = awaitAttempt("a rejected attempt", a -> a.outcome() == Outcome.REJECTED);
        assertEquals(List.of(IMBALANCE, startGeneration, "file-change"), List.of(d.file(), d.generation(), d.trigger()));
        assertEquals(IMBALANCE + ":" + (lineOf(broken, "imbalance > 3.0B") + 1) + ":1: mismatched input 'then' in rule \"imbalance-buy\"",
                d.firstError());
        assertEquals(startGeneration, entry().generation());
        assertEquals(List.of("BUY imbalance-buy"), fire(entry(), live("20", "1")));

        write(drl, replaceOnce(original, "imbalance > 3.0B", "imbalance > 4.0B"));
        awaitGeneration(startGeneration + 1);
    }

    @Test
    void anEditorsSafeWriteThroughTempFilesAndRenamesIsOneChange() throws IOException {
        // what IntelliJ's "safe write" does: write a temp file, move the original aside, move the temp file in place
        Path temp = rules.resolve("entry/imbalance.drl___jb_tmp___");
        Path old = rules.resolve("entry/imbalance.drl___jb_old___");
        Files.writeString(temp, replaceOnce(original, "imbalance > 3.0B", "imbalance > 5.0B"));
        Files.move(drl, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(temp, drl, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(old);
        RuleSet next = awaitGeneration(startGeneration + 1);
        assertEquals(List.of(), fire(next, live("4", "1")));
        assertEquals(List.of("BUY imbalance-buy"), fire(next, live("6", "1")));
        assertEquals(List.of(Outcome.DEPLOYED, Outcome.DEPLOYED), service.deployments(50).stream()
                .filter(d -> d.ruleSet().equals("entry")).map(RuleDeployment::outcome).toList(), "startup and the one edit");
        assertEquals(IMBALANCE, service.deployments(1).get(0).file());
    }

    @Test
    void aTempFileWrittenBesideAndRenamedOverTheRuleFileIsPickedUp() throws IOException {
        Path temp = rules.resolve("entry/.imbalance.drl.swp");
        Files.writeString(temp, replaceOnce(original, "imbalance > 3.0B", "imbalance > 5.0B"));
        Files.move(temp, drl, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        RuleSet next = awaitGeneration(startGeneration + 1);
        assertEquals(List.of(), fire(next, live("4", "1")));
        assertEquals(IMBALANCE, service.deployments(1).get(0).file());
    }

    @Test
    void addingAndDeletingARuleFileChangesTheRulesInForce() throws IOException {
        Path extra = rules.resolve("entry/extra.drl");
        write(extra, "package org.tradeengine.rules.entry;\n"
                + "import org.tradeengine.api.book.BookFeatures;\n"
                + "rule \"never\"\nwhen\n  BookFeatures( depth < 0 )\nthen\nend\n");
        RuleSet withExtra = awaitGeneration(startGeneration + 1);
        assertEquals(List.of("imbalance-buy", "imbalance-sell", "never"), withExtra.ruleNames());
        assertEquals(List.of("entry/extra.drl", IMBALANCE), service.files("entry"));

        Files.delete(extra);
        RuleSet without = awaitGeneration(startGeneration + 2);
        assertEquals(List.of("imbalance-buy", "imbalance-sell"), without.ruleNames());
        RuleDeployment d = service.deployments(1).get(0);
        assertEquals(List.of("entry/extra.drl", "", Outcome.DEPLOYED), List.of(d.file(), d.sha256(), d.outcome()));
    }

    @Test
    void aChangedScenarioFileIsCheckedAgainstTheRulesInForce() {
        Path scenarios = rules.resolve("scenarios/entry-extra.scenarios");
        write(scenarios, "Scenario: four to one buys\n"
                + "  Given a LIVE BINANCE_FUTURES book with top-5 bid volume 4 and ask volume 1\n"
                + "  Then the entry rules signal BUY\n");
        RuleDeployment passed = awaitAttempt("the scenario check", d -> d.file().equals("scenarios/entry-extra.scenarios"));
        assertEquals(List.of(Outcome.UNCHANGED, startGeneration, List.of()), List.of(passed.outcome(), passed.generation(), passed.problems()));

        write(scenarios, "Scenario: two to one buys\n"
                + "  Given a LIVE BINANCE_FUTURES book with top-5 bid volume 2 and ask volume 1\n"
                + "  Then the entry rules signal BUY\n");
        RuleDeployment failed = awaitAttempt("a failed scenario check", d -> d.outcome() == Outcome.REJECTED);
        assertEquals("scenarios/entry-extra.scenarios:3: expected BUY, rules signalled nothing (rule set entry, generation "
                + startGeneration + " in force)", failed.firstError());
        assertEquals(startGeneration, entry().generation());
    }
}
