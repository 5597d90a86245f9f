// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Liquidity;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;

/**
 * The ledger's line format (stable; documented in the module README). One JSON object per line, fields in this
 * order, decimals as plain strings with their exact scale, times as ISO-8601 UTC instants ({@link Instant#toString}):
 * <pre>
 * {"seq":1,"event":"ACCEPTED","clientOrderId":…,"correlationId":…,"instrument":"BTCUSDT-PERP.BINANCE_FUTURES",
 *  "side":"BUY","type":"LIMIT","qty":"1.000","limitPrice":"61800.1","reduceOnly":false,"reason":…,
 *  "createdAt":"…"|null,"detail":…,"at":"…"}
 * {"seq":2,"event":"FILL",…,"side":…,"qty":…,"price":…,"fee":…,"liquidity":"MAKER"|"TAKER","leavesQty":…,"detail":…,"at":…}
 * {"seq":3,"event":"CANCELLED",…,"side":…,"leavesQty":"0.000","detail":…,"at":…}
 * {"seq":4,"event":"REJECTED",…,"side":…,"qty":…,"detail":…,"at":…}
 * </pre>
 * The reader ignores fields it does not know, so fields may be added later without breaking old readers.
 */
final class LedgerFormat {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private LedgerFormat() {
    }

    /**
     * @param seq the sequence number to write (the entry's own is ignored)
     * @param e the entry
     * @return the line, without its line feed
     */
    static String line(long seq, LedgerEntry e) {
        LedgerJson.Writer w = new LedgerJson.Writer().add("seq", seq).add("event", e.event().name())
                .add("clientOrderId", e.clientOrderId()).add("correlationId", e.correlationId())
                .add("instrument", e.instrument().toString()).add("side", e.side().name());
        if (e instanceof LedgerEntry.Accepted a) {
            w.add("type", a.type().name()).add("qty", a.qty().toString())
                    .add("limitPrice", a.limitPrice() == null ? null : a.limitPrice().toString())
                    .add("reduceOnly", a.reduceOnly()).add("reason", a.reason())
                    .add("createdAt", a.createdAt() == null ? null : a.createdAt().toString());
        } else if (e instanceof LedgerEntry.Fill f) {
            w.add("qty", f.qty().toString()).add("price", f.price().toString()).add("fee", f.fee().toPlainString())
                    .add("liquidity", f.liquidity().name()).add("leavesQty", f.leavesQty().toString());
        } else if (e instanceof LedgerEntry.Cancelled c) {
            w.add("leavesQty", c.leavesQty().toString());
        } else if (e instanceof LedgerEntry.Rejected r) {
            w.add("qty", r.qty().toString());
        }
        return w.add("detail", e.detail()).add("at", e.at().toString()).toString();
    }

    /**
     * @param seq 0 (the ledger numbers it when written)
     * @param e a FILL or CANCELLED event the broker is about to deliver (ACCEPTED and REJECTED entries are made
     *     from the order, which the event does not hold)
     * @return the entry recording it
     */
    static LedgerEntry of(OrderEvent e) {
        return switch (e.type()) {
            case FILL -> new LedgerEntry.Fill(0, e.clientOrderId(), e.correlationId(), e.instrument(), e.side(),
                    e.fillQty(), e.fillPrice(), e.fee(), e.liquidity(), e.leavesQty(), e.detail(), e.at());
            case CANCELLED -> new LedgerEntry.Cancelled(0, e.clientOrderId(), e.correlationId(), e.instrument(), e.side(),
                    e.leavesQty(), e.detail(), e.at());
            case ACCEPTED, REJECTED -> throw new IllegalArgumentException("an " + e.type() + " entry is made from its"
                    + " order");
        };
    }

