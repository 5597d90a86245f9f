// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.rules.RuleProblem;
import org.tradeengine.api.rules.RuleService;

/**
 * Reads a scenario file. The language, one statement per line (keywords in any case, {@code #} starts a comment):
 * <pre>
 * Scenario: strong bid pressure on a futures book buys
 *   Given a LIVE BINANCE_FUTURES book with top-5 bid volume 20 and ask volume 1
 *   And best bid 61800.1 and best ask 61800.2          (optional; default 60000.00 / 60000.10)
 *   Then the entry rules signal BUY                    (BUY, SELL or nothing)
 * </pre>
 * The book is BTCUSDT on the named venue (BTCUSDT-PERP.BINANCE_FUTURES, BTCUSDT.BINANCE_SPOT, ...) with that
 * instrument's price and quantity decimals; a side with volume 0 is empty. Every mistake is reported with its
 * line and the form expected, and the whole file is read so all mistakes show at once.
 */
final class ScenarioParser {

    static final String GIVEN_FORM = "Given a LIVE BINANCE_FUTURES book with top-5 bid volume 20 and ask volume 1";
    static final String AND_FORM = "And best bid 60000.0 and best ask 60000.1";
    static final String THEN_FORM = "Then the entry rules signal BUY (or SELL, or nothing)";

    private static final String SYMBOL = "BTCUSDT";
    private static final String DEFAULT_BID = "60000.00";
    private static final String DEFAULT_ASK = "60000.10";
    private static final int MAX_DEPTH = 1000;
    private static final Pattern SCENARIO = Pattern.compile("(?i)scenario:\\s*(\\S.*)");
    private static final Pattern GIVEN = Pattern.compile(
            "(?i)given an? (\\S+) (\\S+) book with top-(\\d+) bid volume (\\S+) and ask volume (\\S+)");
    private static final Pattern AND = Pattern.compile("(?i)and best bid (\\S+) and best ask (\\S+)");
    private static final Pattern THEN = Pattern.compile("(?i)then the (\\S+) rules signal (\\S+)");

    private final SourceFile file;
    private final String ruleSet;
    private final List<Scenario> scenarios = new ArrayList<>();
    private final List<RuleProblem> problems = new ArrayList<>();
    private Draft draft;

    /** The scenario being read. */
    private static final class Draft {
        final int line;
        final String title;
        int givenLine;
        String[] given;
        String bid = DEFAULT_BID;
        String ask = DEFAULT_ASK;
        int thenLine;
        Scenario.Expectation expected;

