// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.risk.AccountMark;
import org.tradeengine.api.risk.OrderCheck;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.api.risk.RiskAction;
import org.tradeengine.api.risk.RiskDecision.Verdict;
import org.tradeengine.rules.internal.MarketStatements.Book;
import org.tradeengine.rules.internal.MarketStatements.Position;

/**
 * The scenario language of the risk rules: an account, books and positions, then one check.
 * <pre>
 * Scenario: an order that takes the position above 10,000 is denied
 *   Given an account with equity 40000, peak equity 40000, daily P&amp;L 0 and drawdown 0, trading ACTIVE
 *   And a LIVE BINANCE_FUTURES book for BTCUSDT-PERP, last event 0 ms ago, 0 orders in the last minute
 *   And a position of 0 BTCUSDT-PERP
 *   When an order to BUY 0.2 BTCUSDT-PERP at 60000 is checked
 *   Then the risk rules DENY it by max-position-notional         (ALLOW it; DENY it [by r]; HALT it [by r])
 *
 * Scenario: a loss beyond the daily limit halts trading
 *   Given an account with equity 39400, peak equity 40000, daily P&amp;L -600 and drawdown -600, trading ACTIVE
 *   When the account is checked
 *   Then the risk rules HALT by daily-loss    (take no action; HALT by r, REDUCE by r, FLATTEN SYMBOL by r, joined by 'and')
 * </pre>
 * An order check sees the order ({@link OrderCheck}, with the position, open orders and book of its instrument)
 * and the account; an account check sees the account and every open position ({@link PositionMark}).
 */
final class RiskScenarios implements ScenarioGrammar {

    static final String WHEN_FORM = "When an order to BUY 0.2 BTCUSDT-PERP at 60000 is checked (or: When the account is checked)";
    static final String THEN_FORM = "Then the risk rules DENY it by max-position-notional (or ALLOW it, HALT it by <rule>; "
            + "after an account check: HALT by <rule>, REDUCE by <rule>, FLATTEN <symbol> by <rule>, take no action)";
    static final String GIVEN_FORM = "Given " + MarketStatements.ACCOUNT_FORM;

    private static final Pattern ORDER = Pattern.compile(
            "(?i)an? (reduce-only )?order to (BUY|SELL) (\\S+) (\\S+) at (\\S+) is checked");
    private static final Pattern ACCOUNT_CHECK = Pattern.compile("(?i)the account is checked");
    private static final Pattern VERDICT = Pattern.compile("(?i)(ALLOW|DENY|HALT) it(?: by (\\S+))?");
    private static final Pattern NO_ACTION = Pattern.compile("(?i)take no action|do nothing");
    private static final Pattern ACTION = Pattern.compile("(?i)(HALT|REDUCE|FLATTEN(?: (\\S+))?) by (\\S+)");

    @Override
    public Draft draft() {
        return new RiskDraft();
    }

    @Override
    public String givenForm() {
        return GIVEN_FORM;
    }

    @Override
    public String whenForm() {
        return WHEN_FORM;
    }

    @Override
    public String thenForm() {
        return THEN_FORM;
    }

    @Override
    public String usage() {
        return "a scenario has the lines 'Given ...' and 'And ...' (" + MarketStatements.ACCOUNT_FORM + "; "
                + MarketStatements.BOOK_FORM + "; " + MarketStatements.POSITION_FORM + "), '" + WHEN_FORM + "' and '"
                + THEN_FORM + "'";
    }

    /** An order as the When states it. */
    private record Order(int line, boolean reduceOnly, Side side, String quantity, String symbol, String price) {
    }

    /** An action as the Then states it, its symbol not yet resolved. */
    private record Action(RiskAction.Kind kind, String symbol, String rule) {
    }

    /** One risk scenario being read. */
    private static final class RiskDraft implements Draft {
        private int accountLine;
        private AccountMark account;
        private final List<Book> books = new ArrayList<>();
        private final List<Position> positions = new ArrayList<>();
        private Order order;
        private boolean accountCheck;
        private int thenLine;
        private RiskExpectations.OrderVerdict verdict;
        private List<Action> actions;

