// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.audit;

import java.time.Instant;

/**
 * One journaled risk decision.
 *
 * @param at event time
 * @param outcome DENY, HALT, REDUCE, FLATTEN, ...
 * @param rule the deciding rule
 * @param reason the rule's reason, with the figures
 * @param instrument instrument, if any
 * @param clientOrderId the order, if any
 * @param correlationId correlation id, if any
 */
public record StoredRiskEvent(Instant at, String outcome, String rule, String reason, String instrument,
        String clientOrderId, String correlationId) {
}
