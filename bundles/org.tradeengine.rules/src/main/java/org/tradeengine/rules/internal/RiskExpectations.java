// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.risk.RiskAction;
import org.tradeengine.api.risk.RiskDecision.Verdict;
import org.tradeengine.api.risk.RiskVerdicts;

/**
 * What risk scenarios expect, and the {@code verdicts} global that records what the rules asked for. A call counts
 * as the risk service counts it ({@link DrlContract}): in an order check {@code deny}, {@code reduce} and
 * {@code flatten} DENY and {@code halt} HALTs; in an account check {@code deny} asks to REDUCE (there is no order).
 * The kind of outcome must be exactly what the scenario says; its {@code by <rule>} must be one of the rules that
 * asked for it (another rule may object too).
 */
final class RiskExpectations {

    private RiskExpectations() {
    }

    /** One recorded call: what it counts as, for which instrument (FLATTEN), by which rule and why. */
    private record Call(String kind, InstrumentId instrument, String rule, String reason) {

        String what() {
            return kind + (instrument != null ? " " + instrument : "");
        }

        @Override
        public String toString() {
            return what() + " by " + rule + " (" + reason + ")";
        }
    }

    /**
     * An order check must end in this verdict.
     *
     * @param verdict ALLOW, DENY or HALT
     * @param rule a rule that must have given it, or null for any
     */
    record OrderVerdict(Verdict verdict, String rule) implements Scenario.Expectation {

        @Override
        public Scenario.Recorder newRecorder() {
            return new Recorder(this, true);
        }

        @Override
        public String toString() {
            return verdict + (rule != null ? " by " + rule : "");
        }
    }

    /**
     * What an account check must ask for; empty: nothing.
     *
     * @param actions the actions, each with a rule that must have asked for it
     */
    record AccountActions(List<Expected> actions) implements Scenario.Expectation {

        /**
         * Copies the actions.
         *
         * @param actions the actions
         */
        AccountActions {
            actions = List.copyOf(actions);
        }

        @Override
        public Scenario.Recorder newRecorder() {
            return new Recorder(this, false);
        }

        @Override
        public String toString() {
            return actions.isEmpty() ? "no action" : actions.stream().map(Expected::toString).collect(Collectors.joining(" and "));
        }
    }

    /**
     * One expected action.
     *
     * @param kind HALT, REDUCE or FLATTEN
     * @param instrument the position to flatten, null otherwise
     * @param rule the rule that must ask for it
     */
    record Expected(RiskAction.Kind kind, InstrumentId instrument, String rule) {

        String what() {
            return kind + (instrument != null ? " " + instrument : "");
        }

        @Override
        public String toString() {
            return what() + " by " + rule;
        }
    }

    /** The {@code verdicts} global of a scenario run. */
    private static final class Recorder implements RiskVerdicts, Scenario.Recorder {

        private final Scenario.Expectation expected;
        private final boolean orderCheck;
        private final List<Call> calls = new ArrayList<>();

        Recorder(Scenario.Expectation expected, boolean orderCheck) {
            this.expected = expected;
            this.orderCheck = orderCheck;
        }

        @Override
        public String global() {
            return DrlContract.RISK_GLOBAL;
        }

        @Override
        public void deny(String rule, String reason) {
            calls.add(new Call(orderCheck ? Verdict.DENY.name() : RiskAction.Kind.REDUCE.name(), null, rule, reason));
        }

        @Override
        public void halt(String rule, String reason) {
            calls.add(new Call(Verdict.HALT.name(), null, rule, reason));
        }

        @Override
        public void reduce(String rule, String reason) {
            calls.add(new Call(orderCheck ? Verdict.DENY.name() : RiskAction.Kind.REDUCE.name(), null, rule, reason));
        }

        @Override
        public void flatten(InstrumentId instrument, String rule, String reason) {
            calls.add(orderCheck ? new Call(Verdict.DENY.name(), null, rule, reason)
                    : new Call(RiskAction.Kind.FLATTEN.name(), instrument, rule, reason));
        }

        @Override
        public Optional<String> mismatch() {
            return expected instanceof OrderVerdict v ? orderMismatch(v) : accountMismatch((AccountActions) expected);
        }

        private Optional<String> orderMismatch(OrderVerdict v) {
            String decided = calls.stream().anyMatch(c -> c.kind().equals(Verdict.HALT.name())) ? Verdict.HALT.name()
                    : calls.isEmpty() ? Verdict.ALLOW.name() : Verdict.DENY.name();
            boolean met = decided.equals(v.verdict().name()) && (v.rule() == null
                    || calls.stream().anyMatch(c -> c.kind().equals(decided) && c.rule().equals(v.rule())));
            return met ? Optional.empty() : Optional.of("rules decided " + decided + describe());
        }

        private Optional<String> accountMismatch(AccountActions a) {
            Set<String> asked = calls.stream().map(Call::what).collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> wanted = a.actions().stream().map(Expected::what).collect(Collectors.toCollection(LinkedHashSet::new));
            boolean met = asked.equals(wanted) && a.actions().stream().allMatch(e -> calls.stream()
                    .anyMatch(c -> c.what().equals(e.what()) && c.rule().equals(e.rule())));
            return met ? Optional.empty() : Optional.of("rules asked for " + (calls.isEmpty() ? "nothing" : describe().substring(2)));
        }

        private String describe() {
            return calls.isEmpty() ? "" : ": " + calls.stream().map(Objects::toString).collect(Collectors.joining("; "));
        }
    }
}
