// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.engine;

import java.math.BigDecimal;

import org.tradeengine.api.book.BookState;
import org.tradeengine.api.model.InstrumentId;

/**
 * The engine's view of one instrument.
 *
 * @param instrument the instrument
 * @param bookState the book's state
 * @param lastUpdateId last venue update id applied
 * @param events deltas applied
 * @param levelUpdates level entries applied
 * @param gaps sequence gaps the book detected
 * @param crossed crossed books detected
 * @param snapshots snapshots applied
 * @param signals signals produced
 * @param imbalance latest top-N imbalance, null if unknown
 */
public record InstrumentStatus(InstrumentId instrument, BookState bookState, long lastUpdateId, long events, long levelUpdates,
        long gaps, long crossed, long snapshots, long signals, BigDecimal imbalance) {
}