        Draft(int line, String title) {
            this.line = line;
            this.title = title;
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
        String keyword = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = SCENARIO.matcher(text)).matches()) {
            finish();
            draft = new Draft(no, m.group(1).strip());
        } else if (keyword.startsWith("scenario")) {
            problem(no, "write a scenario heading as 'Scenario: <what it shows>'");
        } else if (draft == null) {
            problem(no, "'" + text + "' is outside a scenario; start one with 'Scenario: <what it shows>'");
        } else if (keyword.equals("given")) {
            given(no, text);
        } else if (keyword.equals("and")) {
            and(no, text);
        } else if (keyword.equals("then")) {
            then(no, text);
        } else {
            problem(no, "cannot read '" + text + "'; a scenario has the lines '" + GIVEN_FORM + "', optionally '" + AND_FORM
                    + "', and '" + THEN_FORM + "'");
        }
    }

    private void given(int no, String text) {
        Matcher m = GIVEN.matcher(text);
        if (draft.givenLine > 0) {
            problem(no, "a scenario has one Given (the first is on line " + draft.givenLine + ")");
        } else if (!m.matches()) {
            problem(no, "cannot read this Given; write it as '" + GIVEN_FORM + "'");
        } else {
            draft.givenLine = no;
            draft.given = new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)};
        }
    }

    private void and(int no, String text) {
        Matcher m = AND.matcher(text);
        if (draft.givenLine == 0 || draft.thenLine > 0) {
            problem(no, "'And best bid ...' belongs between the Given and the Then");
        } else if (!m.matches()) {
            problem(no, "cannot read this And; write it as '" + AND_FORM + "'");
        } else {
            draft.bid = m.group(1);
            draft.ask = m.group(2);
        }
    }

    private void then(int no, String text) {
        Matcher m = THEN.matcher(text);
        if (draft.thenLine > 0) {
            problem(no, "a scenario has one Then (the first is on line " + draft.thenLine + ")");
        } else if (!m.matches()) {
            problem(no, "cannot read this Then; write it as '" + THEN_FORM + "'");
        } else if (!m.group(1).equalsIgnoreCase(ruleSet)) {
            problem(no, "this file checks the " + ruleSet + " rules (its name starts with '" + ruleSet + "-'), not the "
                    + m.group(1) + " rules");
        } else if (!ruleSet.equals(RuleService.ENTRY)) {
            problem(no, "scenarios for the " + ruleSet + " rules cannot be written yet; only entry rules signal");
        } else {
            draft.thenLine = no;
            draft.expected = expectation(no, m.group(2));
        }
    }

    private Scenario.Expectation expectation(int no, String word) {
        for (Scenario.Expectation e : Scenario.Expectation.values()) {
            if (e.name().equalsIgnoreCase(word)) {
                return e;
            }
        }
        problem(no, "the rules can signal BUY, SELL or nothing, not '" + word + "'");
        return null;
    }

    private void finish() {
        Draft d = draft;
        draft = null;
        if (d == null) {
            return;
        }
        if (d.givenLine == 0) {
            problem(d.line, "scenario '" + d.title + "' has no Given line ('" + GIVEN_FORM + "')");
        }
        if (d.thenLine == 0) {
            problem(d.line, "scenario '" + d.title + "' has no Then line ('" + THEN_FORM + "')");
        }
        BookFeatures book = d.givenLine > 0 ? book(d) : null;
        if (book != null && d.expected != null) {
            scenarios.add(new Scenario(file.name(), d.line, d.title, book, d.thenLine, d.expected));
        }
    }

    /** Builds the book of a Given, reporting every value that cannot be one. */
    private BookFeatures book(Draft d) {
        String[] g = d.given;
        try {
            BookState state = state(g[0]);
            InstrumentId id = InstrumentId.ofVenueSymbol(Venue.parse(g[1]), SYMBOL);
            InstrumentSpec spec = InstrumentSpecs.lookup(id);
            int depth = Integer.parseInt(g[2]);
            if (depth < 1 || depth > MAX_DEPTH) {
                throw new IllegalArgumentException("top-" + depth + ": the depth must be 1 to " + MAX_DEPTH);
            }
            long bidVol = amount("bid volume", g[3], spec.qtyScale());
            long askVol = amount("ask volume", g[4], spec.qtyScale());
            long bid = bidVol > 0 ? price("best bid", d.bid, spec.priceScale()) : 0;
            long ask = askVol > 0 ? price("best ask", d.ask, spec.priceScale()) : 0;
            if (bid > 0 && ask > 0 && bid >= ask) {
                throw new IllegalArgumentException("best bid " + d.bid + " must be below best ask " + d.ask);
            }
            return new BookFeatures(id, state, depth, spec.priceScale(), spec.qtyScale(), bidVol, askVol, bid, ask, 1, 0, 0);
        } catch (IllegalArgumentException e) {
            problem(d.givenLine, e.getMessage());
            return null;
        }
    }

    private static BookState state(String text) {
        for (BookState s : BookState.values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown book state '" + text + "' (known: LIVE, SYNCING, INVALID)");
    }

    private static long amount(String what, String text, int scale) {
        long raw = decimal(what, text, scale);
        if (raw < 0) {
            throw new IllegalArgumentException(what + " " + text + " is negative");
        }
        return raw;
    }

    private static long price(String what, String text, int scale) {
        long raw = decimal(what, text, scale);
        if (raw <= 0) {
            throw new IllegalArgumentException(what + " " + text + " must be above zero");
        }
        return raw;
    }

    private static long decimal(String what, String text, int scale) {
        try {
            return FixedPoint.parse(text, scale);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a decimal number with at most " + scale
                    + " decimals for " + SYMBOL + " (" + e.getMessage() + ")");
        }
    }

    private void problem(int line, String message) {
        problems.add(new RuleProblem(file.name(), line, 0, message));
    }
}
