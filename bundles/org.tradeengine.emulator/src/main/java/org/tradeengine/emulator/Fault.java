// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

/**
 * Faults a venue emulator can inject. The {@code param} of {@link VenueEmulator#inject} means a count unless said
 * otherwise; a param of 0 counts as 1. Event faults act on the next depth events (Binance {@code depthUpdate}, Kraken
 * {@code book} delta) of one symbol that at least one open session is subscribed to; the emulator's true book is
 * never changed by a fault.
 */
public enum Fault {
    /** Abrupt disconnect of every open session, no close frame. Symbol and param ignored. */
    DROP_CONNECTION(false),
    /** The next {@code param} events of the symbol are not sent (truth still advances). */
    GAP(true),
    /** The next {@code param} events of the symbol are each sent twice. */
    DUPLICATE(true),
    /** The next two events of the symbol are sent swapped ({@code param} pairs). */
    OUT_OF_ORDER(true),
    /** An extra truncated (invalid JSON) copy of each of the next {@code param} events is sent before it. */
    MALFORMED_JSON(true),
    /** An extra well-formed frame of an unknown event/feed type is sent before each of the next {@code param} events. */
    UNKNOWN_MESSAGE(true),
    /** The next {@code param} events are sent with another symbol inside their payload. */
    WRONG_SYMBOL(true),
    /** The next {@code param} events are sent with one level's quantity {@code "-1.000"} (Kraken {@code -1.0}). */
    NEGATIVE_QTY(true),
    /** The next {@code param} events are sent with one level's quantity {@code "abc"}. */
    NON_NUMERIC_QTY(true),
    /**
     * The next {@code param} events are sent with an extra level crossing the true book (a bid at the best ask's
     * price, so it is valid at any tick size). Kraken deltas carry one level, so there the delta's own level is moved across the book.
     */
    CROSSED(true),
    /**
     * Every currently open session receives nothing more (no data, no server pings, no heartbeats; client pings are
     * still answered) until the client closes it. New sessions get data. Symbol and param ignored.
     */
    SILENT(false),
    /**
     * The next {@code param} snapshot responses (Binance REST depth, Kraken {@code book_snapshot} after subscribe) are
     * delayed by {@link EmulatorOptions#slowSnapshotDelay()}. With a null symbol any symbol's snapshot counts.
     */
    SLOW_SNAPSHOT(false),
    /** The next {@code param} REST depth requests get HTTP 429 with {@code Retry-After} and Binance's error JSON. */
    HTTP_429(false),
    /** The next {@code param} REST depth requests get HTTP 418 (IP ban) with {@code Retry-After} and error JSON. */
    HTTP_418(false),
    /** Binance: the {@code serverShutdown} event, then close (1001). Kraken: close 1001. Symbol and param ignored. */
    SERVER_SHUTDOWN(false);

    private final boolean needsSymbol;

    Fault(boolean needsSymbol) {
        this.needsSymbol = needsSymbol;
    }

    /** @return whether the fault targets the events of one symbol (a symbol is then mandatory) */
    public boolean needsSymbol() {
        return needsSymbol;
    }
}
