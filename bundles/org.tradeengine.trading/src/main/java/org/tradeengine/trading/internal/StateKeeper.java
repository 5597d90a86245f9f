// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.model.TradingState;

/**
 * The trading state (state, reason, by, since), persisted on every change and restored on start. Fails closed: an
 * unreadable file or a bad configuration starts HALTED, saying why.
 */
final class StateKeeper {

    private AuditTrail audit;

    private static final String SYSTEM = "system";

    private final Logger logger = LoggerFactory.getLogger(StateKeeper.class);
    private final StateStore store;
    private final Clock clock;
    private final History history;
    private StateStore.Saved current;

    StateKeeper(StateStore store, Clock clock, History history, List<String> configProblems) {
        this.store = store;
        this.clock = clock;
        this.history = history;
        restore();
        if (!configProblems.isEmpty()) {
            set(TradingState.HALTED, "bad configuration of org.tradeengine.trading: " + String.join("; ", configProblems)
                    + " (fix etc/org.tradeengine.trading.cfg, then te:reset)", SYSTEM);
            history.alert("CRITICAL", "Trading HALTED: " + current.reason());
        }
    }

    private void restore() {
        try {
            StateStore.Saved saved = store.load();
            current = saved != null ? saved
                    : new StateStore.Saved(TradingState.ACTIVE, "first start (no state file " + store.file() + ")", SYSTEM,
                            clock.instant());
            logger.info("Trading state {} since {} by {}: {}", current.state(), current.since(), current.by(),
                    current.reason());
        } catch (IOException | RuntimeException e) {
            current = new StateStore.Saved(TradingState.HALTED, "state file " + store.file() + " is unreadable ("
                    + e.getMessage() + "): started HALTED; check the file, then te:reset", SYSTEM, clock.instant());
            history.alert("CRITICAL", "Trading starts HALTED: " + current.reason());
        }
    }

    StateStore.Saved current() {
        return current;
    }

    TradingState state() {
        return current.state();
    }

    void audit(AuditTrail trail) {
        this.audit = trail;
    }

    /** Changes the state and writes it (temp file + move); a write failure is a CRITICAL alert. */
    void set(TradingState state, String reason, String by) {
        TradingState from = current == null ? null : current.state();
        current = new StateStore.Saved(state, reason, by, clock.instant());
        if (audit != null) {
            audit.stateChange(from, state, reason, by, current.since());
        }
        try {
            store.save(current);
        } catch (IOException | RuntimeException e) {
            history.alert("CRITICAL", "Could not persist trading state " + state + " to " + store.file() + " (" + e
                    + "); a restart would not remember it");
        }
    }
}
