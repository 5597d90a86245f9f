// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.trading.Alert;
import org.tradeengine.api.trading.FillView;
import org.tradeengine.api.trading.RiskEvent;

/** The recent fills, risk events and alerts; an alert is also logged (CRITICAL at ERROR, WARN at WARN, else INFO). */
final class History {

    private final Logger logger = LoggerFactory.getLogger(History.class);
    private final Clock clock;
    final Recent<FillView> fills;
    final Recent<RiskEvent> riskEvents;
    final Recent<Alert> alerts;

    History(int size, Clock clock) {
        this.clock = clock;
        this.fills = new Recent<>(size);
        this.riskEvents = new Recent<>(size);
        this.alerts = new Recent<>(size);
    }

    void alert(String severity, String message) {
        alerts.add(new Alert(clock.instant(), severity, message));
        switch (severity) {
            case "CRITICAL" -> logger.error(message);
            case "WARN" -> logger.warn(message);
            default -> logger.info(message);
        }
    }
}
