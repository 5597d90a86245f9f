// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.broker;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.Venue;

/**
 * Sends orders to one venue (or to the paper simulator). Brokers are hot-swappable services with the
 * {@value #PROPERTY_VENUE} service property; the engine routes each order to the broker of its venue.
 * Nothing reaches a real venue unless an operator configured live keys and enabled live trading for it.
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
