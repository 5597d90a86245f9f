// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.risk;

import java.util.List;

/**
 * Risk, evaluated by the rules in {@code rules/risk/} before every order and on every mark update. Fails closed: an
 * implementation that cannot decide (no rules in force, a rule that throws) returns DENY; callers treat a missing risk
 * service as DENY for every order that adds exposure. Cancels are never checked. Called on the engine's business
 * thread.
 */
public interface RiskService {

    /**
     * Checks an order before it is sent.
     *
     * @param check the order with its context (position, account, book, order rate, trading state)
     * @return ALLOW, DENY or HALT with the rule and a human reason; never null, never throws
     */
    RiskDecision checkOrder(OrderCheck check);

    /**
     * Checks the account and its positions after a mark update.
     *
     * @param account equity, peak, daily P&amp;L, drawdown
     * @param positions the open positions, marked
     * @return what must happen now (halt, reduce, flatten one position), empty if nothing; never throws (a rule error
     *     yields a REDUCE action naming the error: new exposure stops until the rules work again)
     */
    List<RiskAction> checkAccount(AccountMark account, List<PositionMark> positions);
}
