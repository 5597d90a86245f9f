// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.audit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One step in the life of an order (the signal, orders, decisions, events, fills and exit of one correlation id).
 *
 * @param at event time
 * @param stage SIGNAL, ORDER, EXIT_ORDER (a reduce-only order), RISK_DECISION, ORDER_EVENT or FILL
 * @param recordKey the record key
 * @param clientOrderId the order, if any
 * @param instrument instrument
 * @param side side
 * @param qty order quantity, or the fill quantity
 * @param price limit or fill price
 * @param what signal rule, order type, event type, liquidity or risk outcome
 * @param note order reason, event detail, fill purpose or risk rule and reason
 */
public record OrderLifeStep(Instant at, String stage, String recordKey, String clientOrderId, String instrument,
        String side, BigDecimal qty, BigDecimal price, String what, String note) {
}
