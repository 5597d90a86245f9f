// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tradeengine.api.rules.RuleProblem;

/**
 * Reads a scenario file. One statement per line, keywords in any case, {@code #} starts a comment:
 * <pre>
 * Scenario: what it shows
 *   Given ...          one Given, then any number of And lines (what the rules see)
 *   When ...           only where the rule set's language has one (risk: which check runs)
 *   Then the &lt;set&gt; rules ...
 * </pre>
 * This class reads the structure; the statements are the language of the rule set the file checks
 * ({@link ScenarioGrammar#of(String)}: entry, risk, exit). Every mistake is reported with its line and the form
 * expected, and the whole file is read so all mistakes show at once.
 */
final class ScenarioParser {

    private static final Pattern SCENARIO = Pattern.compile("(?i)scenario:\\s*(\\S.*)");
    private static final Pattern THEN = Pattern.compile("(?i)then the (\\S+) rules (\\S.*)");

    private final SourceFile file;
    private final String ruleSet;
    private final ScenarioGrammar grammar;
    private final List<Scenario> scenarios = new ArrayList<>();
    private final List<RuleProblem> problems = new ArrayList<>();
    private Heading heading;

    /** The scenario being read: where its parts are, and the grammar's draft of it. */
    private static final class Heading {
        final int line;
        final String title;
        final ScenarioGrammar.Draft draft;
        final int problemsBefore;
        int givenLine;
        int whenLine;
        int thenLine;

        Heading(int line, String title, ScenarioGrammar.Draft draft, int problemsBefore) {
            this.line = line;
            this.title = title;
            this.draft = draft;
            this.problemsBefore = problemsBefore;
        }
    }

    /**
     * Everything read from one file.
     *
     * @param scenarios the scenarios read without a mistake
     * @param problems the mistakes, each with its line
     */
    record Result(List<Scenario> scenarios, List<RuleProblem> problems) {
    }

    private ScenarioParser(SourceFile file, String ruleSet) {
        this.file = file;
        this.ruleSet = ruleSet;
        this.grammar = ScenarioGrammar.of(ruleSet);
    }

    /**
     * Reads a scenario file.
     *
     * @param file the file
     * @param ruleSet the rule set it checks (from its name)
     * @return the scenarios and the mistakes
     */
    static Result parse(SourceFile file, String ruleSet) {
        ScenarioParser p = new ScenarioParser(file, ruleSet);
        List<String> lines = file.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            p.line(i + 1, lines.get(i).strip());
        }
        p.finish();
        if (p.scenarios.isEmpty() && p.problems.isEmpty()) {
            p.problem(0, "no scenarios in this file; start one with 'Scenario: <what it shows>'");
        }
        return new Result(List.copyOf(p.scenarios), List.copyOf(p.problems));
    }

    private void line(int no, String text) {
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        String[] words = text.split("\\s+", 2);
        String keyword = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1] : "";
        Matcher m;
        if ((m = SCENARIO.matcher(text)).matches()) {
            finish();
            heading = new Heading(no, m.group(1).strip(), grammar.draft(), problems.size());
        } else if (keyword.startsWith("scenario")) {
            problem(no, "write a scenario heading as 'Scenario: <what it shows>'");
        } else if (heading == null) {
            problem(no, "'" + text + "' is outside a scenario; start one with 'Scenario: <what it shows>'");
        } else if (keyword.equals("given")) {
            given(no, rest);
        } else if (keyword.equals("and")) {
            and(no, rest);
        } else if (keyword.equals("when") && grammar.whenForm() != null) {
            when(no, rest);
        } else if (keyword.equals("then")) {
            then(no, text);
        } else {
            problem(no, "cannot read '" + text + "'; " + grammar.usage());
        }
    }

    private void given(int no, String rest) {
        if (heading.givenLine > 0) {
            problem(no, "a scenario has one Given (the first is on line " + heading.givenLine + "); add more with And");
        } else {
            heading.givenLine = no;
            heading.draft.given(no, rest, true, this::problem);
        }
    }

    private void and(int no, String rest) {
        String next = grammar.whenForm() != null ? "When" : "Then";
        if (heading.givenLine == 0 || heading.whenLine > 0 || heading.thenLine > 0) {
            problem(no, "an And line belongs after the Given and before the " + next);
        } else {
            heading.draft.given(no, rest, false, this::problem);
        }
    }

    private void when(int no, String rest) {
        if (heading.whenLine > 0) {
            problem(no, "a scenario has one When (the first is on line " + heading.whenLine + ")");
        } else if (heading.givenLine == 0 || heading.thenLine > 0) {
            problem(no, "the When belongs after the Given and before the Then");
        } else {
            heading.whenLine = no;
            heading.draft.when(no, rest, this::problem);
        }
    }

    private void then(int no, String text) {
        Matcher m = THEN.matcher(text);
        if (heading.thenLine > 0) {
            problem(no, "a scenario has one Then (the first is on line " + heading.thenLine + ")");
        } else if (!m.matches()) {
            problem(no, "cannot read this Then; write it as '" + grammar.thenForm() + "'");
        } else if (!m.group(1).equalsIgnoreCase(ruleSet)) {
            problem(no, "this file checks the " + ruleSet + " rules (its name starts with '" + ruleSet + "-'), not the "
                    + m.group(1) + " rules");
        } else {
            heading.thenLine = no;
            heading.draft.then(no, m.group(2).strip(), this::problem);
        }
    }

    private void finish() {
        Heading h = heading;
        heading = null;
        if (h == null) {
            return;
        }
        boolean complete = true;
        if (h.givenLine == 0) {
            problem(h.line, "scenario '" + h.title + "' has no Given line ('" + grammar.givenForm() + "')");
            complete = false;
        }
        if (grammar.whenForm() != null && h.whenLine == 0) {
            problem(h.line, "scenario '" + h.title + "' has no When line ('" + grammar.whenForm() + "')");
            complete = false;
        }
        if (h.thenLine == 0) {
            problem(h.line, "scenario '" + h.title + "' has no Then line ('" + grammar.thenForm() + "')");
            complete = false;
        }
        // the statements were read as they came; only now can they be put together (e.g. an order and its book)
        ScenarioGrammar.Built built = complete ? h.draft.build(this::problem) : null;
        if (built != null && problems.size() == h.problemsBefore) {
            scenarios.add(new Scenario(file.name(), h.line, h.title, built.facts(), h.thenLine, built.expected()));
        }
    }

    private void problem(int line, String message) {
        problems.add(new RuleProblem(file.name(), line, 0, message));
    }
}
