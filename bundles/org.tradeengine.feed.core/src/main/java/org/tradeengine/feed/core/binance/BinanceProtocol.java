// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.binance;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.core.live.FrameSink;
import org.tradeengine.feed.core.live.LiveFeedSettings;
import org.tradeengine.feed.core.live.VenueProtocol;
import org.tradeengine.feed.core.scan.BinanceScanner;
import org.tradeengine.feed.core.scan.ScannedMessage;
import org.tradeengine.feed.core.sync.SyncRules;

/**
 * Binance's diff-depth protocol (USD-M futures and Binance.US spot differ only in paths and sync rules): one combined
 * stream {@code <ws.url>/stream?streams=<sym>@<depth.stream>/...}, REST snapshots {@code <rest.url><path>?symbol=&limit=},
 * serverShutdown ends the session. Frames are read by {@link BinanceScanner} straight from bytes.
 */
public final class BinanceProtocol implements VenueProtocol {

    /** REST path of USD-M futures depth snapshots. */
    public static final String FUTURES_DEPTH_PATH = "/fapi/v1/depth";
    /** REST path of spot (Binance.US) depth snapshots. */
    public static final String SPOT_DEPTH_PATH = "/api/v3/depth";

    private final LiveFeedSettings settings;
    private final BinanceScanner scanner;
    private final String depthPath;
    private final SyncRules rules;

    /**
     * @param settings the feed settings (venue BINANCE_FUTURES or BINANCE_US)
     * @param specs the scales of each instrument, the same the feed uses
     */
    public BinanceProtocol(LiveFeedSettings settings, Function<InstrumentId, InstrumentSpec> specs) {
        this.settings = settings;
        this.scanner = new BinanceScanner(settings.venue(), specs);
        boolean futures = settings.venue() == Venue.BINANCE_FUTURES;
        this.depthPath = futures ? FUTURES_DEPTH_PATH : SPOT_DEPTH_PATH;
        this.rules = futures ? SyncRules.FUTURES : SyncRules.SPOT;
    }

    @Override
    public SyncRules rules() {
        return rules;
    }

    @Override
    public URI streamUri(List<InstrumentSpec> instruments) {
        String streams = instruments.stream()
                .map(i -> i.id().venueSymbol().toLowerCase(Locale.ROOT) + "@" + settings.depthStream())
                .collect(Collectors.joining("/"));
        return URI.create(settings.wsUrl() + "/stream?streams=" + streams);
    }

    @Override
    public List<String> onOpen(List<InstrumentSpec> instruments) {
        return List.of();
    }

    @Override
    public void onFrame(byte[] frame, int length, long localTimeNanos, FrameSink sink) {
        ScannedMessage m = scanner.scanMessage(frame, 0, length, localTimeNanos, null);
        switch (m.kind()) {
            case DEPTH -> sink.update(m.spec(), m.toUpdate(rules.previousId(m.firstId(), m.prevId())));
            case SKIPPED -> sink.skipped(m.spec());
            case CONTROL -> {
                if ("serverShutdown".equals(m.message())) {
                    sink.sessionEnding("serverShutdown");
                } else if (m.message().startsWith("error")) {
                    sink.venueError(null, m.message());
                } else {
                    sink.skipped(null);
                }
            }
            case SNAPSHOT -> sink.malformed(null, "a REST snapshot body arrived on the stream");
            case BLANK -> sink.malformed(null, "empty frame");
            case ERROR -> sink.malformed(m.spec(), m.problem() + ": " + m.message());
            default -> sink.malformed(m.spec(), "unexpected message kind " + m.kind());
        }
    }

    @Override
    public URI snapshotUri(InstrumentSpec instrument) {
        return URI.create(settings.restUrl() + depthPath + "?symbol=" + instrument.id().venueSymbol() + "&limit="
                + settings.snapshotLimit());
    }

    @Override
    public void onSnapshotBody(byte[] body, int length, long localTimeNanos, InstrumentSpec instrument, FrameSink sink) {
        ScannedMessage m = scanner.scanMessage(body, 0, length, localTimeNanos, instrument);
        if (m.kind() == ScannedMessage.Kind.SNAPSHOT) {
            sink.snapshot(instrument, m.toSnapshot());
        } else if (m.kind() == ScannedMessage.Kind.ERROR) {
            sink.malformed(instrument, "snapshot body: " + m.problem() + ": " + m.message());
        } else {
            sink.malformed(instrument, "snapshot body is not a depth snapshot (" + m.kind() + ")");
        }
    }

    @Override
    public List<String> resubscribe(InstrumentSpec instrument) {
        return List.of();
    }
}
