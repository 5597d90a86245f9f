// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.strategy;

import org.tradeengine.api.book.BookFeatures;
import org.tradeengine.api.model.InstrumentId;

/**
 * A strategy turns book features into signals. Strategies are hot-swappable services identified by the
 * {@value #PROPERTY_ID} service property; the engine calls them on its single business thread, only when a
 * feature value changed, and keeps running when one comes or goes.
 */
public interface Strategy {

    /** Service property holding the strategy id. */
    String PROPERTY_ID = "strategy.id";

    /** @return the strategy id, e.g. {@code l2-imbalance} */
    String id();

    /**
     * Evaluates new feature values of one instrument. Only LIVE books may produce signals; a strategy must
     * check {@link BookFeatures#isLive()} (and does not get called for other books by the engine).
     *
     * @param features the new values
     * @param sink where signals go
     */
    void onFeatures(BookFeatures features, SignalSink sink);

    /**
     * Tells the strategy an instrument's book was reset or became invalid; it must forget its facts.
     *
     * @param instrument the instrument
     */
    default void onBookReset(InstrumentId instrument) {
    }
}
