// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.tradeengine.api.risk.AccountMark;
import org.tradeengine.api.risk.OrderCheck;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.api.risk.RiskAction;
import org.tradeengine.api.risk.RiskDecision;
import org.tradeengine.api.risk.RiskService;
import org.tradeengine.api.strategy.ExitDecision;
import org.tradeengine.api.strategy.ExitService;

/** Risk and exit services as plain Java functions, recording what they were asked. */
final class TestRisk implements RiskService, ExitService {

    static final RiskDecision ALLOW = new RiskDecision(RiskDecision.Verdict.ALLOW, "default-allow", "no rule objected");

    Function<OrderCheck, RiskDecision> orders = c -> ALLOW;
    BiFunction<AccountMark, List<PositionMark>, List<RiskAction>> account = (a, p) -> List.of();
    Function<List<PositionMark>, List<ExitDecision>> exits = p -> List.of();
    final List<OrderCheck> orderChecks = new ArrayList<>();
    final List<AccountMark> accountChecks = new ArrayList<>();
    final List<List<PositionMark>> exitChecks = new ArrayList<>();

    @Override
    public RiskDecision checkOrder(OrderCheck check) {
        orderChecks.add(check);
        return orders.apply(check);
    }

    @Override
    public List<RiskAction> checkAccount(AccountMark mark, List<PositionMark> positions) {
        accountChecks.add(mark);
        return account.apply(mark, positions);
    }

    @Override
    public List<ExitDecision> check(List<PositionMark> positions) {
        exitChecks.add(positions);
        return exits.apply(positions);
    }
}
