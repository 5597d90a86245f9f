// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.book;

import org.tradeengine.api.model.InstrumentSpec;

/** Creates order books; provided as an OSGi service by the order-book bundle. */
public interface OrderBookFactory {

    /**
     * Creates an empty book in {@link BookState#SYNCING}.
     *
     * @param spec the instrument and its scales
     * @return a new book owned by the caller's thread
     */
    OrderBook create(InstrumentSpec spec);
}