    /**
     * Parses one line.
     *
     * @param line the line without its line feed
     * @return the entry
     * @throws IllegalArgumentException saying what is wrong (field, value, column)
     */
    static LedgerEntry parse(String line) {
        Fields f = new Fields(LedgerJson.parse(line));
        long seq = f.seq();
        String event = f.text("event");
        String id = f.text("clientOrderId");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("field clientOrderId is empty");
        }
        String corr = f.optionalText("correlationId");
        InstrumentId instrument = f.instrument();
        Side side = f.enumValue("side", Side.class);
        String detail = f.optionalText("detail");
        Instant at = f.instant("at");
        return switch (event) {
            case "ACCEPTED" -> {
                OrderType type = f.enumValue("type", OrderType.class);
                Quantity qty = f.quantity("qty", true);
                String limit = f.optionalNullable("limitPrice");
                Price price = limit == null ? null : f.price("limitPrice", limit);
                if (type == OrderType.LIMIT && price == null) {
                    throw new IllegalArgumentException("a LIMIT order needs field limitPrice");
                }
                yield new LedgerEntry.Accepted(seq, id, corr, instrument, side, type, qty, price, f.flag("reduceOnly"),
                        f.optionalText("reason"), f.optionalInstant("createdAt"), detail, at);
            }
            case "FILL" -> {
                Quantity qty = f.quantity("qty", true);
                Price price = f.price("price", f.text("price"));
                Quantity leaves = f.quantity("leavesQty", false);
                yield new LedgerEntry.Fill(seq, id, corr, instrument, side, qty, price, f.decimal("fee", f.text("fee")),
                        f.enumValue("liquidity", Liquidity.class), leaves, detail, at);
            }
            case "CANCELLED" -> new LedgerEntry.Cancelled(seq, id, corr, instrument, side, f.quantity("leavesQty", false),
                    detail, at);
            case "REJECTED" -> new LedgerEntry.Rejected(seq, id, corr, instrument, side, f.quantity("qty", false), detail,
                    at);
            default -> throw new IllegalArgumentException("field event: unknown event '" + event
                    + "' (ACCEPTED, FILL, CANCELLED or REJECTED)");
        };
    }

    /** Typed access to the fields of one line, with errors that name the field. */
    private record Fields(Map<String, Object> map) {

        long seq() {
            Object v = map.get("seq");
            if (!(v instanceof Long n) || n < 1) {
                throw new IllegalArgumentException("field seq must be a whole number from 1, not " + show(v));
            }
            return n;
        }

        String text(String key) {
            Object v = map.get(key);
            if (!(v instanceof String s)) {
                throw new IllegalArgumentException("field " + key + (map.containsKey(key) ? " must be a string, not "
                        + show(v) : " is missing"));
            }
            return s;
        }

        /** A string that may be missing or null (then empty). */
        String optionalText(String key) {
            return map.get(key) == null ? "" : text(key);
        }

        /** A string that may be missing or null (then null). */
        String optionalNullable(String key) {
            return map.get(key) == null ? null : text(key);
        }

        boolean flag(String key) {
            Object v = map.get(key);
            if (!(v instanceof Boolean b)) {
                throw new IllegalArgumentException("field " + key + " must be true or false, not " + show(v));
            }
            return b;
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type) {
            String s = text(key);
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field " + key + ": '" + s + "' is not a " + type.getSimpleName(), e);
            }
        }

        InstrumentId instrument() {
            String s = text("instrument");
            try {
                return InstrumentId.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field instrument: " + e.getMessage(), e);
            }
        }

        Instant instant(String key) {
            String s = text(key);
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("field " + key + ": '" + s + "' is not an ISO-8601 UTC time such as"
                        + " 2024-08-08T23:55:00.050Z", e);
            }
        }

        Instant optionalInstant(String key) {
            return map.get(key) == null ? null : instant(key);
        }

        BigDecimal decimal(String key, String s) {
            if (!PLAIN_DECIMAL.matcher(s).matches()) {
                throw new IllegalArgumentException("field " + key + ": '" + s + "' is not a plain decimal such as 0.125");
            }
            return new BigDecimal(s);
        }

        Quantity quantity(String key, boolean positive) {
            BigDecimal d = decimal(key, text(key));
            if (positive ? d.signum() <= 0 : d.signum() < 0) {
                throw new IllegalArgumentException("field " + key + ": " + d.toPlainString() + " must be "
                        + (positive ? "positive" : "zero or more"));
            }
            try {
                return Quantity.of(d, d.scale());
            } catch (RuntimeException e) { // more than 18 decimals, or too large for a long
                throw new IllegalArgumentException("field " + key + ": " + d.toPlainString() + " is out of range ("
                        + e.getMessage() + ")", e);
            }
        }

        Price price(String key, String s) {
            BigDecimal d = decimal(key, s);
            if (d.signum() <= 0) {
                throw new IllegalArgumentException("field " + key + ": " + s + " must be positive");
            }
            try {
                return Price.of(d, d.scale());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("field " + key + ": " + s + " is out of range (" + e.getMessage()
                        + ")", e);
            }
        }

        private static String show(Object v) {
            return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
        }
    }
}
