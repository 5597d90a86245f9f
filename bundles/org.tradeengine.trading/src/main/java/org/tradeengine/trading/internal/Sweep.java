// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.broker.Broker;
import org.tradeengine.api.broker.OpenOrder;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.model.InstrumentId;

/**
 * One run of the kill switch (flatten: cancel everything, close everything) or of a halt (cancel everything), until
 * the brokers confirm. Each step asks every broker for its open orders and positions, sends what is missing, and
 * sends again what was rejected, went unanswered or did not work within the retry period. The brokers' own view is
 * the truth: a close is sized from {@link Broker#positions()} and sent to the broker that holds the position. Used
 * under the desk's lock; a step never runs inside another (a simulated broker answers synchronously).
 */
final class Sweep {

    /** What the sweep needs from the desk. */
    interface Desk {
        /** Sends a reduce-only market close of {@code signedQty} (the position) to {@code broker}; null if it could not. */
        OrderRecord close(Broker broker, InstrumentId instrument, BigDecimal signedQty);

        /** The desk's own close pending for an instrument (an exit sent before the kill), or null. */
        OrderRecord pendingClose(InstrumentId instrument);

        /** Runs {@code action} under the desk's lock when the stage completes (at once if it already has). */
        void whenDone(CompletionStage<OrderEvent> stage, BiConsumer<OrderEvent, Throwable> action);

        /** Stops waiting for a close that is being replaced (a late fill still counts). */
        void giveUp(OrderRecord close);

        /** Records and logs an alert. */
        void alert(String severity, String message);
    }

    /** One cancel sent. */
    private static final class Cancel {
        final Broker broker;
        final long sentMillis;
        final int tries;
        boolean answered;
        boolean failed;
        String detail = "";

        Cancel(Broker broker, long sentMillis, int tries) {
            this.broker = broker;
            this.sentMillis = sentMillis;
            this.tries = tries;
        }
    }

    private final Logger logger = LoggerFactory.getLogger(Sweep.class);
    private final Desk desk;
    private final long retryMillis;
    private boolean flatten;
    private final Map<String, Cancel> cancels = new HashMap<>();
    private final Map<InstrumentId, OrderRecord> closes = new HashMap<>();
    private final Map<InstrumentId, Integer> closeTries = new HashMap<>();
    private int retries;
    private boolean stepping;
    private long lastNoBrokerWarn = Long.MIN_VALUE;

    Sweep(Desk desk, boolean flatten, long retryMillis) {
        this.desk = desk;
        this.flatten = flatten;
        this.retryMillis = retryMillis;
    }

    boolean flatten() {
        return flatten;
    }

    /** Turns a halt's cancel sweep into a kill switch. */
    void upgradeToFlatten() {
        flatten = true;
    }

    int retries() {
        return retries;
    }

    /**
     * Sends what is due and checks whether the brokers confirm.
     *
     * @param brokers the bound brokers
     * @param deskFlat whether the desk's own positions are all flat
     * @param nowMillis wall clock
     * @return true when every broker answered, no order is open and (flattening) every position is flat
     */
    boolean step(List<Broker> brokers, boolean deskFlat, long nowMillis) {
        if (stepping) {
            return false;
        }
        stepping = true;
        try {
            for (Broker b : brokers) {
                cancelOpenOrders(b, nowMillis);
            }
            if (flatten) {
                for (Broker b : brokers) {
                    closePositions(b, nowMillis);
                }
                if (brokers.isEmpty() && !deskFlat && nowMillis - lastNoBrokerWarn >= retryMillis) {
                    lastNoBrokerWarn = nowMillis;
                    desk.alert("WARN", "Kill switch cannot close the desk's positions: no broker is bound; retrying");
                }
            }
            return confirmed(brokers, deskFlat);
        } finally {
            stepping = false;
        }
    }

    private void cancelOpenOrders(Broker b, long now) {
        List<OpenOrder> open = openOrders(b);
        if (open == null) {
            return;
        }
        for (OpenOrder o : open) {
            if (isClose(closes.get(o.instrument()), o) || isClose(desk.pendingClose(o.instrument()), o)) {
                continue; // a close: handled with the positions
            }
            Cancel c = cancels.get(o.clientOrderId());
            if (c == null) {
                cancel(b, o.clientOrderId(), 1, now);
            } else if (now - c.sentMillis >= retryMillis) {
                retries++;
                String why = c.failed ? "rejected: " + c.detail : c.answered ? "still open" : "no answer within " + retryMillis + " ms";
                desk.alert("WARN", "Retrying cancel of " + o.clientOrderId() + " (" + o.instrument() + ") at " + b.venue()
                        + ", attempt " + (c.tries + 1) + ": previous " + why);
                cancel(b, o.clientOrderId(), c.tries + 1, now);
            }
        }
    }

