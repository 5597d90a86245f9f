// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.orderbook.internal;

import org.osgi.service.component.annotations.Component;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.model.InstrumentSpec;

/**
 * Provides {@link ArrayOrderBook}s: as a DS service inside OSGi, and through
 * {@code META-INF/services/org.tradeengine.api.book.OrderBookFactory} for plain-Java tools that use
 * {@link java.util.ServiceLoader}, which is why it keeps a public no-argument constructor and no references.
 */
@Component(service = OrderBookFactory.class)
public final class ArrayOrderBookFactory implements OrderBookFactory {

    /** Used by DS and by {@link java.util.ServiceLoader}. */
    public ArrayOrderBookFactory() {
        // stateless
    }

    @Override
    public OrderBook create(InstrumentSpec spec) {
        return new ArrayOrderBook(spec);
    }
}
