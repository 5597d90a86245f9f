// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tradeengine.api.model.InstrumentId;

/**
 * The desk's orders: ids, the pending ones per instrument, finished ones kept a while (late fills still find their
 * purpose), and the order rate in event time. Not thread-safe: used under the desk's lock.
 */
final class Orders {

    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final int FINISHED_KEPT = 10_000;

    private final String prefix;
    private long seq;
    private final Map<String, OrderRecord> pending = new LinkedHashMap<>();
    private final Map<String, OrderRecord> finished = new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OrderRecord> eldest) {
            return size() > FINISHED_KEPT;
        }
    };
    private final ArrayDeque<Long> sentNanos = new ArrayDeque<>();

    /**
     * @param startMillis wall-clock start of this desk: ids {@code te-<startMillis base 36>-<n>} stay unique across
     *     restarts
     */
    Orders(long startMillis) {
        this.prefix = "te-" + Long.toString(startMillis, 36) + "-";
    }

    String nextId() {
        return prefix + (++seq);
    }

    /**
     * @param signalSequence the engine's signal number (restarts at 1 with the engine)
     * @return the correlation id of the orders a signal causes, unique across restarts
     */
    String correlation(long signalSequence) {
        return prefix + "sig-" + signalSequence;
    }

    /**
     * Registers an order before it goes to the broker (a simulated broker fills it during submit).
     *
     * @param r the order
     * @param eventNanos event time it was sent at
     */
    void add(OrderRecord r, long eventNanos) {
        pending.put(r.id(), r);
        sentInLastMinute(eventNanos);
        sentNanos.addLast(eventNanos);
    }

    /**
     * @param nowNanos event time now
     * @return orders sent in the 60 s of event time before now
     */
    int sentInLastMinute(long nowNanos) {
        while (!sentNanos.isEmpty() && sentNanos.peekFirst() <= nowNanos - MINUTE_NANOS) {
            sentNanos.removeFirst();
        }
        return sentNanos.size();
    }

    /**
     * Registers an order that was open when the engine stopped (restart); it does not count toward the order rate.
     *
     * @param r the order
     */
    void restore(OrderRecord r) {
        pending.put(r.id(), r);
    }

    OrderRecord get(String clientOrderId) {
        OrderRecord r = pending.get(clientOrderId);
        return r != null ? r : finished.get(clientOrderId);
    }

    void finish(OrderRecord r) {
        r.done = true;
        if (pending.remove(r.id()) != null) {
            finished.put(r.id(), r);
        }
    }

    boolean hasPending(InstrumentId instrument) {
        for (OrderRecord r : pending.values()) {
            if (r.intent.instrument().equals(instrument)) {
                return true;
            }
        }
        return false;
    }

    OrderRecord pendingClose(InstrumentId instrument) {
        for (OrderRecord r : pending.values()) {
            if (r.close && r.intent.instrument().equals(instrument)) {
                return r;
            }
        }
        return null;
    }

    /**
     * @param instrument the instrument
     * @return signed open quantity of its pending orders (buys positive)
     */
    BigDecimal openQty(InstrumentId instrument) {
        BigDecimal q = BigDecimal.ZERO;
        for (OrderRecord r : pending.values()) {
            if (r.intent.instrument().equals(instrument)) {
                q = q.add(r.signedLeaves());
            }
        }
        return q;
    }

    List<OrderRecord> pending() {
        return new ArrayList<>(pending.values());
    }
}
