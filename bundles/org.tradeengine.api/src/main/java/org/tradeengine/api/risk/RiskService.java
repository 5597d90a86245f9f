// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.risk;

import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.TradingState;

/**
 * Pre-trade risk, evaluated before every order. Fails closed: an implementation that cannot decide returns
 * DENY. Callers treat a missing risk service as DENY for every order that adds exposure. Cancels are never
 * checked.
 */
public interface RiskService {

    /**
     * Checks an order.
     *
     * @param intent the order
     * @param state the current trading state
     * @return the decision, never null
     */
    RiskDecision check(OrderIntent intent, TradingState state);
}
