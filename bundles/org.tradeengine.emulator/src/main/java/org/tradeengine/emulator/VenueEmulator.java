// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import org.tradeengine.emulator.internal.Engine;
import org.tradeengine.emulator.internal.VenueProtocol;
import org.tradeengine.emulator.internal.binance.BinanceProtocol;
import org.tradeengine.emulator.internal.binance.BinanceRecordings;
import org.tradeengine.emulator.internal.http.EmulatorHttpServer;
import org.tradeengine.emulator.internal.kraken.KrakenProtocol;
import org.tradeengine.emulator.internal.kraken.KrakenRecordings;
import org.tradeengine.emulator.internal.recording.Recording;
import org.tradeengine.emulator.internal.recording.RecordingCache;
import org.tradeengine.recordings.Recordings;

/**
 * A loopback emulator of one crypto venue: speaks the venue's real WebSocket and REST protocol on 127.0.0.1, replays
 * a real recorded session on one global timeline, keeps the true book per symbol and injects faults on request.
 *
 * <pre>{@code
 * try (VenueEmulator emu = VenueEmulator.binanceFutures(EmulatorOptions.defaults().withSpeed(50))) {
 *     emu.start();
 *     URI ws = emu.wsBase();      // ws://127.0.0.1:port  + /stream?streams=btcusdt@depth@100ms
 *     URI rest = emu.restBase();  // http://127.0.0.1:port + /fapi/v1/depth?symbol=BTCUSDT&limit=1000
 *     emu.inject(Fault.GAP, "BTCUSDT", 1);
 * }
 * }</pre>
 *
 * Thread-safe. The HTTP control endpoint under {@code /_emulator/} offers the same operations to other processes.
 */
public final class VenueEmulator implements AutoCloseable {

    private final Engine engine;
    private EmulatorHttpServer http;
    private int port = -1;

    private VenueEmulator(EmulatedVenue venue, EmulatorOptions options) {
        Recording rec = recording(venue);
        VenueProtocol protocol = venue.isBinance()
                ? new BinanceProtocol(venue != EmulatedVenue.BINANCE_US, rec.symbols())
                : new KrakenProtocol(rec.symbols());
        this.engine = new Engine(venue, options, rec, protocol);
    }

    /** @param options settings @return an emulator of Binance USD-M Futures replaying BTCUSDT 2024-08-08 */
    public static VenueEmulator binanceFutures(EmulatorOptions options) {
        return create(EmulatedVenue.BINANCE_FUTURES, options);
    }

    /** @param options settings @return an emulator of Binance USD-M Futures replaying the 2021 four-symbol session */
    public static VenueEmulator binanceFuturesCryptofeed(EmulatorOptions options) {
        return create(EmulatedVenue.BINANCE_FUTURES_CRYPTOFEED, options);
    }

    /** @param options settings @return an emulator of Binance.US spot replaying the 2021 four-symbol session */
    public static VenueEmulator binanceUs(EmulatorOptions options) {
        return create(EmulatedVenue.BINANCE_US, options);
    }

    /** @param options settings @return an emulator of Kraken Futures WebSocket v1 replaying the 2021 session */
    public static VenueEmulator krakenFutures(EmulatorOptions options) {
        return create(EmulatedVenue.KRAKEN_FUTURES, options);
    }

    /**
     * Parses the recording (cached per JVM) and prepares the emulator; nothing listens before {@link #start()}.
     *
     * @param venue the venue
     * @param options settings
     * @return the emulator
     */
    public static VenueEmulator create(EmulatedVenue venue, EmulatorOptions options) {
        return new VenueEmulator(Objects.requireNonNull(venue, "venue"), Objects.requireNonNull(options, "options"));
    }