        @Override
        public void given(int line, String text, boolean first, Problems problems) {
            try {
                if (MarketStatements.isAccount(text)) {
                    if (accountLine > 0) {
                        throw new IllegalArgumentException("the account is already stated on line " + accountLine);
                    }
                    account = MarketStatements.account(text);
                    accountLine = line;
                } else if (MarketStatements.isBook(text)) {
                    books.add(MarketStatements.book(line, text));
                } else if (MarketStatements.isPosition(text)) {
                    positions.add(MarketStatements.position(line, text));
                } else {
                    throw new IllegalArgumentException("cannot read '" + text + "'; a risk scenario states an account ('"
                            + MarketStatements.ACCOUNT_FORM + "'), books ('" + MarketStatements.BOOK_FORM + "') and positions ('"
                            + MarketStatements.POSITION_FORM + "')");
                }
            } catch (IllegalArgumentException e) {
                problems.at(line, e.getMessage());
            }
        }

        @Override
        public void when(int line, String text, Problems problems) {
            Matcher m = ORDER.matcher(text);
            if (m.matches()) {
                order = new Order(line, m.group(1) != null, Side.valueOf(m.group(2).toUpperCase(Locale.ROOT)), m.group(3),
                        m.group(4).toUpperCase(Locale.ROOT), m.group(5));
            } else if (ACCOUNT_CHECK.matcher(text).matches()) {
                accountCheck = true;
            } else {
                problems.at(line, "cannot read this When; write it as '" + WHEN_FORM + "'");
            }
        }

        @Override
        public void then(int line, String text, Problems problems) {
            thenLine = line;
            Matcher m = VERDICT.matcher(text);
            if (m.matches()) {
                Verdict v = Verdict.valueOf(m.group(1).toUpperCase(Locale.ROOT));
                if (v == Verdict.ALLOW && m.group(2) != null) {
                    problems.at(line, "an allowed order is allowed by no rule: write 'Then the risk rules ALLOW it'");
                } else {
                    verdict = new RiskExpectations.OrderVerdict(v, m.group(2));
                }
            } else if (NO_ACTION.matcher(text).matches()) {
                actions = List.of();
            } else {
                actions = actions(line, text, problems);
            }
        }

        private static List<Action> actions(int line, String text, Problems problems) {
            List<Action> list = new ArrayList<>();
            for (String part : text.split("(?i)\\s+and\\s+")) {
                Matcher m = ACTION.matcher(part.strip());
                if (!m.matches()) {
                    problems.at(line, "cannot read '" + part.strip() + "' in this Then; write it as '" + THEN_FORM + "'");
                    return null;
                }
                String word = m.group(1).toUpperCase(Locale.ROOT);
                RiskAction.Kind kind = RiskAction.Kind.valueOf(word.startsWith("FLATTEN") ? "FLATTEN" : word);
                if (kind == RiskAction.Kind.FLATTEN && m.group(2) == null) {
                    problems.at(line, "say which position to flatten: 'FLATTEN BTCUSDT-PERP by max-hold'");
                    return null;
                }
                list.add(new Action(kind, m.group(2), m.group(3)));
            }
            return list;
        }

        @Override
        public Built build(Problems problems) {
            if (verdict == null && actions == null || order == null && !accountCheck) {
                return null; // reported already
            }
            AccountMark acc = account != null ? account : MarketStatements.account("an account with equity 40000");
            try {
                if (order != null) {
                    if (verdict == null) {
                        throw new Located(thenLine, "an order check ends with 'Then the risk rules ALLOW it', 'DENY it by "
                                + "<rule>' or 'HALT it by <rule>'");
                    }
                    return new Built(List.of(orderCheck(acc), acc), verdict);
                }
                if (actions == null) {
                    throw new Located(thenLine, "an account check ends with 'Then the risk rules take no action', or "
                            + "'HALT by <rule>', 'REDUCE by <rule>', 'FLATTEN <symbol> by <rule>' joined by 'and'");
                }
                List<Object> facts = new ArrayList<>();
                facts.add(acc);
                facts.addAll(marks());
                return new Built(facts, new RiskExpectations.AccountActions(expectedActions()));
            } catch (Located e) {
                problems.at(e.line, e.getMessage());
                return null;
            }
        }

