// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.strategy;

import java.math.BigDecimal;
import java.time.Instant;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Side;

/**
 * An entry signal produced by a strategy's rules, with the facts that produced it.
 *
 * @param sequence engine-wide signal number, from 1
 * @param instrument the instrument
 * @param side BUY or SELL
 * @param strategyId the strategy that produced it
 * @param rule the name of the rule that fired
 * @param ruleGeneration the generation of the rule set in force
 * @param imbalance top-N bid/ask volume ratio when it fired
 * @param bestBid best bid when it fired
 * @param bestAsk best ask when it fired
 * @param bookUpdateId the book's last update id when it fired
 * @param exchangeTimeMillis venue time of the event that fired it
 * @param createdAt local time the signal was made
 */
public record Signal(long sequence, InstrumentId instrument, Side side, String strategyId, String rule, long ruleGeneration,
        BigDecimal imbalance, BigDecimal bestBid, BigDecimal bestAsk, long bookUpdateId, long exchangeTimeMillis,
        Instant createdAt) {
}
