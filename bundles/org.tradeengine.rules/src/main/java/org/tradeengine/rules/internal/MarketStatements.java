// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.risk.AccountMark;
import org.tradeengine.api.risk.PositionMark;

/**
 * The Given and And statements risk and exit scenarios share: an account, a book, a position. Each is a head
 * followed by items separated by commas or {@code and}, in any order:
 * <pre>
 * an account with equity 40000, peak equity 40000, daily P&amp;L 0 and drawdown 0, trading ACTIVE
 * a LIVE BINANCE_FUTURES book for BTCUSDT-PERP, last event 0 ms ago, 0 orders in the last minute
 * a long position of 0.1 BTCUSDT-PERP entered at 60000, marked at 60121, aged 5000 ms, open orders 0.05
 * </pre>
 * A mistake is an {@link IllegalArgumentException} whose message says what is wrong and the form expected.
 */
final class MarketStatements {

    static final String ACCOUNT_FORM = "an account with equity 40000, peak equity 40000, daily P&L 0 and drawdown 0, "
            + "trading ACTIVE";
    static final String BOOK_FORM = "a LIVE BINANCE_FUTURES book for BTCUSDT-PERP, last event 0 ms ago, "
            + "0 orders in the last minute";
    static final String POSITION_FORM = "a long position of 0.1 BTCUSDT-PERP entered at 60000, marked at 60121, "
            + "aged 5000 ms, open orders 0.05";
    /** The time of every mark in a scenario: facts with a fixed time keep scenario runs repeatable. */
    static final Instant AT = Instant.parse("2025-01-06T12:00:00Z");
    static final BigDecimal DEFAULT_EQUITY = new BigDecimal("40000");

    private static final Pattern ACCOUNT = Pattern.compile("(?i)an? account with (.+)");
    private static final Pattern BOOK = Pattern.compile("(?i)an? (\\S+) (\\S+) book for ([^\\s,]+)(.*)");
    private static final Pattern POSITION = Pattern.compile("(?i)an? (?:(long|short) )?position of (\\S+) ([^\\s,]+)(.*)");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("\\d+");

    private static final Map<String, Pattern> ACCOUNT_ITEMS = items("equity", "equity (\\S+)", "peak", "peak equity (\\S+)",
            "daily", "daily P&L (\\S+)", "drawdown", "drawdown (\\S+)", "trading", "trading (\\S+)");
    private static final Map<String, Pattern> BOOK_ITEMS = items("event", "last event (\\S+) ms ago", "orders",
            "(\\S+) orders? in the last minute");
    private static final Map<String, Pattern> POSITION_ITEMS = items("entry", "entered at (\\S+)", "mark", "marked at (\\S+)",
            "age", "aged (\\S+) ms", "open", "open orders (?:of |for )?(\\S+)");

    private MarketStatements() {
    }

    /**
     * A book as a scenario states it.
     *
     * @param line where
     * @param state its state
     * @param instrument the instrument
     * @param lastEventMillis time since its last event
     * @param ordersLastMinute orders sent in the last minute
     */
    record Book(int line, BookState state, InstrumentId instrument, long lastEventMillis, int ordersLastMinute) {
    }

    /**
     * A position as a scenario states it; the venue is resolved later.
     *
     * @param line where
     * @param symbol the symbol as written ({@code BTCUSDT-PERP} or {@code BTCUSDT.BINANCE_SPOT})
     * @param quantity signed quantity
     * @param entry entry price, null if not stated
     * @param mark mark price, null if not stated
     * @param ageMillis its age
     * @param openOrders signed quantity of other open orders
     */
    record Position(int line, String symbol, BigDecimal quantity, BigDecimal entry, BigDecimal mark, long ageMillis,
            BigDecimal openOrders) {
    }

    static boolean isAccount(String text) {
        return ACCOUNT.matcher(text).matches();
    }

    static boolean isBook(String text) {
        return BOOK.matcher(text).matches();
    }

    static boolean isPosition(String text) {
        return POSITION.matcher(text).matches();
    }

    /** Reads an account statement; missing items: equity 40000, peak = equity, daily P&amp;L 0, drawdown = equity - peak, ACTIVE. */
    static AccountMark account(String text) {
        Matcher m = ACCOUNT.matcher(text);
        Map<String, String> v = parseItems("account", m.matches() ? m.group(1) : "", ACCOUNT_ITEMS, ACCOUNT_FORM);
        BigDecimal equity = v.containsKey("equity") ? decimal("equity", v.get("equity")) : DEFAULT_EQUITY;
        BigDecimal peak = v.containsKey("peak") ? decimal("peak equity", v.get("peak")) : equity;
        BigDecimal daily = v.containsKey("daily") ? decimal("daily P&L", v.get("daily")) : BigDecimal.ZERO;
        BigDecimal drawdown = v.containsKey("drawdown") ? decimal("drawdown", v.get("drawdown")) : equity.subtract(peak);
        TradingState state = v.containsKey("trading") ? tradingState(v.get("trading")) : TradingState.ACTIVE;
        return new AccountMark(equity, peak, daily, drawdown, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, state, AT);
    }