    private static boolean isClose(OrderRecord close, OpenOrder o) {
        return close != null && close.id().equals(o.clientOrderId());
    }

    private void cancel(Broker b, String clientOrderId, int tries, long now) {
        Cancel c = new Cancel(b, now, tries);
        cancels.put(clientOrderId, c);
        try {
            CompletionStage<OrderEvent> stage = b.cancel(clientOrderId);
            if (stage == null) {
                fail(c, "the broker returned no answer");
                return;
            }
            desk.whenDone(stage, (ev, err) -> {
                c.answered = true;
                if (err != null || ev == null || ev.type() == OrderEvent.Type.REJECTED) {
                    fail(c, err != null ? err.toString() : ev == null ? "empty answer" : ev.detail());
                }
            });
        } catch (RuntimeException e) {
            fail(c, e.toString());
        }
    }

    private static void fail(Cancel c, String detail) {
        c.answered = true;
        c.failed = true;
        c.detail = detail;
    }

    private void closePositions(Broker b, long now) {
        Map<InstrumentId, BigDecimal> positions = positions(b);
        if (positions == null) {
            return;
        }
        positions.forEach((id, qty) -> {
            if (qty == null || qty.signum() == 0) {
                return;
            }
            OrderRecord c = closes.get(id);
            if (c == null && desk.pendingClose(id) != null) {
                c = desk.pendingClose(id); // adopt the exit already working: one close per instrument
                closes.put(id, c);
                closeTries.put(id, 1);
            }
            if (c == null) {
                send(b, id, qty, 1);
                return;
            }
            if (now - c.sentWallMillis < retryMillis) {
                return; // in flight; its fill may still come
            }
            retries++;
            int tries = closeTries.getOrDefault(id, 1) + 1;
            String why = c.failed ? "rejected: " + c.detail : !c.answered ? "no answer within " + retryMillis + " ms"
                    : "position still " + qty.toPlainString();
            desk.alert("WARN", "Retrying close of " + id + " " + qty.toPlainString() + " at " + b.venue() + ", attempt "
                    + tries + ": previous " + why);
            if (!c.done && c.answered && !c.failed) {
                cancel(c.broker, c.id(), 1, now); // still working at the venue: take it off before sending the next
            }
            desk.giveUp(c);
            send(b, id, qty, tries);
        });
    }

    private void send(Broker b, InstrumentId id, BigDecimal qty, int tries) {
        OrderRecord r = desk.close(b, id, qty);
        if (r != null) {
            closes.put(id, r);
            closeTries.put(id, tries);
        }
    }

    private boolean confirmed(List<Broker> brokers, boolean deskFlat) {
        for (Broker b : brokers) {
            List<OpenOrder> open = openOrders(b);
            if (open == null || !open.isEmpty()) {
                return false;
            }
            if (flatten) {
                Map<InstrumentId, BigDecimal> positions = positions(b);
                if (positions == null) {
                    return false;
                }
                for (BigDecimal q : positions.values()) {
                    if (q != null && q.signum() != 0) {
                        return false;
                    }
                }
            }
        }
        return !flatten || !brokers.isEmpty() || deskFlat;
    }

    private List<OpenOrder> openOrders(Broker b) {
        try {
            List<OpenOrder> open = b.openOrders();
            return open == null ? List.of() : new ArrayList<>(open);
        } catch (RuntimeException e) {
            logger.warn("Broker {} failed to list its open orders; the sweep retries: {}", b.venue(), e.toString());
            return null;
        }
    }

    private Map<InstrumentId, BigDecimal> positions(Broker b) {
        try {
            Map<InstrumentId, BigDecimal> p = b.positions();
            return p == null ? Map.of() : new LinkedHashMap<>(p);
        } catch (RuntimeException e) {
            logger.warn("Broker {} failed to list its positions; the sweep retries: {}", b.venue(), e.toString());
            return null;
        }
    }
}
