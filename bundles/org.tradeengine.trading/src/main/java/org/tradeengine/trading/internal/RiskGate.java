// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.risk.AccountMark;
import org.tradeengine.api.risk.OrderCheck;
import org.tradeengine.api.risk.PositionMark;
import org.tradeengine.api.risk.RiskAction;
import org.tradeengine.api.risk.RiskDecision;
import org.tradeengine.api.risk.RiskService;
import org.tradeengine.api.strategy.ExitDecision;
import org.tradeengine.api.strategy.ExitService;

/**
 * The optional risk and exit services, called so that nothing they do escapes: no risk service, a null answer or an
 * exception all deny (fail closed); an account check that throws asks to REDUCE. Also remembers which messages were
 * logged, so a rule that denies every signal is logged once, not per event.
 */
final class RiskGate {

    /** The rule named when no risk service is bound. */
    static final String NO_RISK_SERVICE = "no-risk-service";
    /** The rule named when the risk service failed. */
    static final String RISK_ERROR = "risk-error";

    private final Logger logger = LoggerFactory.getLogger(RiskGate.class);
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private volatile RiskService risk;
    private volatile ExitService exits;

    void setRisk(RiskService service) {
        risk = service;
        logged.remove(NO_RISK_SERVICE);
    }

    void clearRisk(RiskService service) {
        if (risk == service) {
            risk = null;
        }
    }

    void setExits(ExitService service) {
        exits = service;
    }

    void clearExits(ExitService service) {
        if (exits == service) {
            exits = null;
        }
    }

    boolean hasRisk() {
        return risk != null;
    }

    RiskDecision checkOrder(OrderCheck check) {
        RiskService r = risk;
        if (r == null) {
            return RiskDecision.deny(NO_RISK_SERVICE, "no risk service is bound: orders that add exposure are denied");
        }
        try {
            RiskDecision d = r.checkOrder(check);
            return d != null ? d : RiskDecision.deny(RISK_ERROR, "the risk service returned no decision for " + check);
        } catch (RuntimeException e) {
            logOnce(RISK_ERROR + ":order", "Risk service failed on {}; the order is denied: {}", check, e.toString());
            return RiskDecision.deny(RISK_ERROR, "the risk service failed: " + e);
        }
    }

    List<RiskAction> checkAccount(AccountMark account, List<PositionMark> positions) {
        RiskService r = risk;
        if (r == null) {
            return List.of();
        }
        try {
            List<RiskAction> actions = r.checkAccount(account, positions);
            return actions == null ? List.of() : actions;
        } catch (RuntimeException e) {
            logOnce(RISK_ERROR + ":account", "Risk service failed on the account check; trading reduces: {} {}", account,
                    e.toString());
            return List.of(new RiskAction(RiskAction.Kind.REDUCE, null, RISK_ERROR, "the risk service failed: " + e));
        }
    }

    List<ExitDecision> checkExits(List<PositionMark> positions) {
        ExitService x = exits;
        if (x == null) {
            return List.of();
        }
        try {
            List<ExitDecision> out = x.check(positions);
            return out == null ? List.of() : out;
        } catch (RuntimeException e) {
            logOnce("exit-error", "Exit service failed; no exits this time (risk rules still close positions): {} {}",
                    positions, e.toString());
            return List.of();
        }
    }

    /**
     * @param key what the message is about
     * @return true the first time for this key (until {@link #forget})
     */
    boolean first(String key) {
        return logged.add(key);
    }

    void forget(String key) {
        logged.remove(key);
    }

    private void logOnce(String key, String format, Object... args) {
        if (first(key)) {
            logger.warn(format, args);
        } else {
            logger.debug(format, args);
        }
    }
}
