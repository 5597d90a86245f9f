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
import org.tradeengine.api.risk.RiskDecision;
import org.tradeengine.api.strategy.EntrySignals;

/**
 * The api types rule files may name. Drools loads every class a DRL names through this bundle's class loader,
 * so this bundle must import their packages although its own code hardly uses some of them (risk): naming one
 * type of each package here makes bnd generate the imports. A package a DRL needs that is missing here fails
 * in Karaf only, with "Unable to resolve ObjectType".
 */
final class DrlContract {

    /** One or more types of every package a DRL may import. */
    static final List<Class<?>> TYPES = List.of(BookFeatures.class, BookState.class, EntrySignals.class, InstrumentId.class,
            Venue.class, Side.class, OrderIntent.class, TradingState.class, RiskDecision.class);

    private DrlContract() {
    }
}
