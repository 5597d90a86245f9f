// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.risk.AccountMark;
import org.tradeengine.api.risk.OrderCheck;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.api.risk.RiskVerdicts;
import org.tradeengine.api.rules.RuleSession;
import org.tradeengine.api.rules.RuleSet;
import org.tradeengine.api.strategy.ExitSignals;

/** Facts for the risk and exit rules, and firing them the way the services do. */
final class RiskFixture {

    static final InstrumentId PERP = RulesFixture.FUTURES;

    private RiskFixture() {
    }

    static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    static AccountMark account(String equity, String peak, String daily, TradingState state) {
        return new AccountMark(d(equity), d(peak), d(daily), d(equity).subtract(d(peak)), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, state, MarketStatements.AT);
    }

    static AccountMark healthy() {
        return account("40000", "40000", "0", TradingState.ACTIVE);
    }

    /** A LIMIT order on a LIVE, fresh book with no other orders. */
    static OrderCheck order(InstrumentId id, Side side, String qty, String price, String position, AccountMark account) {
        return order(id, side, qty, price, position, "0", account, true, 0, 0);
    }

    static OrderCheck order(InstrumentId id, Side side, String qty, String price, String position, String openOrders,
            AccountMark account, boolean live, long dataAge, int ordersLastMinute) {
        InstrumentSpec spec = InstrumentSpecs.lookup(id);
        OrderIntent intent = new OrderIntent("t-1", null, id, side, OrderType.LIMIT, Quantity.parse(qty, spec.qtyScale()),
                Price.parse(price, spec.priceScale()), false, "test", MarketStatements.AT);
        return new OrderCheck(intent, d(price), d(position), d(openOrders), account, live, dataAge, ordersLastMinute, 0);
    }

    static PositionMark position(InstrumentId id, String qty, String entry, String mark, long age, boolean live) {
        return MarketStatements.mark(new MarketStatements.Position(1, id.symbol(), d(qty), d(entry), d(mark), age,
                BigDecimal.ZERO), id, live);
    }

    /** Inserts the facts in a fresh session, fires, returns the calls as "DENY max-exposure: reason". */
    static List<String> verdicts(RuleSet rules, Object... facts) {
        List<String> calls = new ArrayList<>();
        try (RuleSession session = rules.newSession()) {
            session.setGlobal(DrlContract.RISK_GLOBAL, new RiskVerdicts() {
                @Override
                public void deny(String rule, String reason) {
                    calls.add("DENY " + rule + ": " + reason);
                }

                @Override
                public void halt(String rule, String reason) {
                    calls.add("HALT " + rule + ": " + reason);
                }

                @Override
                public void reduce(String rule, String reason) {
                    calls.add("REDUCE " + rule + ": " + reason);
                }

                @Override
                public void flatten(InstrumentId instrument, String rule, String reason) {
                    calls.add("FLATTEN " + instrument + " " + rule + ": " + reason);
                }
            });
            for (Object f : facts) {
                session.insert(f);
            }
            session.fireAllRules();
        }
        calls.sort(null);
        return calls;
    }

    /** Fires the exit rules on positions; returns "SYMBOL rule: reason". */
    static List<String> exits(RuleSet rules, PositionMark... positions) {
        List<String> calls = new ArrayList<>();
        try (RuleSession session = rules.newSession()) {
            ExitSignals exits = (p, rule, reason) -> calls.add(p.getSymbol() + " " + rule + ": " + reason);
            session.setGlobal(DrlContract.EXIT_GLOBAL, exits);
            for (PositionMark p : positions) {
                session.insert(p);
            }
            session.fireAllRules();
        }
        calls.sort(null);
        return calls;
    }

    /** Only the rule names of calls such as "DENY max-exposure: reason". */
    static List<String> rules(List<String> calls) {
        return calls.stream().map(c -> c.substring(0, c.indexOf(':'))).map(c -> c.substring(c.lastIndexOf(' ') + 1)).toList();
    }
}
