// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.math.BigDecimal;

import org.tradeengine.api.broker.Broker;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.Side;

/**
 * One order the desk sent, from before the broker sees it until it is final (filled, cancelled, rejected) or given up.
 * Mutated only under the desk's lock.
 */
final class OrderRecord {

    final OrderIntent intent;
    /** The broker it went to (a restored order gets its broker when that broker is reconciled). */
    Broker broker;
    final boolean close;
    final long sentWallMillis;
    /** Open quantity, exact; starts at the order's quantity. */
    BigDecimal leaves;
    /** The broker answered submit (acknowledged or rejected). */
    boolean answered;
    /** The broker rejected it, or submit failed. */
    boolean failed;
    /** Filled, cancelled or rejected: no longer pending. */
    boolean done;
    String detail = "";

    OrderRecord(OrderIntent intent, Broker broker, boolean close, long sentWallMillis) {
        this.intent = intent;
        this.broker = broker;
        this.close = close;
        this.sentWallMillis = sentWallMillis;
        this.leaves = intent.quantity().toBigDecimal();
    }

    /**
     * An order that was open when the engine stopped (restart) or that a broker holds unknown to the journal: its
     * submit was answered long ago.
     *
     * @param intent the order
     * @param broker its broker, or null until that broker is reconciled
     * @param leaves its open quantity
     * @param nowMillis wall clock now
     * @return the record
     */
    static OrderRecord restored(OrderIntent intent, Broker broker, BigDecimal leaves, long nowMillis) {
        OrderRecord r = new OrderRecord(intent, broker, intent.reduceOnly(), nowMillis);
        r.leaves = leaves;
        r.answered = true;
        return r;
    }

    String id() {
        return intent.clientOrderId();
    }

    String purpose() {
        return intent.reason() == null ? "" : intent.reason();
    }

    /** @return open quantity signed by side (buys positive) */
    BigDecimal signedLeaves() {
        return intent.side() == Side.BUY ? leaves : leaves.negate();
    }
}
