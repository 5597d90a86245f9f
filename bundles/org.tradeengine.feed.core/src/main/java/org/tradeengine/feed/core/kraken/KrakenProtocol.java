// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.kraken;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.feed.core.live.FrameSink;
import org.tradeengine.feed.core.live.LiveFeedSettings;
import org.tradeengine.feed.core.live.VenueProtocol;
import org.tradeengine.feed.core.scan.KrakenEvent;
import org.tradeengine.feed.core.scan.KrakenScanner;
import org.tradeengine.feed.core.scan.ScannedMessage;
import org.tradeengine.feed.core.sync.SyncRules;

/**
 * Kraken Futures WebSocket v1 book protocol (SYNC_RULES §4): one connection to {@code <ws.url>}, one {@code book}
 * subscription per product plus the {@code heartbeat} feed, snapshots in the stream ({@code book_snapshot} after each
 * subscribe), one level per {@code book} delta with {@code seq == previous seq + 1}. A broken book is re-synchronised
 * by unsubscribing and subscribing that one product, which brings a fresh snapshot; the other products are not touched.
 *
 * <p>Each product is subscribed in its own message so that a refusal concerns one product: Kraken's
 * {@code {"event":"error","message":"Invalid product id"}} names none, and is given to the oldest subscription not yet
 * acknowledged (the venue answers requests in order). Frames are read by {@link KrakenScanner} straight from bytes.
 */
public final class KrakenProtocol implements VenueProtocol {

    /** Production WebSocket endpoint. */
    public static final String WS_URL = "wss://futures.kraken.com/ws/v1";
    /** Production REST base (not used for market data: snapshots come in the stream). */
    public static final String REST_URL = "https://futures.kraken.com";
    /** The subscription that keeps a quiet connection talking (one frame a minute at most). */
    public static final String SUBSCRIBE_HEARTBEAT = "{\"event\":\"subscribe\",\"feed\":\"heartbeat\"}";

    private static final String INVALID_PRODUCT = "invalid product";

    private final LiveFeedSettings settings;
    private final KrakenScanner scanner;
    /** Book subscriptions sent and not yet acknowledged, oldest first. */
    private final ArrayDeque<InstrumentSpec> unacknowledged = new ArrayDeque<>();

    /**
     * @param settings the feed settings (venue KRAKEN_FUTURES)
     * @param specs the scales of each instrument, the same the feed uses
     */
    public KrakenProtocol(LiveFeedSettings settings, Function<InstrumentId, InstrumentSpec> specs) {
        this.settings = settings;
        this.scanner = new KrakenScanner(specs);
    }

    /**
     * @param feed {@code book} or {@code heartbeat}
     * @param event {@code subscribe} or {@code unsubscribe}
     * @param product the product, as the venue spells it
     * @return the request text
     */
    public static String request(String event, String feed, String product) {
        return "{\"event\":\"" + event + "\",\"feed\":\"" + feed + "\",\"product_ids\":[\"" + product + "\"]}";
    }

    @Override
    public SyncRules rules() {
        return SyncRules.KRAKEN;
    }

    @Override
    public URI streamUri(List<InstrumentSpec> instruments) {
        return settings.wsUrl();
    }

    @Override
    public List<String> onOpen(List<InstrumentSpec> instruments) {
        unacknowledged.clear();
        List<String> messages = new ArrayList<>(instruments.size() + 1);
        for (InstrumentSpec i : instruments) {
            messages.add(request("subscribe", "book", i.id().venueSymbol()));
            unacknowledged.addLast(i);
        }
        messages.add(SUBSCRIBE_HEARTBEAT);
        return messages;
    }

    @Override
    public void onFrame(byte[] frame, int length, long localTimeNanos, FrameSink sink) {
        ScannedMessage m = scanner.scanMessage(frame, 0, length, localTimeNanos);
        switch (m.kind()) {
            case DEPTH -> sink.update(m.spec(), m.toUpdate(SyncRules.KRAKEN.previousId(m.firstId(), m.prevId())));
            case SNAPSHOT -> {
                acknowledged(m.spec().id());
                sink.snapshot(m.spec(), m.toSnapshot());
            }
            case SKIPPED -> sink.skipped(m.spec());
            case CONTROL -> control(m, sink);
            case BLANK -> sink.malformed(null, "empty frame");
            case ERROR -> sink.malformed(m.spec(), m.problem() + ": " + m.message());
            default -> sink.malformed(m.spec(), "unexpected message kind " + m.kind());
        }
    }

    private void control(ScannedMessage m, FrameSink sink) {
        KrakenEvent event = scanner.event();
        if (!event.isFailure()) {
            if (event == KrakenEvent.SUBSCRIBED && m.spec() != null) {
                acknowledged(m.spec().id());
            }
            sink.skipped(m.spec());
            return;
        }
        InstrumentSpec instrument = m.spec();
        if (instrument != null) {
            acknowledged(instrument.id());
        } else if (m.message().toLowerCase(Locale.ROOT).contains(INVALID_PRODUCT)) {
            instrument = oldestUnacknowledged();
        }
        sink.venueError(instrument, instrument == null ? m.message() : m.message() + " (book subscription of "
                + instrument.id().venueSymbol() + ")");
    }

    /** The venue refused a product without naming it: the oldest subscription it has not answered yet. */
    private InstrumentSpec oldestUnacknowledged() {
        return unacknowledged.pollFirst();
    }

    private void acknowledged(InstrumentId id) {
        for (Iterator<InstrumentSpec> it = unacknowledged.iterator(); it.hasNext();) {
            if (it.next().id().equals(id)) {
                it.remove();
                return;
            }
        }
    }

    @Override
    public URI snapshotUri(InstrumentSpec instrument) {
        return null;
    }

    @Override
    public void onSnapshotBody(byte[] body, int length, long localTimeNanos, InstrumentSpec instrument, FrameSink sink) {
        sink.malformed(instrument, "Kraken Futures sends book snapshots in the stream; a REST body is not expected");
    }

    @Override
    public List<String> resubscribe(InstrumentSpec instrument) {
        String product = instrument.id().venueSymbol();
        acknowledged(instrument.id());
        unacknowledged.addLast(instrument);
        return List.of(request("unsubscribe", "book", product), request("subscribe", "book", product));
    }
}
