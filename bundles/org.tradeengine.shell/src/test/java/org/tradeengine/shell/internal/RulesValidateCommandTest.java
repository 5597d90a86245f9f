// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.api.rules.RuleProblem;
import org.tradeengine.api.rules.RuleService;
import org.tradeengine.api.rules.RuleSet;
import org.tradeengine.api.rules.RuleSetStatus;

class RulesValidateCommandTest {

    @TempDir
    Path tmp;

    private final List<String> validated = new ArrayList<>();

    @Test
    void aCandidateCopyIsValidatedInPlaceOfTheFileItReplaces() throws Exception {
        Path copy = Files.writeString(tmp.resolve("my-copy.drl"), "rule \"x\" when then end");
        RulesValidateCommand cmd = command("my-copy.drl");
        cmd.file = copy.toString();
        cmd.set = "entry";
        cmd.replaces = "entry/imbalance.drl";
        String out = run(cmd);
        assertEquals(List.of("entry:imbalance.drl:rule \"x\" when then end"), validated);
        assertTrue(out.contains("REJECTED") && out.contains("entry/imbalance.drl:3: bad"), out);
    }

    @Test
    void withoutReplacesTheCandidateKeepsItsNameAndTheSetComesFromItsFolder() throws Exception {
        Files.createDirectories(tmp.resolve("entry"));
        Path file = Files.writeString(tmp.resolve("entry/imbalance.drl"), "ok");
        RulesValidateCommand cmd = command(null);
        cmd.file = "entry/imbalance.drl";
        String out = run(cmd);
        assertEquals(List.of("entry:imbalance.drl:ok"), validated);
        assertTrue(out.startsWith("OK: entry/imbalance.drl"), out);
        assertTrue(Files.exists(file));
    }

    private String run(RulesValidateCommand cmd) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            cmd.execute();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** A rule service over the temp folder that records what it was asked to validate; fails files named "my-copy". */
    private RulesValidateCommand command(String failing) {
        RulesValidateCommand cmd = new RulesValidateCommand();
        cmd.rules = new RuleService() {
            @Override
            public List<RuleProblem> validate(String ruleSet, Path candidate) {
                try {
                    validated.add(ruleSet + ":" + candidate.getFileName() + ":" + Files.readString(candidate));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return failing == null ? List.of() : List.of(new RuleProblem("entry/" + candidate.getFileName(), 3, 0, "bad"));
            }

            @Override
            public Optional<RuleSet> current(String ruleSet) {
                return Optional.empty();
            }

            @Override
            public List<RuleSetStatus> status() {
                return List.of();
            }

            @Override
            public List<RuleDeployment> deployments(int limit) {
                return List.of();
            }

            @Override
            public RuleDeployment reload(String ruleSet, String trigger) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> ruleSets() {
                return List.of("entry", "risk");
            }

            @Override
            public List<String> files(String ruleSet) {
                return List.of();
            }

            @Override
            public Path rulesDirectory() {
                return tmp;
            }
        };
        return cmd;
    }
}
