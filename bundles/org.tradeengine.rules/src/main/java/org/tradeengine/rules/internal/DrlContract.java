// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.util.List;

import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;
import org.tradeengine.api.model.Venue;
import org.tradeengine.api.risk.AccountMark;
import org.tradeengine.api.risk.OrderCheck;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.api.risk.RiskAction;
import org.tradeengine.api.risk.RiskDecision;
import org.tradeengine.api.risk.RiskVerdicts;
import org.tradeengine.api.strategy.EntrySignals;
import org.tradeengine.api.strategy.ExitSignals;

/**
 * What rule files and the code that runs them agree on.
 *
 * <p>Types: Drools loads every class a DRL names through this bundle's class loader, so this bundle must import
 * their packages although its own code hardly uses some of them: naming one type of each package here makes bnd
 * generate the imports. A package a DRL needs that is missing here fails in Karaf only, with "Unable to resolve
 * ObjectType".
 *
 * <p>Facts and globals, per rule set (the scenario runner inserts exactly what the services insert):
 * <ul>
 * <li>entry: one {@link BookFeatures} per instrument; global {@code signals} ({@link EntrySignals}).
 * <li>risk, order check: the {@link OrderCheck} and its {@link AccountMark}; account check: the {@link AccountMark}
 * and one {@link PositionMark} per open position; global {@code verdicts} ({@link RiskVerdicts}). In an order check
 * {@code deny}, {@code reduce} and {@code flatten} deny the order and {@code halt} halts; in an account check
 * {@code deny} asks to REDUCE (there is no order to deny).
 * <li>exit: one {@link PositionMark} per open position; global {@code exits} ({@link ExitSignals}).
 * </ul>
 */
final class DrlContract {

    /** The global of the risk rules. */
    static final String RISK_GLOBAL = "verdicts";
    /** The global of the exit rules. */
    static final String EXIT_GLOBAL = "exits";

    /** One or more types of every package a DRL may import. */
    static final List<Class<?>> TYPES = List.of(BookFeatures.class, BookState.class, EntrySignals.class, ExitSignals.class,
            InstrumentId.class, Venue.class, Side.class, OrderIntent.class, TradingState.class, RiskDecision.class,
            RiskAction.class, RiskVerdicts.class, OrderCheck.class, AccountMark.class, PositionMark.class);

    private DrlContract() {
    }
}
