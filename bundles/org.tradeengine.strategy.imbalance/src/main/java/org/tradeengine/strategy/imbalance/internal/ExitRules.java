// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.strategy.imbalance.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.api.rules.RuleService;
import org.tradeengine.api.rules.RuleSession;
import org.tradeengine.api.rules.RuleSet;
import org.tradeengine.api.strategy.ExitDecision;
import org.tradeengine.api.strategy.ExitService;
import org.tradeengine.api.strategy.ExitSignals;

/**
 * The exits of the imbalance strategy: the exit rules in {@code rules/exit/} (profit target, stop loss, time stop) run
 * over one {@link PositionMark} per open position, answering through the global {@code exits}.
 *
 * <p>One session per rule generation is reused: the marks are inserted, the rules fired, the marks removed again. When
 * the generation in force changes, the old session is closed and a new one opened, so a deployment takes effect
 * between two checks. A position several rules want closed gets one decision, from the first of them by rule name.
 *
 * <p>Fails closed: with no exit rules in force, or when a rule throws, nothing is closed here (logged once per
 * state or distinct failure); the risk rules' maximum holding time still flattens positions held too long.
 *
 * <p>Thread: called on the engine's business thread after mark updates; synchronized only so that a deactivation on
 * the framework's thread cannot close the session under a running check.
 */
@Component(service = ExitService.class)
public final class ExitRules implements ExitService {

    /** The global of the exit rules. */
    static final String GLOBAL = "exits";

    private final Logger logger = LoggerFactory.getLogger(ExitRules.class);
    private final RuleService rules;
    private final Calls calls = new Calls();
    private RuleSession session;
    private boolean warnedNoRules;
    private String lastError = "";

    /** The {@code exits} global: records what the rules ask during one check. */
    private static final class Calls implements ExitSignals {
        final List<ExitDecision> asked = new ArrayList<>();

        @Override
        public void exit(PositionMark position, String rule, String reason) {
            asked.add(new ExitDecision(position.getInstrument(), rule, reason));
        }
    }

    /**
     * Creates the exits.
     *
     * @param rules the rule service holding the exit rules in force
     */
    @Activate
    public ExitRules(@Reference RuleService rules) {
        this.rules = rules;
    }

    @Override
    public synchronized List<ExitDecision> check(List<PositionMark> positions) {
        if (positions == null || positions.isEmpty()) {
            return List.of();
        }
        List<PositionMark> marks = positions.stream().filter(Objects::nonNull).toList();
        if (marks.size() < positions.size()) {
            logger.warn("Exit check got {} empty position(s) among {}; checking the others", positions.size() - marks.size(),
                    positions.size());
        }
        try {
            RuleSession s = sessionInForce();
            return s == null ? List.of() : evaluate(s, marks);
        } catch (RuntimeException e) {
            closeSession();
            if (!e.toString().equals(lastError)) {
                logger.warn("Exit rules failed on {}: {}; nothing closed by them this time", marks, e.toString());
                lastError = e.toString();
            }
            return List.of();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        closeSession();
    }

    /** 1. insert the marks 2. fire 3. remove them 4. one decision per position, first rule by name, in instrument order. */
    private List<ExitDecision> evaluate(RuleSession s, List<PositionMark> marks) {
        calls.asked.clear();
        List<RuleSession.FactRef> refs = new ArrayList<>(marks.size());
        for (PositionMark m : marks) {
            refs.add(s.insert(m));
        }
        s.fireAllRules();
        for (RuleSession.FactRef ref : refs) {
            s.delete(ref);
        }
        Map<InstrumentId, ExitDecision> first = new TreeMap<>();
        calls.asked.stream().sorted(Comparator.comparing(ExitDecision::rule).thenComparing(ExitDecision::reason))
                .forEach(d -> first.putIfAbsent(d.instrument(), d));
        return List.copyOf(first.values());
    }

    /** Returns the session of the generation in force, replacing an older one; null if no exit rules are in force. */
    private RuleSession sessionInForce() {
        Optional<RuleSet> inForce = rules.current(RuleService.EXIT);
        if (inForce.isEmpty()) {
            if (!warnedNoRules) {
                logger.warn("No exit rules in force: positions close only by the risk rules' maximum holding time");
                warnedNoRules = true;
            }
            closeSession();
            return null;
        }
        warnedNoRules = false;
        RuleSet set = inForce.get();
        if (session == null || session.generation() != set.generation()) {
            closeSession();
            session = set.newSession();
            session.setGlobal(GLOBAL, calls);
            logger.info("Exits now run exit rules generation {} ({})", set.generation(), set.ruleNames());
        }
        return session;
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