    private static Recording recording(EmulatedVenue venue) {
        return RecordingCache.get(venue.name(), () -> switch (venue) {
            case BINANCE_FUTURES -> BinanceRecordings.hftbacktest(Recordings.USDM_BTCUSDT_20240808,
                    Recordings.CRYPTOFEED_BINANCE_FUTURES_INFO);
            case BINANCE_FUTURES_CRYPTOFEED -> BinanceRecordings.cryptofeed(Recordings.CRYPTOFEED_BINANCE_FUTURES_WS,
                    Recordings.CRYPTOFEED_BINANCE_FUTURES_HTTP, Recordings.CRYPTOFEED_BINANCE_FUTURES_INFO);
            case BINANCE_US -> BinanceRecordings.cryptofeed(Recordings.CRYPTOFEED_BINANCE_US_WS,
                    Recordings.CRYPTOFEED_BINANCE_US_HTTP, Recordings.CRYPTOFEED_BINANCE_US_INFO);
            case KRAKEN_FUTURES -> KrakenRecordings.cryptofeed(Recordings.CRYPTOFEED_KRAKEN_FUTURES_WS,
                    Recordings.CRYPTOFEED_KRAKEN_FUTURES_INFO);
        });
    }

    /**
     * Binds 127.0.0.1 (port from the options, 0 = ephemeral) and starts the timeline (paused if
     * {@link EmulatorOptions#startPaused()}).
     *
     * @return this
     * @throws IllegalStateException if already started or the port cannot be bound
     */
    public synchronized VenueEmulator start() {
        if (http != null) {
            throw new IllegalStateException("emulator already started on port " + port);
        }
        http = new EmulatorHttpServer(engine, engine.options().port());
        try {
            http.start();
        } catch (Exception e) {
            http.stop();
            throw new IllegalStateException("cannot start " + engine.venue().cliName() + " emulator on 127.0.0.1:"
                    + engine.options().port() + ": " + e, e);
        }
        port = http.port();
        engine.startTimeline();
        return this;
    }

    /** @return the bound port @throws IllegalStateException before {@link #start()} */
    public synchronized int port() {
        if (port < 0) {
            throw new IllegalStateException("emulator not started");
        }
        return port;
    }

    /** @return {@code ws://127.0.0.1:<port>}; append the venue path ({@code /stream?streams=…}, {@code /ws/v1}) */
    public URI wsBase() {
        return URI.create("ws://127.0.0.1:" + port());
    }

    /** @return {@code http://127.0.0.1:<port>}; venue REST and {@code /_emulator/} live here */
    public URI restBase() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** @return the venue */
    public EmulatedVenue venue() {
        return engine.venue();
    }

    /** @return the settings */
    public EmulatorOptions options() {
        return engine.options();
    }

    /** @return venue symbols of the recording, upper case, in subscription order */
    public List<String> symbols() {
        return engine.recording().symbols();
    }

    /**
     * Injects a fault (see {@link Fault} for what each does and what {@code param} counts).
     *
     * @param kind the fault
     * @param symbol target symbol, any case; mandatory for event faults, ignored by connection-wide ones
     * @param param count (0 counts as 1)
     * @throws IllegalArgumentException for an unknown symbol, a missing mandatory symbol or a negative param
     */
    public void inject(Fault kind, String symbol, long param) {
        engine.inject(kind, symbol, param);
    }

    /** Stops the timeline; sessions stay open and get nothing until {@link #resume()}. */
    public void pause() {
        engine.pause();
    }

    /** Restarts the timeline, paced from now. */
    public void resume() {
        engine.resume();
    }

    /**
     * @param symbol venue symbol, any case
     * @return id ({@code u} / {@code seq}) of the last depth event the timeline emitted for it in this pass (also
     *         counting events withheld by {@link Fault#GAP}), -1 before the first
     */
    public long lastSentUpdateId(String symbol) {
        return engine.lastSentUpdateId(symbol);
    }

    /**
     * @param symbol venue symbol, any case
     * @param updateId the id a client's book is at
     * @return {@link BookDigest} of the truth right after that id was applied (or of the recorded snapshot at its
     *         id); empty if the id was never applied in this pass or is older than the history
     */
    public OptionalLong truthDigest(String symbol, long updateId) {
        return engine.truthDigest(symbol, updateId);
    }

    /** @param symbol venue symbol, any case @return a copy of the current true book */
    public TrueBook trueBook(String symbol) {
        return engine.trueBook(symbol);
    }

    /** @return counters */
    public EmulatorStats stats() {
        return engine.stats();
    }

    /** Closes every session (1001), stops the timeline and Jetty. Idempotent. */
    @Override
    public synchronized void close() {
        engine.close();
        if (http != null) {
            http.stop();
        }
    }
}
