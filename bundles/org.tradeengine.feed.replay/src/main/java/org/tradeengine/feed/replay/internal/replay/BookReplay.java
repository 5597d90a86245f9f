// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookIntegrity;
import org.tradeengine.api.book.BookSnapshot;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;

/**
 * Replays files as fast as possible into one order book per instrument and renders the final books; the
 * whole of the {@code replay} CLI and the {@code te:replay} command except argument handling. Touches no
 * logging or OSGi classes, so the CLI runs with only the api, orderbook and feed.replay jars.
 */
public final class BookReplay implements ReplayHandler {

    /** Venues whose recordings can be replayed. */
    public static final List<Venue> VENUES = List.of(Venue.BINANCE_FUTURES, Venue.BINANCE_SPOT, Venue.KRAKEN_FUTURES);

    private final Venue venue;
    private final OrderBookFactory factory;
    private final Consumer<String> errors;
    private final Map<InstrumentId, OrderBook> books = new LinkedHashMap<>();
    private final StreamReplay replay;
    private boolean problems;

    /**
     * Replays at the scales of {@link InstrumentSpecs#lookup}.
     *
     * @param venue one of {@link #VENUES}
     * @param factory makes the books
     * @param errors receives {@code file:line: message} for every rejected line and broken rule
     */
    public BookReplay(Venue venue, OrderBookFactory factory, Consumer<String> errors) {
        this(venue, factory, errors, InstrumentSpecs::lookup);
    }

    /**
     * @param venue one of {@link #VENUES}
     * @param factory makes the books
     * @param errors receives {@code file:line: message} for every rejected line and broken rule
     * @param specs the scales of each instrument
     */
    public BookReplay(Venue venue, OrderBookFactory factory, Consumer<String> errors,
            Function<InstrumentId, InstrumentSpec> specs) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.replay = new StreamReplay(venue, this, specs);
    }

    /**
     * Parses a venue name for replay.
     *
     * @param text {@code binance-futures}, {@code binance-spot} or {@code kraken-futures} (or the enum names)
     * @return the venue
     * @throws IllegalArgumentException naming the valid venues
     */
    public static Venue parseVenue(String text) {
        for (Venue v : VENUES) {
            if (v.cliName().equalsIgnoreCase(text) || v.name().equalsIgnoreCase(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown venue '" + text + "' (valid: " + validVenues() + ")");
    }

    /** @return the valid venue names, comma separated */
    public static String validVenues() {
        StringBuilder sb = new StringBuilder();
        for (Venue v : VENUES) {
            sb.append(sb.length() == 0 ? "" : ", ").append(v.cliName());
        }
        return sb.toString();
    }

    /**
     * Replays the files in order as one stream, then reports instruments that never synchronised.
     *
     * @param files the recordings
     */
    public void run(List<Path> files) {
        try {
            replay.run(files);
        } catch (IOException e) {
            error(replay.position(), "cannot read: " + e.getMessage());
        }
        if (replay.channels().isEmpty()) {
            error(replay.position(), "no " + venue.cliName() + " depth events in the files");
        }
        for (InstrumentChannel c : replay.channels()) {
            if (c.state() == BookState.SYNCING) {
                error(replay.position(), "end of data: " + c.spec().id() + " never synchronised (no snapshot it could use)");
            }
        }
    }

    @Override
    public void delta(InstrumentChannel channel, BookDelta delta) {
        OrderBook book = books.computeIfAbsent(delta.instrument(), id -> factory.create(channel.spec()));
        BookIntegrity result = book.apply(delta);
        if (result.isBroken() || result == BookIntegrity.NOT_SYNCED) {
            error(replay.position(), "book " + result + " after " + delta);
        }
    }

    /** The book keeps its last consistent state: what was known when the rules broke is what the output shows. */
    @Override
    public void reset(InstrumentChannel channel, String reason) {
        // nothing to undo: no delta of the broken stretch was applied
    }

    @Override
    public void problem(String position, String message) {
        error(position, message);
    }

    private void error(String position, String message) {
        problems = true;
        errors.accept(position.isEmpty() ? message : position + ": " + message);
    }

    /** @return 0 if every instrument's book ends LIVE and nothing was wrong, 1 otherwise */
    public int exitCode() {
        if (problems || books.isEmpty()) {
            return 1;
        }
        for (InstrumentChannel c : replay.channels()) {
            OrderBook b = books.get(c.spec().id());
            if (c.state() != BookState.LIVE || b == null || b.state() != BookState.LIVE) {
                return 1;
            }
        }
        return 0;
    }

    /**
     * Renders each book as one JSON line, in order of first appearance.
     *
     * @param top levels per side
     * @return the lines
     */
    public List<String> jsonLines(int top) {
        return jsonLines(top, null);
    }

    /**
     * Renders the books as JSON lines, in order of first appearance, optionally only one instrument's.
     *
     * @param top levels per side
     * @param instrument a venue symbol ({@code PI_ETHUSD}, any case) or an instrument id
     *     ({@code PI_ETHUSD.KRAKEN_FUTURES}) to print only that book, or null for every book
     * @return the lines
     */
    public List<String> jsonLines(int top, String instrument) {
        List<String> lines = new ArrayList<>();
        for (InstrumentChannel c : replay.channels()) {
            OrderBook book = books.get(c.spec().id());
            if (book != null && (instrument == null || matches(c.spec().id(), instrument))) {
                lines.add(json(book, c, top));
            }
        }
        return lines;
    }

    /**
     * @param instrument a venue symbol or an instrument id
     * @return whether the replayed files hold that instrument
     */
    public boolean holds(String instrument) {
        for (InstrumentChannel c : replay.channels()) {
            if (matches(c.spec().id(), instrument)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(InstrumentId id, String instrument) {
        String wanted = instrument.trim();
        return id.venueSymbol().equalsIgnoreCase(wanted) || id.symbol().equalsIgnoreCase(wanted)
                || id.toString().equalsIgnoreCase(wanted);
    }

    private static String json(OrderBook book, InstrumentChannel c, int top) {
        BookSnapshot levels = book.snapshot(top);
        StringBuilder sb = new StringBuilder(128 + 40 * top);
        sb.append("{\"instrument\":\"").append(book.instrument()).append("\",\"lastUpdateId\":").append(book.lastUpdateId())
                .append(",\"events\":").append(c.events()).append(",\"gaps\":").append(c.gaps()).append(',');
        BookSnapshot.appendLevels(sb, levels.bids(), levels.asks());
        return sb.append('}').toString();
    }

    /** @return the replayed stream (channels and counters) */
    public StreamReplay stream() {
        return replay;
    }
}
