// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.api.strategy.ExitSignals;
import org.tradeengine.rules.internal.MarketStatements.Book;
import org.tradeengine.rules.internal.MarketStatements.Position;
import org.tradeengine.rules.internal.RiskScenarios.Located;

/**
 * The scenario language of the exit rules: open positions (and, optionally, their books), then which the rules close.
 * <pre>
 * Scenario: a long up by the profit target is closed
 *   Given a long position of 0.1 BTCUSDT-PERP entered at 60000, marked at 60121, aged 5000 ms
 *   And a SYNCING BINANCE_FUTURES book for BTCUSDT-PERP      (optional: a position's book is LIVE unless stated)
 *   Then the exit rules close it by profit-target              (close SYMBOL by r [and SYMBOL by r]; keep it; close nothing)
 * </pre>
 * The rules see one {@link PositionMark} per position, marked as the engine marks it. The positions closed must be
 * exactly those named; each {@code by <rule>} must be one of the rules that asked to close it.
 */
final class ExitScenarios implements ScenarioGrammar {

    static final String GIVEN_FORM = "Given " + MarketStatements.POSITION_FORM;
    static final String THEN_FORM = "Then the exit rules close it by profit-target (or: close BTCUSDT-PERP by <rule>, "
            + "keep it, close nothing)";

    private static final Pattern KEEP = Pattern.compile("(?i)keep (?:it|them)|close nothing");
    private static final Pattern CLOSE = Pattern.compile("(?i)close (.+)");
    private static final Pattern ONE = Pattern.compile("(?i)(\\S+) by (\\S+)");

    @Override
    public Draft draft() {
        return new ExitDraft();
    }

    @Override
    public String givenForm() {
        return GIVEN_FORM;
    }

    @Override
    public String whenForm() {
        return null;
    }

    @Override
    public String thenForm() {
        return THEN_FORM;
    }

    @Override
    public String usage() {
        return "a scenario has the lines '" + GIVEN_FORM + "', optionally more positions and books ('And "
                + MarketStatements.BOOK_FORM + "'), and '" + THEN_FORM + "'";
    }

    /**
     * Which positions the exit rules must close.
     *
     * @param closes instrument and a rule that must close it; empty: none
     */
    record Closes(List<Close> closes) implements Scenario.Expectation {

        /**
         * Copies the list.
         *
         * @param closes the closes
         */
        Closes {
            closes = List.copyOf(closes);
        }

        @Override
        public Scenario.Recorder newRecorder() {
            return new Recorder(this);
        }

        @Override
        public String toString() {
            return closes.isEmpty() ? "nothing closed"
                    : "close " + closes.stream().map(Close::toString).collect(Collectors.joining(" and "));
        }
    }

    /**
     * One expected close.
     *
     * @param instrument the position
     * @param rule a rule that must ask for it
     */
    record Close(InstrumentId instrument, String rule) {
        @Override
        public String toString() {
            return instrument + " by " + rule;
        }
    }

    /** One exit scenario being read. */
    private static final class ExitDraft implements Draft {
        private final List<Book> books = new ArrayList<>();
        private final List<Position> positions = new ArrayList<>();
        private int thenLine;
        private List<String[]> closes;

        @Override
        public void given(int line, String text, boolean first, Problems problems) {
            try {
                if (MarketStatements.isPosition(text)) {
                    positions.add(MarketStatements.position(line, text));
                } else if (MarketStatements.isBook(text)) {
                    books.add(MarketStatements.book(line, text));
                } else {
                    throw new IllegalArgumentException("cannot read '" + text + "'; an exit scenario states positions ('"
                            + MarketStatements.POSITION_FORM + "') and, optionally, their books ('" + MarketStatements.BOOK_FORM
                            + "')");
                }
            } catch (IllegalArgumentException e) {
                problems.at(line, e.getMessage());
            }
        }

        @Override
        public void when(int line, String text, Problems problems) {
            throw new IllegalStateException("exit scenarios have no When");
        }

        @Override
        public void then(int line, String text, Problems problems) {
            thenLine = line;
            Matcher close = CLOSE.matcher(text);
            if (KEEP.matcher(text).matches()) {
                closes = List.of();
            } else if (close.matches()) {
                List<String[]> list = new ArrayList<>();
                for (String part : close.group(1).split("(?i)\\s+and\\s+")) {
                    Matcher m = ONE.matcher(part.strip());
                    if (!m.matches()) {
                        problems.at(line, "cannot read '" + part.strip() + "' in this Then; write it as '" + THEN_FORM + "'");
                        return;
                    }
                    list.add(new String[] {m.group(1), m.group(2)});
                }
                closes = list;
            } else {
                problems.at(line, "cannot read this Then; write it as '" + THEN_FORM + "'");
            }
        }

        @Override
        public Built build(Problems problems) {
            if (closes == null) {
                return null; // reported already
            }
            try {
                List<Object> marks = new ArrayList<>();
                for (Position p : positions) {
                    if (p.quantity().signum() != 0) {
                        InstrumentId id = RiskScenarios.at(p.line(), () -> MarketStatements.resolve(p.symbol(), books));
                        boolean live = books.stream().noneMatch(b -> b.instrument().equals(id) && b.state() != BookState.LIVE);
                        marks.add(RiskScenarios.at(p.line(), () -> MarketStatements.mark(p, id, live)));
                    }
                }
                List<Close> expected = new ArrayList<>();
                for (String[] c : closes) {
                    expected.add(new Close(instrument(c[0], marks), c[1]));
                }
                return new Built(marks, new Closes(expected));
            } catch (Located e) {
                problems.at(e.line, e.getMessage());
                return null;
            }
        }

        private InstrumentId instrument(String symbol, List<Object> marks) {
            if (symbol.equalsIgnoreCase("it")) {
                if (marks.size() != 1) {
                    throw new Located(thenLine, "'it' means the one position, but this scenario has " + marks.size()
                            + ": name it ('close BTCUSDT-PERP by <rule>')");
                }
                return ((PositionMark) marks.get(0)).getInstrument();
            }
            return RiskScenarios.at(thenLine, () -> MarketStatements.resolve(symbol.toUpperCase(Locale.ROOT), books));
        }
    }

    /** The {@code exits} global of a scenario run. */
    private static final class Recorder implements ExitSignals, Scenario.Recorder {

        private final Closes expected;
        private final List<Close> calls = new ArrayList<>();
        private final List<String> described = new ArrayList<>();

        Recorder(Closes expected) {
            this.expected = expected;
        }

        @Override
        public String global() {
            return DrlContract.EXIT_GLOBAL;
        }

        @Override
        public void exit(PositionMark position, String rule, String reason) {
            calls.add(new Close(position.getInstrument(), rule));
            described.add(position.getInstrument() + " by " + rule + " (" + reason + ")");
        }

        @Override
        public Optional<String> mismatch() {
            Set<InstrumentId> closed = calls.stream().map(Close::instrument).collect(Collectors.toCollection(LinkedHashSet::new));
            Set<InstrumentId> wanted = expected.closes().stream().map(Close::instrument)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            boolean met = closed.equals(wanted) && calls.containsAll(expected.closes());
            return met ? Optional.empty()
                    : Optional.of("rules closed " + (calls.isEmpty() ? "nothing" : String.join("; ", described)));
        }
    }
}
