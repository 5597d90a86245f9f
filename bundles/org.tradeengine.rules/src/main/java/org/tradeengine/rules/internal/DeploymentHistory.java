// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.rules.RuleDeployment;
import org.tradeengine.api.rules.RuleProblem;

/**
 * Every deployment attempt, newest first: the last {@code capacity} in memory, all of them appended to a JSON
 * lines file so the history survives restarts. A line that cannot be read (a torn write after a crash) is
 * skipped, never fatal.
 */
final class DeploymentHistory {

    private final Logger logger = LoggerFactory.getLogger(DeploymentHistory.class);
    private final Path file;
    private final int capacity;
    private final Deque<RuleDeployment> recent = new ArrayDeque<>();

    DeploymentHistory(Path file, int capacity) {
        this.file = file;
        this.capacity = Math.max(1, capacity);
    }

    /** Loads the tail of the file written by earlier runs. */
    synchronized void load() {
        int bad = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    remember(fromJson(line));
                } catch (RuntimeException e) {
                    bad++;
                }
            }
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            logger.warn("Cannot read the rule deployment history {}: {}; starting with what was read", file, e.toString());
        }
        if (bad > 0) {
            logger.warn("Skipped {} unreadable line(s) of the rule deployment history {}", bad, file);
        }
    }

    /**
     * Records an attempt in memory and on disk.
     *
     * @param d the attempt
     */
    synchronized void add(RuleDeployment d) {
        remember(d);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, toJson(d) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            logger.warn("Cannot append to the rule deployment history {}: {} (kept in memory only)", file, e.toString());
        }
    }

    /**
     * Returns the latest attempts.
     *
     * @param limit at most this many
     * @return newest first
     */
    synchronized List<RuleDeployment> recent(int limit) {
        List<RuleDeployment> out = new ArrayList<>(Math.min(Math.max(limit, 0), recent.size()));
        Iterator<RuleDeployment> it = recent.iterator();
        while (it.hasNext() && out.size() < limit) {
            out.add(it.next());
        }
        return out;
    }

    /**
     * Returns the latest attempt of a rule set.
     *
     * @param ruleSet the rule set
     * @return the attempt, or null if none is remembered
     */
    synchronized RuleDeployment latest(String ruleSet) {
        return recent.stream().filter(d -> d.ruleSet().equals(ruleSet)).findFirst().orElse(null);
    }

    /**
     * Returns the highest generation remembered for a rule set, so generations keep increasing across restarts.
     *
     * @param ruleSet the rule set
     * @return the generation, 0 if none
     */
    synchronized long maxGeneration(String ruleSet) {
        return recent.stream().filter(d -> d.ruleSet().equals(ruleSet)).mapToLong(RuleDeployment::generation).max().orElse(0);
    }

    /** @return the file the history is appended to */
    Path file() {
        return file;
    }

    private void remember(RuleDeployment d) {
        recent.addFirst(d);
        while (recent.size() > capacity) {
            recent.removeLast();
        }
    }

    static String toJson(RuleDeployment d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleSet", d.ruleSet());
        m.put("file", d.file());
        m.put("sha256", d.sha256());
        m.put("at", d.at().toString());
        m.put("outcome", d.outcome().name());
        m.put("generation", d.generation());
        m.put("trigger", d.trigger());
        List<Object> problems = new ArrayList<>();
        for (RuleProblem p : d.problems()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("file", p.file());
            pm.put("line", p.line());
            pm.put("column", p.column());
            pm.put("message", p.message());
            problems.add(pm);
        }
        m.put("problems", problems);
        return Json.write(m);
    }

    static RuleDeployment fromJson(String line) {
        Map<?, ?> m = (Map<?, ?>) Json.parse(line);
        List<RuleProblem> problems = new ArrayList<>();
        for (Object o : (List<?>) m.get("problems")) {
            Map<?, ?> p = (Map<?, ?>) o;
            problems.add(new RuleProblem(text(p, "file"), number(p, "line").intValue(), number(p, "column").intValue(),
                    text(p, "message")));
        }
        return new RuleDeployment(text(m, "ruleSet"), text(m, "file"), text(m, "sha256"), Instant.parse(text(m, "at")),
                RuleDeployment.Outcome.valueOf(text(m, "outcome")), number(m, "generation"), text(m, "trigger"), problems);
    }

    private static String text(Map<?, ?> m, String key) {
        return Objects.requireNonNull((String) m.get(key), key);
    }

    private static Long number(Map<?, ?> m, String key) {
        return Objects.requireNonNull((Long) m.get(key), key);
    }
}
