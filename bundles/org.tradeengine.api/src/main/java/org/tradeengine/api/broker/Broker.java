// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.broker;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.Venue;

/**
 * Sends orders to one venue (or to the paper simulator). Brokers are hot-swappable services with the
 * {@value #PROPERTY_VENUE} service property; the engine routes each order to the broker of its venue.
 * Nothing reaches a real venue unless an operator configured live keys and enabled live trading for it.
 * The paper broker ({@link Venue#PAPER}) simulates every venue and takes the orders of instruments whose venue has no
 * broker of its own.
 *
 * <p>Threads: a simulated broker that is also a {@link BookObserver} calls its listeners on the engine's business
 * thread (during {@link #submit}, {@link #cancel} or {@link BookObserver#onBook}); a live broker calls them on its own
 * thread and the engine hands the events over to its business thread.
 */
public interface Broker {

    /** Service property: the venue name. */
    String PROPERTY_VENUE = "venue";

    /** @return the venue this broker trades on */
    Venue venue();

    /** @return true if orders reach a real venue with real money */
    boolean isLive();

    /**
     * Sends an order. Idempotent by client order id.
     *
     * @param intent the order, already risk-checked and journaled
     * @return completes when the venue acknowledged or rejected it
     */
    CompletionStage<OrderEvent> submit(OrderIntent intent);

    /**
     * Cancels an order. Never blocked by risk or trading state.
     *
     * @param clientOrderId the order
     * @return completes when the venue confirmed or refused
     */
    CompletionStage<OrderEvent> cancel(String clientOrderId);

    /** @return the orders open at the venue now (accepted, not fully filled, not cancelled) */
    List<OpenOrder> openOrders();

    /**
     * Returns the venue's view of the positions, to reconcile with and to confirm that a flattening worked.
     *
     * @return signed position quantity per instrument (positive long, negative short); flat instruments left out
     */
    Map<InstrumentId, BigDecimal> positions();

    /**
     * Registers for order events (acks, fills, cancels).
     *
     * @param listener called on the broker's thread
     */
    void addListener(Consumer<OrderEvent> listener);

    /**
     * Unregisters a listener.
     *
     * @param listener the listener
     */
    void removeListener(Consumer<OrderEvent> listener);
}