    /** Reads a book statement. */
    static Book book(int line, String text) {
        Matcher m = BOOK.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read this book; write it as '" + BOOK_FORM + "'");
        }
        Map<String, String> v = parseItems("book", m.group(4), BOOK_ITEMS, BOOK_FORM);
        InstrumentId id = new InstrumentId(m.group(3).toUpperCase(Locale.ROOT), Venue.parse(m.group(2)));
        long age = v.containsKey("event") ? whole("last event", v.get("event")) : 0;
        long orders = v.containsKey("orders") ? whole("orders in the last minute", v.get("orders")) : 0;
        if (orders > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(orders + " orders in the last minute is too many to be real");
        }
        return new Book(line, bookState(m.group(1)), id, age, (int) orders);
    }

    /** Reads a position statement: long and short take a positive quantity, a bare quantity carries its sign. */
    static Position position(int line, String text) {
        Matcher m = POSITION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read this position; write it as '" + POSITION_FORM + "'");
        }
        BigDecimal qty = decimal("position", m.group(2));
        if (m.group(1) != null) {
            if (qty.signum() <= 0) {
                throw new IllegalArgumentException("a " + m.group(1).toLowerCase(Locale.ROOT) + " position of " + m.group(2)
                        + ": write a quantity above zero, or 'a position of 0' for none");
            }
            qty = m.group(1).equalsIgnoreCase("short") ? qty.negate() : qty;
        }
        Map<String, String> v = parseItems("position", m.group(4), POSITION_ITEMS, POSITION_FORM);
        BigDecimal entry = v.containsKey("entry") ? price("entry price", v.get("entry")) : null;
        BigDecimal mark = v.containsKey("mark") ? price("mark price", v.get("mark")) : entry;
        long age = v.containsKey("age") ? whole("age", v.get("age")) : 0;
        BigDecimal open = v.containsKey("open") ? decimal("open orders", v.get("open")) : BigDecimal.ZERO;
        return new Position(line, m.group(3).toUpperCase(Locale.ROOT), qty, entry, mark, age, open);
    }

    /**
     * Finds the instrument of a symbol: {@code SYMBOL.VENUE} names it; otherwise the venue of a book for that symbol,
     * or the venue whose readable suffix the symbol carries ({@code -PERP}: Binance futures).
     */
    static InstrumentId resolve(String symbol, List<Book> books) {
        if (symbol.indexOf('.') >= 0) {
            return InstrumentId.parse(symbol);
        }
        for (Book b : books) {
            if (b.instrument().symbol().equalsIgnoreCase(symbol)) {
                return b.instrument();
            }
        }
        for (Venue v : Venue.values()) {
            if (!v.symbolSuffix().isEmpty() && symbol.endsWith(v.symbolSuffix())) {
                return new InstrumentId(symbol, v);
            }
        }
        throw new IllegalArgumentException("which venue is " + symbol + " on? Write it as " + symbol
                + ".BINANCE_SPOT (for example), or add a book for it ('" + BOOK_FORM + "')");
    }

    /** Marks a position as the engine would: notional at the mark, P&amp;L, P&amp;L in % of the entry notional. */
    static PositionMark mark(Position p, InstrumentId id, boolean bookLive) {
        if (p.entry() == null) {
            throw new IllegalArgumentException("say at what price the position in " + p.symbol() + " was entered: '"
                    + POSITION_FORM + "'");
        }
        BigDecimal pnl = p.mark().subtract(p.entry()).multiply(p.quantity());
        BigDecimal entryNotional = p.quantity().abs().multiply(p.entry());
        BigDecimal percent = pnl.movePointRight(2).divide(entryNotional, 4, RoundingMode.HALF_EVEN);
        return new PositionMark(id, p.quantity(), p.entry(), p.mark(), p.quantity().abs().multiply(p.mark()), pnl, percent,
                p.ageMillis(), bookLive);
    }

    static BigDecimal decimal(String what, String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a decimal number (write e.g. 60000 or -512.40)");
        }
        return new BigDecimal(text);
    }

    static BigDecimal price(String what, String text) {
        BigDecimal p = decimal(what, text);
        if (p.signum() <= 0) {
            throw new IllegalArgumentException(what + " " + text + " must be above zero");
        }
        return p;
    }

    static long whole(String what, String text) {
        if (!WHOLE.matcher(text).matches() || text.length() > 15) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a whole number of at most 15 digits");
        }
        return Long.parseLong(text);
    }

    static BookState bookState(String text) {
        for (BookState s : BookState.values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown book state '" + text + "' (known: LIVE, SYNCING, INVALID)");
    }

    static TradingState tradingState(String text) {
        for (TradingState s : TradingState.values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown trading state '" + text + "' (known: ACTIVE, REDUCING, HALTED)");
    }

    /**
     * Splits a list of items and matches each against the known ones.
     *
     * @param what the statement, for messages
     * @param text the items (after the head), possibly starting with a comma, possibly empty
     * @return item key to its value
     */
    private static Map<String, String> parseItems(String what, String text, Map<String, Pattern> known, String form) {
        String list = text.strip();
        Map<String, String> values = new LinkedHashMap<>();
        for (String item : SEPARATOR.split(list.startsWith(",") ? list.substring(1).strip() : list)) {
            if (item.isBlank()) {
                continue;
            }
            String key = match(item, known);
            if (key == null) {
                throw new IllegalArgumentException("cannot read '" + item + "' in this " + what + "; write it as '" + form + "'");
            }
            Matcher m = known.get(key).matcher(item);
            m.matches();
            if (values.put(key, m.group(1)) != null) {
                throw new IllegalArgumentException("'" + item + "': this " + what + " says that twice");
            }
        }
        return values;
    }

    private static String match(String item, Map<String, Pattern> known) {
        for (Map.Entry<String, Pattern> e : known.entrySet()) {
            if (e.getValue().matcher(item).matches()) {
                return e.getKey();
            }
        }
        return null;
    }

    private static Map<String, Pattern> items(String... keysAndPatterns) {
        Map<String, Pattern> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndPatterns.length; i += 2) {
            map.put(keysAndPatterns[i], Pattern.compile("(?i)" + keysAndPatterns[i + 1]));
        }
        return map;
    }
}
