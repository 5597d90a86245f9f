// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeengine.api.book.BookDelta;
import org.tradeengine.api.book.BookSnapshot;
import org.tradeengine.api.book.BookState;
import org.tradeengine.api.book.OrderBook;
import org.tradeengine.api.book.OrderBookFactory;
import org.tradeengine.api.broker.OrderEvent;
import org.tradeengine.api.broker.OrderEvent.Liquidity;
import org.tradeengine.api.broker.OrderEvent.Type;
import org.tradeengine.api.model.FixedPoint;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.OrderIntent;
import org.tradeengine.api.model.OrderType;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;
import org.tradeengine.api.model.Side;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.replay.internal.replay.InstrumentChannel;
import org.tradeengine.feed.replay.internal.replay.ReplayHandler;
import org.tradeengine.feed.replay.internal.replay.StreamReplay;
import org.tradeengine.recordings.Recordings;

/**
 * The paper broker against the real recorded Binance USD-M BTCUSDT book (2024-08-08), replayed through the venue's
 * synchronisation rules into a real {@code ArrayOrderBook}, the broker seeing every applied event as the engine
 * shows it. Expected fills are computed independently, in BigDecimal, from a copy of the very book the order met.
 */
class RealRecordedBookTest {

    private static final BigDecimal FIVE_BTC = new BigDecimal("5");
    private static final long LATENCY_NANOS = 50_000_000L;
    /** Let the book live a while before trading: the order meets an ordinary, not a just-snapshotted, book. */
    private static final int WARM_UP_EVENTS = 3_000;

    @TempDir
    static Path dir;
    private static Run run;

    /** One replay of the whole recording with a market buy of 5 BTC, a market sell to flatten and a resting bid. */
    private static final class Run implements ReplayHandler {
        final PaperBroker broker = new PaperBroker(TestConfig.settings(Map.of()));
        final OrderBookFactory factory = ServiceLoader.load(OrderBookFactory.class).findFirst().orElseThrow();
        final Map<InstrumentId, OrderBook> books = new HashMap<>();
        final List<OrderEvent> events = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        long liveEvents;
        long buyCreated = Long.MIN_VALUE;
        long previousBookTime;
        BookSnapshot lastShown;
        BookSnapshot matchedBook;
        long matchedAt;
        long bookTimeBeforeMatch;
        long sellCreated = Long.MIN_VALUE;
        Price bidLimit;

        Run() {
            broker.addListener(events::add);
        }

        @Override
        public void delta(InstrumentChannel channel, BookDelta delta) {
            OrderBook book = books.computeIfAbsent(delta.instrument(), id -> factory.create(channel.spec()));
            book.apply(delta);
            long t = delta.localTimeNanos();
            boolean live = book.state() == BookState.LIVE;
            // trade once the book has lived a while, at a moment when the best ask is thin (under 1 BTC)
            if (live && ++liveEvents >= WARM_UP_EVENTS && buyCreated == Long.MIN_VALUE && book.askDepth() > 0
                    && book.askQty(0) < FixedPoint.pow10(book.spec().qtyScale())) {
                submit(book, "buy5", Side.BUY, OrderType.MARKET, "5", null, t);
                buyCreated = t;
                bidLimit = new Price(book.bidPrice(0), book.spec().priceScale());
                submit(book, "bid", Side.BUY, OrderType.LIMIT, "0.5", bidLimit, t);
            }
            boolean buyOpen = buyCreated != Long.MIN_VALUE && matchedBook == null;
            if (buyOpen) {
                lastShown = book.snapshot(1000); // the book the broker is about to see, copied before it does
            }
            int before = events.size();
            broker.onBook(book, t);
            if (buyOpen && fillsOf("buy5", events.subList(before, events.size())) > 0) {
                matchedBook = lastShown;
                matchedAt = t;
                bookTimeBeforeMatch = previousBookTime;
                submit(book, "sell5", Side.SELL, OrderType.MARKET, "5", null, t);
                sellCreated = t;
            }
            previousBookTime = t;
        }

        private void submit(OrderBook book, String id, Side side, OrderType type, String qty, Price limit, long t) {
            broker.submit(new OrderIntent(id, "real-" + id, book.instrument(), side, type,
                    Quantity.parse(qty, book.spec().qtyScale()), limit, false, "real book test", SimClock.instant(t)));
        }

        @Override
        public void reset(InstrumentChannel channel, String reason) {
            problems.add("reset " + reason);
        }

        @Override
        public void problem(String position, String message) {
            problems.add(position + ": " + message);
        }

