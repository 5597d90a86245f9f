// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.audit.StoredFill;

class JournalFillsCommandTest {

    private static final String BTC = "BTCUSDT-PERP.BINANCE_FUTURES";

    private final FakeAudit audit = new FakeAudit();

    private JournalFillsCommand command(String day, int limit) {
        JournalFillsCommand cmd = new JournalFillsCommand();
        cmd.audit = audit;
        cmd.clock = Clock.fixed(Instant.parse("2024-03-05T00:10:00Z"), ZoneId.of("America/New_York"));
        cmd.day = day;
        cmd.limit = limit;
        return cmd;
    }

    private static StoredFill fill(String at, String coid, String side, String qty, String price, String fee, String pnl) {
        return new StoredFill(Instant.parse(at), "fill-" + coid, "corr-" + coid, coid, BTC, side, new BigDecimal(qty),
                new BigDecimal(price), new BigDecimal(fee), "MAKER", "entry:imbalance-long", pnl == null ? null : new BigDecimal(pnl));
    }

    @Test
    void byDefaultTodayUtcAndTheLatestHundred() throws Exception {
        JournalFillsCommand cmd = new JournalFillsCommand();
        cmd.audit = audit;
        cmd.clock = Clock.fixed(Instant.parse("2024-03-05T00:10:00Z"), ZoneId.of("America/New_York"));
        Console c = Console.run(cmd);
        assertEquals(List.of("fills 2024-03-05 100"), audit.calls);
        assertEquals("no fills journaled on 2024-03-05 (UTC)" + System.lineSeparator(), c.out());
    }

    @Test
    void theDaysFillsInJournalOrderWithExactDecimals() throws Exception {
        audit.fills = List.of(fill("2024-02-29T09:00:00.125Z", "o-1", "BUY", "0.010", "61234.50", "0.24493800", null),
                fill("2024-02-29T09:05:30Z", "o-2", "SELL", "0.010", "61300.1", "-0.00012", "0.656"));
        Console c = Console.run(command("2024-02-29", 500));
        assertEquals(List.of("fills 2024-02-29 500"), audit.calls);
        assertEquals("", c.err());
        List<String> lines = c.outLines();
        assertEquals("2 fills journaled on 2024-02-29 (UTC)", lines.get(0));
        assertEquals(List.of("2024-02-29 09:00:00.125Z", BTC, "BUY", "0.010", "61234.50", "0.24493800", "MAKER", "-",
                "entry:imbalance-long", "o-1", "corr-o-1"), Console.cells(lines.get(3)));
        assertEquals(List.of("2024-02-29 09:05:30.000Z", BTC, "SELL", "0.010", "61300.1", "-0.00012", "MAKER", "0.656",
                "entry:imbalance-long", "o-2", "corr-o-2"), Console.cells(lines.get(4)));
        assertEquals(5, lines.size());
    }

    @Test
    void aFullPageSaysThereMayBeMore() throws Exception {
        audit.fills = List.of(fill("2024-03-05T09:00:00Z", "o-1", "BUY", "1", "2", "0", "0"));
        Console c = Console.run(command("2024-03-05", 1));
        assertEquals("1 fill journaled on 2024-03-05 (UTC): the day's latest 1, more with --limit", c.outLines().get(0));
    }

    @Test
    void aBadDayNamesTheArgumentAndSendsNoQuery() throws Exception {
        Console c = Console.run(command("2024-02-30", 100));
        assertEquals("day '2024-02-30' is not a date (YYYY-MM-DD, UTC)" + System.lineSeparator(), c.err());
        Console slash = Console.run(command("05/03/2024", 100));
        assertEquals("day '05/03/2024' is not a date (YYYY-MM-DD, UTC)" + System.lineSeparator(), slash.err());
        assertEquals(List.of(), audit.calls);
    }

    @Test
    void aLimitOutside1To10000IsRefusedWithoutAQuery() throws Exception {
        for (int limit : new int[] {0, -5, 10_001}) {
            Console c = Console.run(command(null, limit));
            assertEquals("--limit must be between 1 and 10000, got " + limit + System.lineSeparator(), c.err());
            assertEquals("", c.out());
        }
        assertEquals(List.of(), audit.calls);
        Console max = Console.run(command(null, 10_000));
        assertEquals("", max.err());
        assertEquals(List.of("fills 2024-03-05 10000"), audit.calls);
        assertTrue(max.out().startsWith("no fills journaled"), max.out());
    }
}
