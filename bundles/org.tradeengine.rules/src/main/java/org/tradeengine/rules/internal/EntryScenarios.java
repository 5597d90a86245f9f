// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.strategy.EntrySignals;

/**
 * The scenario language of the entry rules:
 * <pre>
 * Scenario: strong bid pressure on a futures book buys
 *   Given a LIVE BINANCE_FUTURES book with top-5 bid volume 20 and ask volume 1
 *   And best bid 61800.1 and best ask 61800.2          (optional; default 60000.00 / 60000.10)
 *   Then the entry rules signal BUY                    (BUY, SELL or nothing)
 * </pre>
 * The book is BTCUSDT on the named venue (BTCUSDT-PERP.BINANCE_FUTURES, BTCUSDT.BINANCE_SPOT, ...) with that
 * instrument's price and quantity decimals; a side with volume 0 is empty. The rules see one {@link BookFeatures}.
 */
final class EntryScenarios implements ScenarioGrammar {

    static final String GIVEN_FORM = "Given a LIVE BINANCE_FUTURES book with top-5 bid volume 20 and ask volume 1";
    static final String AND_FORM = "And best bid 60000.0 and best ask 60000.1";
    static final String THEN_FORM = "Then the entry rules signal BUY (or SELL, or nothing)";

    private static final String SYMBOL = "BTCUSDT";
    private static final String DEFAULT_BID = "60000.00";
    private static final String DEFAULT_ASK = "60000.10";
    private static final int MAX_DEPTH = 1000;
    private static final Pattern GIVEN = Pattern.compile(
            "(?i)an? (\\S+) (\\S+) book with top-(\\d+) bid volume (\\S+) and ask volume (\\S+)");
    private static final Pattern AND = Pattern.compile("(?i)best bid (\\S+) and best ask (\\S+)");
    private static final Pattern THEN = Pattern.compile("(?i)signal (\\S+)");

    /** What the entry rules must signal. */
    enum Signal implements Scenario.Expectation {
        /** At least one buy and no sell. */
        BUY,
        /** At least one sell and no buy. */
        SELL,
        /** No signal at all. */
        NOTHING;

        @Override
        public Scenario.Recorder newRecorder() {
            return new Recorder(this);
        }

        @Override
        public String toString() {
            return this == NOTHING ? "nothing" : name();
        }
    }

    @Override
    public Draft draft() {
        return new EntryDraft();
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
        return "a scenario has the lines '" + GIVEN_FORM + "', optionally '" + AND_FORM + "', and '" + THEN_FORM + "'";
    }

    /** One entry scenario being read. */
    private static final class EntryDraft implements Draft {
        private int givenLine;
        private InstrumentSpec spec;
        private BookState state;
        private int depth;
        private long bidVolume;
        private long askVolume;
        private int andLine;
        private String bid = DEFAULT_BID;
        private String ask = DEFAULT_ASK;
        private Signal expected;

        @Override
        public void given(int line, String text, boolean first, Problems problems) {
            Matcher m = (first ? GIVEN : AND).matcher(text);
            if (!m.matches()) {
                problems.at(line, first ? "cannot read this Given; write it as '" + GIVEN_FORM + "'"
                        : "cannot read this And; write it as '" + AND_FORM + "'");
            } else if (!first && andLine > 0) {
                problems.at(line, "the best bid and ask are already on line " + andLine);
            } else if (first) {
                book(line, m, problems);
            } else {
                andLine = line;
                bid = m.group(1);
                ask = m.group(2);
            }
        }

        private void book(int line, Matcher m, Problems problems) {
            try {
                state = state(m.group(1));
                spec = InstrumentSpecs.lookup(InstrumentId.ofVenueSymbol(Venue.parse(m.group(2)), SYMBOL));
                depth = Integer.parseInt(m.group(3));
                if (depth < 1 || depth > MAX_DEPTH) {
                    throw new IllegalArgumentException("top-" + depth + ": the depth must be 1 to " + MAX_DEPTH);
                }
                bidVolume = amount("bid volume", m.group(4), spec.qtyScale());
                askVolume = amount("ask volume", m.group(5), spec.qtyScale());
                givenLine = line;
            } catch (IllegalArgumentException e) {
                problems.at(line, e.getMessage());
            }
        }

        @Override
        public void when(int line, String text, Problems problems) {
            throw new IllegalStateException("entry scenarios have no When");
        }

        @Override
        public void then(int line, String text, Problems problems) {
            Matcher m = THEN.matcher(text);
            if (!m.matches()) {
                problems.at(line, "cannot read this Then; write it as '" + THEN_FORM + "'");
                return;
            }
            for (Signal s : Signal.values()) {
                if (s.name().equalsIgnoreCase(m.group(1))) {
                    expected = s;
                    return;
                }
            }
            problems.at(line, "the rules can signal BUY, SELL or nothing, not '" + m.group(1) + "'");
        }

        @Override
        public Built build(Problems problems) {
            if (givenLine == 0 || expected == null) {
                return null; // reported already
            }
            int line = andLine > 0 ? andLine : givenLine;
            try {
                long bidRaw = bidVolume > 0 ? price("best bid", bid, spec.priceScale()) : 0;
                long askRaw = askVolume > 0 ? price("best ask", ask, spec.priceScale()) : 0;
                if (bidRaw > 0 && askRaw > 0 && bidRaw >= askRaw) {
                    throw new IllegalArgumentException("best bid " + bid + " must be below best ask " + ask);
                }
                BookFeatures book = new BookFeatures(spec.id(), state, depth, spec.priceScale(), spec.qtyScale(), bidVolume,
                        askVolume, bidRaw, askRaw, 1, 0, 0);
                return new Built(List.of(book), expected);
            } catch (IllegalArgumentException e) {
                problems.at(line, e.getMessage());
                return null;
            }
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

    /** Records what the entry rules asked for. */
    private static final class Recorder implements EntrySignals, Scenario.Recorder {

        private final Signal expected;
        private final List<String> calls = new ArrayList<>();
        private boolean buys;
        private boolean sells;

        Recorder(Signal expected) {
            this.expected = expected;
        }

        @Override
        public String global() {
            return EntrySignals.GLOBAL;
        }

        @Override
        public void buy(BookFeatures features, String rule) {
            buys = true;
            calls.add("BUY (rule " + rule + ")");
        }

        @Override
        public void sell(BookFeatures features, String rule) {
            sells = true;
            calls.add("SELL (rule " + rule + ")");
        }

        @Override
        public Optional<String> mismatch() {
            boolean met = switch (expected) {
                case NOTHING -> calls.isEmpty();
                case BUY -> buys && !sells;
                case SELL -> sells && !buys;
            };
            return met ? Optional.empty()
                    : Optional.of("rules signalled " + (calls.isEmpty() ? "nothing" : String.join(" and ", calls)));
        }
    }
}
