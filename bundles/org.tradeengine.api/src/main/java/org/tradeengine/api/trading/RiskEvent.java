// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.trading;

import java.time.Instant;

import org.tradeengine.api.model.InstrumentId;

/**
 * A risk decision that stopped an order, or a risk action taken after a mark.
 *
 * @param at event time
 * @param outcome DENY, HALT, REDUCE or FLATTEN
 * @param rule the rule
 * @param reason the rule's reason with the figures
 * @param instrument the instrument concerned, may be null
 * @param clientOrderId the order concerned, may be empty
 */
public record RiskEvent(Instant at, String outcome, String rule, String reason, InstrumentId instrument, String clientOrderId) {
}