        List<OrderEvent> fills(String id) {
            return events.stream().filter(e -> e.clientOrderId().equals(id) && e.isFill()).toList();
        }

        private static long fillsOf(String id, List<OrderEvent> events) {
            return events.stream().filter(e -> e.clientOrderId().equals(id) && e.isFill()).count();
        }
    }

    @BeforeAll
    static void replay() throws IOException {
        Path file = Recordings.copyTo(Recordings.USDM_BTCUSDT_20240808, dir);
        run = new Run();
        new StreamReplay(Venue.BINANCE_FUTURES, run, InstrumentSpecs::lookup).run(List.of(file));
        assertTrue(run.problems.isEmpty(), run.problems.toString());
        assertNotNull(run.matchedBook, "the buy met a LIVE book");
    }

    @Test
    void aMarketBuyOfFiveBtcWalksSeveralRealLevelsExactly() {
        // independent expectation: walk the copied asks in BigDecimal
        List<BigDecimal[]> expected = new ArrayList<>();
        BigDecimal left = FIVE_BTC;
        for (BookSnapshot.Level level : run.matchedBook.asks()) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal qty = level.qty().min(left);
            left = left.subtract(qty);
            expected.add(new BigDecimal[] {level.price(), qty, level.price().multiply(qty).multiply(new BigDecimal("0.0005"))});
        }
        assertEquals(0, left.signum(), "the real book holds 5 BTC of asks");
        assertTrue(expected.size() >= 3, "5 BTC takes several real levels, took " + expected.size());

        List<OrderEvent> fills = run.fills("buy5");
        assertEquals(expected.size(), fills.size(), "one fill per level touched");
        BigDecimal leaves = FIVE_BTC;
        for (int i = 0; i < fills.size(); i++) {
            OrderEvent f = fills.get(i);
            leaves = leaves.subtract(expected.get(i)[1]);
            assertEquals(0, expected.get(i)[0].compareTo(f.fillPrice().toBigDecimal()), "price of fill " + i);
            assertEquals(0, expected.get(i)[1].compareTo(f.fillQty().toBigDecimal()), "qty of fill " + i);
            assertEquals(0, expected.get(i)[2].compareTo(f.fee()), "fee of fill " + i);
            assertEquals(0, leaves.compareTo(f.leavesQty().toBigDecimal()), "leaves after fill " + i);
            assertEquals(Liquidity.TAKER, f.liquidity());
            assertEquals(SimClock.instant(run.matchedAt), f.at());
        }
    }

    @Test
    void theBuyMetTheFirstBookAtOrAfterItsLatencyAndNoEarlierOne() {
        long due = run.buyCreated + LATENCY_NANOS;
        assertTrue(run.matchedAt >= due, "matched at " + Instant.ofEpochSecond(0, run.matchedAt) + ", due "
                + Instant.ofEpochSecond(0, due));
        assertTrue(run.bookTimeBeforeMatch < due, "an earlier book at or after the due time was skipped");
    }

    @Test
    void sellingTheFiveBtcBackLeavesTheInstrumentFlat() {
        BigDecimal sold = run.fills("sell5").stream().map(e -> e.fillQty().toBigDecimal()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertEquals(0, FIVE_BTC.compareTo(sold));
        BigDecimal bought = run.fills("bid").stream().map(e -> e.fillQty().toBigDecimal()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal position = run.broker.positions().getOrDefault(InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES"),
                BigDecimal.ZERO);
        assertEquals(0, bought.compareTo(position), "only the resting bid's fills remain");
    }

    @Test
    void aRestingBidOnTheRealBookFillsOnlyAsMakerAtItsLimit() {
        List<OrderEvent> fills = run.fills("bid");
        BigDecimal total = BigDecimal.ZERO;
        for (OrderEvent f : fills) {
            assertEquals(Liquidity.MAKER, f.liquidity());
            assertEquals(0, run.bidLimit.toBigDecimal().compareTo(f.fillPrice().toBigDecimal()));
            assertEquals(0, f.fillPrice().toBigDecimal().multiply(f.fillQty().toBigDecimal())
                    .multiply(new BigDecimal("0.0002")).compareTo(f.fee()));
            total = total.add(f.fillQty().toBigDecimal());
        }
        assertTrue(total.compareTo(new BigDecimal("0.5")) <= 0);
        boolean open = run.broker.openOrders().stream().anyMatch(o -> o.clientOrderId().equals("bid"));
        assertEquals(total.compareTo(new BigDecimal("0.5")) < 0, open, "open exactly while not completely filled");
        assertTrue(run.events.stream().noneMatch(e -> e.type() == Type.REJECTED), run.events.toString());
    }
}
