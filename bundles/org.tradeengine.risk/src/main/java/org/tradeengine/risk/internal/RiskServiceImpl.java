// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.risk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.risk.AccountMark;
import org.tradeengine.api.risk.OrderCheck;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.api.risk.RiskAction;
import org.tradeengine.api.risk.RiskDecision;
import org.tradeengine.api.risk.RiskService;
import org.tradeengine.api.rules.RuleService;
import org.tradeengine.api.rules.RuleSession;
import org.tradeengine.api.rules.RuleSet;

/**
 * Risk by the rules in {@code rules/risk/}: every order before it is sent, the account after every mark update.
 *
 * <p>Facts: an order check inserts the {@link OrderCheck} and its {@link AccountMark}; an account check the
 * {@link AccountMark} and every {@link PositionMark}. The rules answer through the global {@code verdicts}
 * ({@link Verdicts}). One stateful session per rule generation is reused: the facts are inserted, the rules fired
 * and the facts removed again, so a check costs no session set-up (account checks run on every mark update); the
 * rules' own constants (their Limits fact) stay in the session. When the generation in force changes, the old
 * session is closed and a new one opened, so a deployment takes effect between two checks.
 *
 * <p>Fails closed: no risk rules in force: DENY ({@value #NO_RULES}) and, for the account, REDUCE; a rule that
 * throws: DENY naming the rule (or {@value #RULE_ERROR}) with the message and, for the account, one REDUCE naming it;
 * the session is then replaced. Nothing throws out of here.
 *
 * <p>Thread: called on the engine's business thread. The methods are synchronized only so that a deactivation on
 * the framework's thread cannot close the session under a running check (uncontended otherwise).
 */
@Component(service = RiskService.class)
public final class RiskServiceImpl implements RiskService {

    /** The rule named when no risk rules are in force. */
    static final String NO_RULES = "no-risk-rules";
    /** The rule named when the rules failed and the failing rule is unknown. */
    static final String RULE_ERROR = "risk-rule-error";
    /** The rule named when the caller passed nothing to check. */
    static final String INPUT_ERROR = "risk-input-error";
    /** The global of the risk rules. */
    static final String GLOBAL = "verdicts";

    private static final String NO_RULES_REASON = "no risk rules in force (rules/risk/*.drl did not deploy): "
            + "no order may be sent until they do";
    /** Drools names the rule in its messages: {@code consequence for rule "x"}, {@code [Rule "x" in ...]}. */
    private static final Pattern RULE_NAME = Pattern.compile("(?i)rule \"([^\"]+)\"");

    private final Logger logger = LoggerFactory.getLogger(RiskServiceImpl.class);
    private final RuleService rules;
    private final Verdicts verdicts = new Verdicts();
    private RuleSession session;
    private boolean warnedNoRules;
    private String lastError = "";
    private long errors;

    /**
     * Creates the service.
     *
     * @param rules the rule service holding the risk rules in force
     */
    @Activate
    public RiskServiceImpl(@Reference RuleService rules) {
        this.rules = rules;
    }

    @Override
    public synchronized RiskDecision checkOrder(OrderCheck check) {
        if (check == null) {
            return RiskDecision.deny(INPUT_ERROR, inputError("no order to check (null)"));
        }
        try {
            RuleSession s = sessionInForce();
            if (s == null) {
                return RiskDecision.deny(NO_RULES, NO_RULES_REASON);
            }
            evaluate(s, List.of(check, check.getAccount()));
            return verdicts.decision();
        } catch (RuntimeException e) {
            String rule = ruleOf(e);
            return RiskDecision.deny(rule, failed(e, rule, check.toString()));
        }
    }

    @Override
    public synchronized List<RiskAction> checkAccount(AccountMark account, List<PositionMark> positions) {
        if (account == null || positions == null || positions.stream().anyMatch(Objects::isNull)) {
            return List.of(new RiskAction(RiskAction.Kind.REDUCE, null, INPUT_ERROR,
                    inputError("an account check needs the account and its positions, got " + account + " and " + positions)));
        }
        try {
            RuleSession s = sessionInForce();
            if (s == null) {
                return List.of(new RiskAction(RiskAction.Kind.REDUCE, null, NO_RULES, NO_RULES_REASON));
            }
            List<Object> facts = new ArrayList<>(positions.size() + 1);
            facts.add(account);
            facts.addAll(positions);
            evaluate(s, facts);
            return verdicts.actions();
        } catch (RuntimeException e) {
            String rule = ruleOf(e);
            return List.of(new RiskAction(RiskAction.Kind.REDUCE, null, rule, failed(e, rule, account.toString())));
        }
    }

    /** @return how many checks failed (bad input or a rule error) since activation */
    synchronized long errors() {
        return errors;
    }

    @Deactivate
    synchronized void deactivate() {
        closeSession();
    }

    /** 1. insert the facts 2. fire; the rules call {@code verdicts} 3. remove the facts. */
    private void evaluate(RuleSession s, List<Object> facts) {
        verdicts.begin();
        List<RuleSession.FactRef> refs = new ArrayList<>(facts.size());
        for (Object fact : facts) {
            refs.add(s.insert(fact));
        }
        s.fireAllRules();
        for (RuleSession.FactRef ref : refs) {
            s.delete(ref);
        }
    }

    /** Returns the session of the generation in force, replacing an older one; null if no risk rules are in force. */
    private RuleSession sessionInForce() {
        Optional<RuleSet> inForce = rules.current(RuleService.RISK);
        if (inForce.isEmpty()) {
            if (!warnedNoRules) {
                logger.warn("No risk rules in force: every order is denied ({}) until rules/risk/*.drl deploy", NO_RULES);
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
            session.setGlobal(GLOBAL, verdicts);
            logger.info("Risk now runs rules generation {} ({})", set.generation(), set.ruleNames());
        }
        return session;
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** Counts a failed check, starts from a fresh session next time, and says what failed (once per distinct failure). */
    private String failed(RuntimeException e, String rule, String what) {
        errors++;
        closeSession();
        String message = rootMessage(e);
        String reason = (rule.equals(RULE_ERROR) ? "the risk rules failed: " : "rule " + rule + " failed: ") + message;
        if (!message.equals(lastError)) {
            logger.warn("Risk check of {} failed closed: {}", what, reason);
            lastError = message;
        } else {
            logger.debug("Risk check of {} failed closed again: {}", what, reason);
        }
        return reason;
    }

    private String inputError(String reason) {
        errors++;
        logger.warn("Risk check failed closed: {}", reason);
        return reason;
    }

    /** The name of the rule Drools says failed, found in the messages of the exception and its causes. */
    static String ruleOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = RULE_NAME.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return RULE_ERROR;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
