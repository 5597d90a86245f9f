// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.trading;

import java.util.List;

import org.tradeengine.api.broker.OpenOrder;

/**
 * The paper/live trading desk: positions, orders, fills, P&amp;L, trading state and the kill switch. Queries may be
 * called from any thread (they read copies); commands run on the engine's business thread and return the state after
 * them. Every command needs a reason and says who asked.
 */
public interface TradingDesk {

    /** @return trading state, why, since when, by whom, and the account */
    TradingStatus status();

    /** @return open positions, marked */
    List<PositionView> positions();

    /** @return orders open at the brokers */
    List<OpenOrder> openOrders();

    /**
     * @param limit most returned
     * @return fills, newest first
     */
    List<FillView> fills(int limit);

    /**
     * @param limit most returned
     * @return risk decisions that stopped something and risk actions, newest first
     */
    List<RiskEvent> riskEvents(int limit);

    /**
     * @param limit most returned
     * @return alerts (kill switch fired, flattening retried or confirmed), newest first
     */
    List<Alert> alerts(int limit);

    /**
     * Latches HALTED and cancels every open order; positions stay (only flattening is allowed).
     *
     * @param reason why (required)
     * @param by who asked
     * @return the status after
     */
    TradingStatus halt(String reason, String by);

    /**
     * The kill switch: latches HALTED, cancels every open order, closes every position reduce-only, retries until the
     * brokers confirm flat, alerts.
     *
     * @param reason why (required)
     * @param by who asked
     * @return the status after the orders were sent (flattening may still be in progress)
     */
    TradingStatus kill(String reason, String by);

    /**
     * Only orders that reduce exposure from now on.
     *
     * @param reason why (required)
     * @param by who asked
     * @return the status after
     */
    TradingStatus reduce(String reason, String by);

    /**
     * REDUCING back to ACTIVE (HALTED needs {@link #reset}).
     *
     * @param reason why (required)
     * @param by who asked
     * @return the status after
     * @throws IllegalStateException if HALTED
     */
    TradingStatus resume(String reason, String by);

    /**
     * Leaves a latched HALTED for ACTIVE, only when flat with no open order.
     *
     * @param reason why (required)
     * @param by who asked
     * @return the status after
     * @throws IllegalStateException if not HALTED, or not flat yet
     */
    TradingStatus reset(String reason, String by);
}
