// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tradeengine.api.audit.AuditRecord;
import org.tradeengine.api.audit.RestorePoint;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.TradingState;

/**
 * Reads a journal {@link RestorePoint} back into what the desk restores: the trading state, the account, the open
 * positions and the open orders. Strict: a record the desk cannot read exactly (a missing or malformed field) makes
 * the whole restore fail with a message naming the record and the field, and the desk then stays closed to new
 * entries (a guessed position is worse than none).
 */
final class Restore {

    /**
     * A restored trading state.
     *
     * @param state the state
     * @param reason why
     * @param by who
     * @param since when
     */
    record State(TradingState state, String reason, String by, Instant since) {
    }

    /**
     * An order that was open when the engine stopped.
     *
     * @param intent the order as it was sent
     * @param leaves its open quantity
     */
    record OpenOrder(OrderIntent intent, BigDecimal leaves) {
    }

    /**
     * What to restore.
     *
     * @param state the last state change, or null
     * @param account the account, or null
     * @param positions open positions by instrument
     * @param orders open orders
     * @param storedRecords records in the store
     * @param asOf when the store was read
     */
    record Plan(State state, Ledger.Account account, Map<InstrumentId, Position.Snapshot> positions, List<OpenOrder> orders,
            long storedRecords, Instant asOf) {
    }

    /** A record the desk cannot read. */
    static final class BadRecord extends Exception {
        private static final long serialVersionUID = 1L;

        BadRecord(String message) {
            super(message);
        }
    }

    private Restore() {
    }

    /**
     * @param rp the journal's restore point
     * @param capital the configured capital
     * @return the plan
     * @throws BadRecord naming the record and field that could not be read
     */
    static Plan plan(RestorePoint rp, BigDecimal capital) throws BadRecord {
        State state = null;
        if (rp.tradingState() != null) {
            AuditRecord r = rp.tradingState();
            state = new State(enumOf(TradingState.class, r, "to"), text(r, "reason"), optText(r, "by", "unknown"), r.at());
        }
        Ledger.Account account = null;
        if (rp.account() != null) {
            AuditRecord r = rp.account();
            account = new Ledger.Account(capital, dec(r, RestoreFields.REALIZED), dec(r, RestoreFields.FEES),
                    dec(r, RestoreFields.PEAK), dec(r, RestoreFields.MAX_DRAWDOWN), dec(r, RestoreFields.DAY_START),
                    lng(r, RestoreFields.EPOCH_DAY), lng(r, RestoreFields.TRADES), lng(r, RestoreFields.WINS),
                    dec(r, RestoreFields.GROSS_PROFIT), dec(r, RestoreFields.GROSS_LOSS));
        }
        Map<InstrumentId, Position.Snapshot> positions = new LinkedHashMap<>();
        for (AuditRecord r : rp.positions()) {
            InstrumentId id = instrument(r, RestoreFields.INSTRUMENT);
            BigDecimal qty = dec(r, RestoreFields.QTY);
            if (qty.signum() == 0) {
                continue;
            }
            String mark = r.fields().get(RestoreFields.MARK);
            String opened = r.fields().get(RestoreFields.OPENED_AT);
            positions.put(id, new Position.Snapshot(qty, dec(r, RestoreFields.COST), dec(r, RestoreFields.REALIZED),
                    dec(r, RestoreFields.FEES), dec(r, RestoreFields.TRIP_REALIZED), dec(r, RestoreFields.TRIP_FEES),
                    mark == null ? null : dec(r, RestoreFields.MARK), opened == null ? null : instant(r, opened),
                    lng(r, RestoreFields.OPENED_NANOS), r.correlationId()));
        }
        List<OpenOrder> orders = new ArrayList<>();
        for (AuditRecord r : rp.openOrders()) {
            InstrumentId id = instrument(r, "instrument");
            BigDecimal qty = dec(r, "qty");
            Quantity q = quantity(r, qty);
            String limit = r.fields().get("limitPrice");
            Price price = null;
            if (limit != null) {
                BigDecimal p = dec(r, "limitPrice");
                try {
                    price = Price.of(p, Math.max(0, p.stripTrailingZeros().scale()));
                } catch (ArithmeticException | IllegalArgumentException e) {
                    throw bad(r, "limitPrice", "'" + limit + "' does not fit a price");
                }
            }
            OrderIntent intent = new OrderIntent(text(r, "clientOrderId"), r.correlationId(), id, enumOf(Side.class, r, "side"),
                    enumOf(OrderType.class, r, "type"), q, price, Boolean.parseBoolean(r.fields().get("reduceOnly")),
                    optText(r, "reason", ""), r.at());
            String leaves = r.fields().get("leavesQty");
            orders.add(new OpenOrder(intent, leaves == null ? qty : dec(r, "leavesQty")));
        }
        return new Plan(state, account, positions, orders, rp.storedRecords(), rp.asOf());
    }

    private static Quantity quantity(AuditRecord r, BigDecimal qty) throws BadRecord {
        try {
            return Quantity.of(qty, Math.max(0, qty.stripTrailingZeros().scale()));
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw bad(r, "qty", "'" + qty.toPlainString() + "' does not fit a quantity");
        }
    }

    private static String text(AuditRecord r, String key) throws BadRecord {
        String v = r.fields().get(key);
        if (v == null || v.isBlank()) {
            throw bad(r, key, "missing");
        }
        return v;
    }

    private static String optText(AuditRecord r, String key, String fallback) {
        String v = r.fields().get(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static BigDecimal dec(AuditRecord r, String key) throws BadRecord {
        String v = text(r, key);
        try {
            return new BigDecimal(v.strip());
        } catch (NumberFormatException e) {
            throw bad(r, key, "not a decimal: '" + v + "'");
        }
    }

    private static long lng(AuditRecord r, String key) throws BadRecord {
        String v = text(r, key);
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw bad(r, key, "not an integer: '" + v + "'");
        }
    }

    private static Instant instant(AuditRecord r, String v) throws BadRecord {
        try {
            return Instant.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw bad(r, RestoreFields.OPENED_AT, "not an instant: '" + v + "'");
        }
    }

    private static InstrumentId instrument(AuditRecord r, String key) throws BadRecord {
        String v = text(r, key);
        try {
            return InstrumentId.parse(v.strip());
        } catch (IllegalArgumentException e) {
            throw bad(r, key, "not an instrument: '" + v + "' (" + e.getMessage() + ")");
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, AuditRecord r, String key) throws BadRecord {
        String v = text(r, key);
        try {
            return Enum.valueOf(type, v.strip());
        } catch (IllegalArgumentException e) {
            throw bad(r, key, "not a " + type.getSimpleName() + ": '" + v + "'");
        }
    }

    private static BadRecord bad(AuditRecord r, String key, String what) {
        return new BadRecord(r.type() + " record " + r.key() + " field '" + key + "' is " + what);
    }
}
