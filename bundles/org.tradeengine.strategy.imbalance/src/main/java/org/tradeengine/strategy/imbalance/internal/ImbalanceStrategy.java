// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.strategy.imbalance.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.rules.RuleService;
import org.tradeengine.api.rules.RuleSession;
import org.tradeengine.api.rules.RuleSet;
import org.tradeengine.api.strategy.EntrySignals;
import org.tradeengine.api.strategy.SignalSink;
import org.tradeengine.api.strategy.Strategy;

/**
 * The L2 imbalance strategy. Its thresholds are not here: they are the entry rules in {@code rules/entry/},
 * which this strategy runs over one {@link BookFeatures} fact per instrument.
 *
 * <p>Swapping rules: before each evaluation it reads the rule generation in force; when it changed, the old
 * session is closed and a new, empty one is opened, so a deployment takes effect between two events and old
 * facts never fire under new rules. With no entry rules in force it produces no signals (fails closed).
 *
 * <p>Called on the engine's business thread; the methods are synchronized only so that a deactivation on the
 * framework's thread cannot close the session under a running evaluation (uncontended otherwise).
 */
@Component(service = Strategy.class, property = Strategy.PROPERTY_ID + "=" + ImbalanceStrategy.ID)
public final class ImbalanceStrategy implements Strategy {

    /** The strategy id. */
    public static final String ID = "l2-imbalance";

    private final Logger logger = LoggerFactory.getLogger(ImbalanceStrategy.class);
    private final RuleService rules;
    private final SignalFactory signals = new SignalFactory(ID);
    private final Map<InstrumentId, RuleSession.FactRef> facts = new HashMap<>();
    private RuleSession session;
    private boolean warnedNoRules;

    /**
     * Creates the strategy.
     *
     * @param rules the rule service holding the entry rules in force
     */
    @Activate
    public ImbalanceStrategy(@Reference RuleService rules) {
        this.rules = rules;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public synchronized void onFeatures(BookFeatures features, SignalSink sink) {
        if (!features.isLive()) {
            return; // never trade on a book that is not LIVE, whatever the rules say
        }
        RuleSession s = sessionInForce();
        if (s == null) {
            return;
        }
        // 1. update the instrument's fact; 2. fire; consequences call the EntrySignals global
        RuleSession.FactRef ref = facts.get(features.getInstrument());
        if (ref == null) {
            facts.put(features.getInstrument(), s.insert(features));
        } else {
            s.update(ref, features);
        }
        signals.begin(sink, s.generation());
        try {
            s.fireAllRules();
        } catch (RuntimeException e) {
            // a rule that throws produces no signal; start from a clean session next time
            logger.warn("Entry rules (generation {}) failed on {}: {}; no signal", s.generation(), features.getInstrument(),
                    e.toString());
            closeSession();
        } finally {
            signals.end();
        }
    }

    @Override
    public synchronized void onBookReset(InstrumentId instrument) {
        RuleSession.FactRef ref = facts.remove(instrument);
        if (ref != null && session != null) {
            session.delete(ref);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        closeSession();
    }

    /** Returns the session of the generation in force, replacing an older one; null if no rules are in force. */
    private RuleSession sessionInForce() {
        Optional<RuleSet> inForce = rules.current(RuleService.ENTRY);
        if (inForce.isEmpty()) {
            if (!warnedNoRules) {
                logger.warn("No entry rules in force: the {} strategy produces no signals until rules deploy", ID);
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
            session.setGlobal(EntrySignals.GLOBAL, signals);
            logger.info("{} now runs entry rules generation {} ({})", ID, set.generation(), set.ruleNames());
        }
        return session;
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
        facts.clear();
    }
}
