// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

/**
 * The field names of the desk's {@code POSITION} and {@code EQUITY} journal records that a restart reads back
 * ({@link AuditTrail} writes them, {@link Restore} reads them).
 */
final class RestoreFields {

    static final String INSTRUMENT = "instrument";
    static final String QTY = "qty";
    static final String COST = "cost";
    static final String MARK = "markPrice";
    static final String REALIZED = "realizedPnl";
    static final String FEES = "fees";
    static final String TRIP_REALIZED = "tripRealizedPnl";
    static final String TRIP_FEES = "tripFees";
    static final String OPENED_AT = "openedAt";
    static final String OPENED_NANOS = "openedNanos";
    static final String PEAK = "peakEquity";
    static final String DAY_START = "dayStartEquity";
    static final String EPOCH_DAY = "epochDay";
    static final String TRADES = "trades";
    static final String WINS = "wins";
    static final String GROSS_PROFIT = "grossProfit";
    static final String GROSS_LOSS = "grossLoss";
    static final String MAX_DRAWDOWN = "maxDrawdown";

    private RestoreFields() {
    }
}
