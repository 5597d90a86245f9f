// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.tradeengine.api.book.BookSnapshot;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.engine.TradingEngine;
import org.tradeengine.api.feed.FeedState;
import org.tradeengine.api.feed.FeedStatus;
import org.tradeengine.api.feed.InstrumentFeedStatus;
import org.tradeengine.api.feed.MarketDataFeed;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Venue;

/**
 * The three live feed bundles in the built distribution, each connected to a loopback emulator of its venue that
 * replays real recorded sessions (started by the test driver, see {@link Emulators}): they sync, the engine's book
 * equals the venue's true book, and updating the Kraken feed bundle leaves both Binance feeds LIVE with no reconnect
 * and no resync.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class LiveFeedsIT {

    private static final Duration LONG = Duration.ofMinutes(2);
    private static final InstrumentId BTC = InstrumentId.ofVenueSymbol(Venue.BINANCE_FUTURES, "BTCUSDT");
    private static final Pattern LEVEL = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\"]");
    private static final Pattern LAST_SENT = Pattern.compile("\"BTCUSDT\":\\{\"lastSentUpdateId\":(\\d+)");

    @Inject
    private BundleContext context;
    @Inject
    private TradingEngine engine;
    @Inject
    private ConfigurationAdmin configAdmin;

    private final HttpClient http = HttpClient.newHttpClient();

    @Configuration
    public Option[] configuration() {
        return PaperDistribution.boot(Emulators.startAndConfigure().toArray(new Option[0]));
    }

    @Test
    public void a_theThreeLiveFeedsSyncAgainstTheirVenues() throws Exception {
        // the distribution's replay feeds carry BTCUSDT-PERP too: an instrument has one feed, so take them away and
        // let the live feed take the instrument over
        org.osgi.service.cm.Configuration[] replays =
                configAdmin.listConfigurations("(service.factoryPid=org.tradeengine.feed.replay)");
        for (org.osgi.service.cm.Configuration c : replays == null ? new org.osgi.service.cm.Configuration[0] : replays) {
            c.delete();
        }
        Poll.until("the replay feeds gone", LONG, () -> engine.feeds().stream().map(FeedStatus::feedId)
                .collect(Collectors.toSet()), ids -> !ids.contains(Replays.PERP_FEED) && !ids.contains(Replays.SPOT_FEED));
        post("http://127.0.0.1:" + System.getProperty(Emulators.US_PORT) + "/_emulator/resume");
        for (String id : List.of(Emulators.USDM_FEED, Emulators.US_FEED, Emulators.KRAKEN_FEED)) {
            FeedStatus s = Poll.until("feed " + id + " LIVE", LONG, () -> feed(id), LiveFeedsIT::allLive);
            assertEquals(0, s.malformed());
        }
        Set<String> venues = new TreeSet<>();
        for (ServiceReference<MarketDataFeed> ref : context.getServiceReferences(MarketDataFeed.class, null)) {
            venues.add(String.valueOf(ref.getProperty(MarketDataFeed.PROPERTY_VENUE)));
        }
        assertTrue("venues " + venues, venues.containsAll(List.of("BINANCE_FUTURES", "BINANCE_US", "KRAKEN_FUTURES")));
        assertEquals(Emulators.US_SYMBOLS.size(), feed(Emulators.US_FEED).instruments().size());
        assertEquals(Emulators.KRAKEN_SYMBOLS.size(), feed(Emulators.KRAKEN_FEED).instruments().size());
    }

    @Test
    public void b_theEngineBookEqualsTheVenuesTrueBook() throws Exception {
        String control = "http://127.0.0.1:" + System.getProperty(Emulators.USDM_PORT) + "/_emulator/";
        post(control + "pause");
        try {
            // the timeline may still send the event it was sending when paused: compare the two ids afresh each time
            Poll.until("the engine to apply the venue's last sent update", Duration.ofSeconds(30),
                    () -> lastSent(control) + " / " + Replays.status(engine, BTC).lastUpdateId(),
                    ids -> ids.split(" / ")[0].equals(ids.split(" / ")[1]));
            BookSnapshot book = engine.book(BTC, 20).orElseThrow();
            assertEquals(BookState.LIVE, book.state());
            String truth = get(control + "book?symbol=BTCUSDT");
            int asks = truth.indexOf("\"asks\"");
            assertEquals("bids", top(truth.substring(0, asks), 20), levels(book.bids()));
            assertEquals("asks", top(truth.substring(asks), 20), levels(book.asks()));
        } finally {
            post(control + "resume");
        }
    }

    @Test
    public void c_updatingTheKrakenBundleLeavesTheBinanceFeedsLiveWithoutResync() throws Exception {
        FeedStatus usdm = feed(Emulators.USDM_FEED);
        FeedStatus us = feed(Emulators.US_FEED);
        assertTrue(allLive(usdm) && allLive(us));
        FeedStatus krakenBefore = feed(Emulators.KRAKEN_FEED);
        Bundle kraken = Components.bundle(context, "org.tradeengine.feed.kraken");
        kraken.update();
        Poll.until("the updated Kraken feed LIVE in a new session", LONG, () -> feed(Emulators.KRAKEN_FEED),
                s -> allLive(s) && s.connectedSince() != null && !s.connectedSince().equals(krakenBefore.connectedSince()));
        assertEquals(Bundle.ACTIVE, kraken.getState());
        for (FeedStatus before : List.of(usdm, us)) {
            FeedStatus after = feed(before.feedId());
            assertTrue(before.feedId() + " LIVE: " + after, allLive(after));
            assertEquals(before.feedId() + " same session", before.connectedSince(), after.connectedSince());
            assertEquals(before.feedId() + " reconnects", before.reconnects(), after.reconnects());
            assertEquals(before.feedId() + " resyncs", resyncs(before), resyncs(after));
            assertEquals(before.feedId() + " gaps", 0, after.instruments().stream().mapToLong(InstrumentFeedStatus::gaps).sum());
        }
    }

    private String lastSent(String control) {
        try {
            Matcher m = LAST_SENT.matcher(get(control + "status"));
            assertTrue(m.find());
            return m.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private FeedStatus feed(String id) {
        return engine.feeds().stream().filter(f -> f.feedId().equals(id)).findFirst().orElse(null);
    }

    private static boolean allLive(FeedStatus s) {
        return s != null && s.state() == FeedState.LIVE
                && s.instruments().stream().allMatch(i -> i.bookState() == BookState.LIVE);
    }

    private static Map<InstrumentId, Long> resyncs(FeedStatus s) {
        Map<InstrumentId, Long> m = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        s.instruments().forEach(i -> m.put(i.instrument(), i.resyncs()));
        return m;
    }

    private static List<String> top(String json, int n) {
        List<String> out = new ArrayList<>();
        Matcher m = LEVEL.matcher(json);
        while (out.size() < n && m.find()) {
            out.add(new BigDecimal(m.group(1)).stripTrailingZeros().toPlainString() + " x "
                    + new BigDecimal(m.group(2)).stripTrailingZeros().toPlainString());
        }
        return out;
    }

    private static List<String> levels(List<BookSnapshot.Level> levels) {
        return levels.stream().map(l -> l.price().stripTrailingZeros().toPlainString() + " x "
                + l.qty().stripTrailingZeros().toPlainString()).collect(Collectors.toList());
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(url + ": " + r.body(), 200, r.statusCode());
        return r.body();
    }

    private void post(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertNotNull(r);
        assertEquals(url + ": " + r.body(), 200, r.statusCode());
    }
}
