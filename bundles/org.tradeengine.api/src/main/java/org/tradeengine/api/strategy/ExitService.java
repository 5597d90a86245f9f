// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.strategy;

import java.util.List;

import org.tradeengine.api.risk.PositionMark;

/**
 * Decides, by the rules in {@code rules/exit/}, which open positions to close now (profit target, stop loss, time
 * stop). Called on the engine's business thread after mark updates. With no exit rules in force it returns nothing
 * (the risk rules' maximum holding time still closes positions).
 */
public interface ExitService {

    /**
     * @param positions the open positions, marked
     * @return the positions to close, with the rule and reason; empty if none; never throws
     */
    List<ExitDecision> check(List<PositionMark> positions);
}