        private OrderCheck orderCheck(AccountMark acc) {
            InstrumentId id = at(order.line(), () -> MarketStatements.resolve(order.symbol(), books));
            InstrumentSpec spec = InstrumentSpecs.lookup(id);
            BigDecimal size = at(order.line(), () -> positive("order quantity", order.quantity()));
            BigDecimal price = at(order.line(), () -> MarketStatements.price("order price", order.price()));
            Quantity qty = new Quantity(exact("order quantity", size, spec.qtyScale(), id), spec.qtyScale());
            Price limit = new Price(exact("order price", price, spec.priceScale(), id), spec.priceScale());
            Book book = books.stream().filter(b -> b.instrument().equals(id)).findFirst().orElseThrow(() -> new Located(
                    order.line(), "the order's book is missing: add 'And a LIVE " + id.venue().name() + " book for "
                            + id.symbol() + ", last event 0 ms ago, 0 orders in the last minute'"));
            Position position = null;
            for (Position p : positions) {
                InstrumentId pid = at(p.line(), () -> MarketStatements.resolve(p.symbol(), books));
                if (!pid.equals(id)) {
                    throw new Located(p.line(), "this check is about an order in " + id + "; a position in " + pid
                            + " plays no part in it");
                }
                position = p;
            }
            OrderIntent intent = new OrderIntent("scenario-" + order.line(), null, id, order.side(), OrderType.LIMIT, qty,
                    limit, order.reduceOnly(), "scenario", MarketStatements.AT);
            return new OrderCheck(intent, price, position != null ? position.quantity() : BigDecimal.ZERO,
                    position != null ? position.openOrders() : BigDecimal.ZERO, acc, book.state() == BookState.LIVE,
                    book.lastEventMillis(), book.ordersLastMinute(), position != null ? position.ageMillis() : 0);
        }

        private List<PositionMark> marks() {
            List<PositionMark> marks = new ArrayList<>();
            for (Position p : positions) {
                if (p.quantity().signum() != 0) {
                    InstrumentId id = at(p.line(), () -> MarketStatements.resolve(p.symbol(), books));
                    boolean live = books.stream().noneMatch(b -> b.instrument().equals(id) && b.state() != BookState.LIVE);
                    marks.add(at(p.line(), () -> MarketStatements.mark(p, id, live)));
                }
            }
            return marks;
        }

        private List<RiskExpectations.Expected> expectedActions() {
            List<RiskExpectations.Expected> expected = new ArrayList<>();
            for (Action a : actions) {
                InstrumentId id = a.symbol() == null ? null : at(thenLine, () -> MarketStatements.resolve(a.symbol()
                        .toUpperCase(Locale.ROOT), books));
                expected.add(new RiskExpectations.Expected(a.kind(), id, a.rule()));
            }
            return expected;
        }

        private long exact(String what, BigDecimal value, int scale, InstrumentId id) {
            try {
                return FixedPoint.fromBigDecimal(value, scale);
            } catch (ArithmeticException e) {
                throw new Located(order.line(), what + " " + value.toPlainString() + " has more decimals than " + id
                        + " has (" + scale + "), or is too large");
            }
        }

        private static BigDecimal positive(String what, String text) {
            BigDecimal d = MarketStatements.decimal(what, text);
            if (d.signum() <= 0) {
                throw new IllegalArgumentException(what + " " + text + " must be above zero");
            }
            return d;
        }
    }

    /** Runs a step of building, turning its mistake into one located at a line. */
    static <T> T at(int line, Supplier<T> step) {
        try {
            return step.get();
        } catch (Located e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new Located(line, e.getMessage());
        }
    }

    /** A mistake found while building, with its line. */
    static final class Located extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int line;

        Located(int line, String message) {
            super(message);
            this.line = line;
        }
    }
}
