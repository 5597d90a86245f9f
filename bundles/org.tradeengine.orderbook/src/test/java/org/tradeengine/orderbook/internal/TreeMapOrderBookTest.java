// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.orderbook.internal;

import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.model.InstrumentSpec;

/** The contract for the {@link TreeMapOrderBook} baseline. */
class TreeMapOrderBookTest extends OrderBookContractTest {

    @Override
    protected OrderBook newBook(InstrumentSpec spec) {
        return new TreeMapOrderBook(spec);
    }
}
