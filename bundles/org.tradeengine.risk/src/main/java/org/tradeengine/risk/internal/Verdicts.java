// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.risk.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.risk.RiskAction;
import org.tradeengine.api.risk.RiskDecision;
import org.tradeengine.api.risk.RiskDecision.Verdict;
import org.tradeengine.api.risk.RiskVerdicts;

/**
 * The {@code verdicts} global of the risk rules: collects the calls of one check and turns them into the decision
 * or the actions, in a deterministic order. In an order check {@code deny}, {@code reduce} and {@code flatten} deny
 * the order (an order check cannot reduce or flatten; the rule objects) and {@code halt} halts; HALT beats DENY, and
 * among equals the first rule by name decides. In an account check every call is an action ({@code deny} asks to
 * REDUCE: there is no order to deny), ordered HALT, REDUCE, FLATTEN, then by rule and instrument, duplicates dropped.
 * The same contract is written in the rules bundle's DrlContract, which its scenario runner follows.
 */
final class Verdicts implements RiskVerdicts {

    /** The rule in a decision when no rule objected. */
    static final String DEFAULT_ALLOW = "default-allow";

    private static final Comparator<Call> ORDER = Comparator.comparing(Call::kind).thenComparing(Call::rule)
            .thenComparing(Call::instrument, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Call::reason);

    /** One call, as an account action kind (HALT, REDUCE, FLATTEN) and an order verdict. */
    private record Call(RiskAction.Kind kind, Verdict verdict, InstrumentId instrument, String rule, String reason) {
    }

    private final List<Call> calls = new ArrayList<>();

    /** Forgets the calls of the previous check. */
    void begin() {
        calls.clear();
    }

    @Override
    public void deny(String rule, String reason) {
        calls.add(new Call(RiskAction.Kind.REDUCE, Verdict.DENY, null, rule, reason));
    }

    @Override
    public void halt(String rule, String reason) {
        calls.add(new Call(RiskAction.Kind.HALT, Verdict.HALT, null, rule, reason));
    }

    @Override
    public void reduce(String rule, String reason) {
        calls.add(new Call(RiskAction.Kind.REDUCE, Verdict.DENY, null, rule, reason));
    }

    @Override
    public void flatten(InstrumentId instrument, String rule, String reason) {
        calls.add(new Call(RiskAction.Kind.FLATTEN, Verdict.DENY, instrument, rule, reason));
    }

    /**
     * @return the order's decision: the first HALT by rule name, else the first DENY, else ALLOW
     * @throws RuntimeException if a rule passed no name or no reason (the caller fails closed)
     */
    RiskDecision decision() {
        Call first = null;
        for (Call c : calls.stream().sorted(Comparator.comparing(Call::rule).thenComparing(Call::reason)).toList()) {
            if (first == null || c.verdict() == Verdict.HALT && first.verdict() != Verdict.HALT) {
                first = c;
            }
        }
        return first == null ? new RiskDecision(Verdict.ALLOW, DEFAULT_ALLOW, "no risk rule objected")
                : new RiskDecision(first.verdict(), first.rule(), first.reason());
    }

    /**
     * @return the account's actions, ordered and without duplicates
     * @throws RuntimeException if a rule passed no name, no reason, or no instrument to flatten (the caller fails closed)
     */
    List<RiskAction> actions() {
        return calls.stream().sorted(ORDER).distinct().map(c -> new RiskAction(c.kind(), c.instrument(), c.rule(), c.reason()))
                .toList();
    }
}
