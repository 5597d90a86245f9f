// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.audit.DailyPnl;

class JournalPnlCommandTest {

    private static final String BTC = "BTCUSDT-PERP.BINANCE_FUTURES";
    private static final String ETH = "ETHUSDT-PERP.BINANCE_FUTURES";

    private final FakeAudit audit = new FakeAudit();

    /** 23:30 UTC on 2024-03-05 is already 2024-03-06 in Tokyo: the command must use the UTC day. */
    private JournalPnlCommand command(String from, String to) {
        JournalPnlCommand cmd = new JournalPnlCommand();
        cmd.audit = audit;
        cmd.clock = Clock.fixed(Instant.parse("2024-03-05T23:30:00Z"), ZoneId.of("Asia/Tokyo"));
        cmd.from = from;
        cmd.to = to;
        return cmd;
    }

    private static DailyPnl row(String day, String instrument, long fills, String bought, String sold, String notional,
            String fees, String realized, String net) {
        return new DailyPnl(LocalDate.parse(day), instrument, fills, new BigDecimal(bought), new BigDecimal(sold),
                new BigDecimal(notional), new BigDecimal(fees), new BigDecimal(realized), new BigDecimal(net));
    }

    @Test
    void byDefaultTheLastSevenUtcDaysIncludingToday() throws Exception {
        Console c = Console.run(command(null, null));
        assertEquals(List.of("dailyPnl 2024-02-28 2024-03-05"), audit.calls);
        assertEquals("no fills journaled from 2024-02-28 to 2024-03-05 (UTC)" + System.lineSeparator(), c.out());
        assertEquals("", c.err());
    }

    @Test
    void aMissingEndOfTheRangeIsTodayOrSixDaysBeforeTheOther() throws Exception {
        Console.run(command("2024-03-01", null));
        Console.run(command(null, "2024-01-03"));
        Console.run(command("2024-03-05", "2024-03-05"));
        assertEquals(List.of("dailyPnl 2024-03-01 2024-03-05", "dailyPnl 2023-12-28 2024-01-03", "dailyPnl 2024-03-05 2024-03-05"),
                audit.calls);
    }

    @Test
    void rowsPerDayAndInstrumentThenADayTotalWithExactDecimalsAndNoMixedQuantities() throws Exception {
        audit.pnl = List.of(
                row("2024-03-01", BTC, 3, "0.010", "0.004", "1234.56789012345678901", "0.24691357802469135780", "-1.25",
                        "-1.49691357802469135780"),
                row("2024-03-01", ETH, 2, "1.5", "0", "5250.00", "-0.00012", "0.005", "0.00512"),
                row("2024-03-02", BTC, 1, "0", "0.006", "1E+3", "1E-10", "12345678901234567890.10", "12345678901234567890.0999999999"));
        Console c = Console.run(command("2024-03-01", "2024-03-02"));
        assertEquals("", c.err());
        List<String> lines = c.outLines();
        assertEquals("fills and P&L by UTC day (event time) and instrument, 2024-03-01 to 2024-03-02", lines.get(0));
        assertTrue(lines.get(1).contains("Day") && lines.get(1).contains("Net P&L"), lines.get(1));
        // header, rule, then the rows in order
        assertEquals(List.of("2024-03-01", BTC, "3", "0.010", "0.004", "1234.56789012345678901", "0.24691357802469135780", "-1.25",
                "-1.49691357802469135780"), Console.cells(lines.get(3)));
        assertEquals(List.of("2024-03-01", ETH, "2", "1.5", "0", "5250.00", "-0.00012", "0.005", "0.00512"),
                Console.cells(lines.get(4)));
        assertEquals(List.of("2024-03-01", "TOTAL", "5", "", "", "6484.56789012345678901", "0.24679357802469135780",
                "-1.245", "-1.49179357802469135780"), Console.cells(lines.get(5)));
        assertEquals(List.of("2024-03-02", BTC, "1", "0", "0.006", "1000", "0.0000000001", "12345678901234567890.10",
                "12345678901234567890.0999999999"), Console.cells(lines.get(6)));
        assertEquals(List.of("2024-03-02", "TOTAL", "1", "", "", "1000", "0.0000000001", "12345678901234567890.10",
                "12345678901234567890.0999999999"), Console.cells(lines.get(7)));
        assertEquals("all 2 days: 6 fills, fees 0.24679357812469135780, realized P&L 12345678901234567888.855,"
                + " net P&L 12345678901234567888.60820642187530864220", lines.get(8));
        assertEquals(9, lines.size());
        assertFalse(c.out().contains("E+") || c.out().contains("E-"), c.out());
    }

    @Test
    void aDayTotalFollowsItsOwnRowsEvenIfTheDaysComeOutOfOrder() throws Exception {
        audit.pnl = List.of(row("2024-03-02", BTC, 1, "1", "0", "10", "0", "0", "0"),
                row("2024-03-01", ETH, 2, "2", "0", "20", "0", "0", "0"));
        List<String> lines = Console.run(command("2024-03-01", "2024-03-02")).outLines();
        assertEquals(List.of("2024-03-01", ETH), Console.cells(lines.get(3)).subList(0, 2));
        assertEquals(List.of("2024-03-01", "TOTAL", "2"), Console.cells(lines.get(4)).subList(0, 3));
        assertEquals(List.of("2024-03-02", BTC), Console.cells(lines.get(5)).subList(0, 2));
        assertEquals(List.of("2024-03-02", "TOTAL", "1"), Console.cells(lines.get(6)).subList(0, 3));
    }

    @Test
    void aBadDateNamesItsOptionAndSendsNoQuery() throws Exception {
        Console bad = Console.run(command("2024-13-01", null));
        assertEquals("--from '2024-13-01' is not a date (YYYY-MM-DD, UTC)" + System.lineSeparator(), bad.err());
        Console impossible = Console.run(command(null, "2024-02-30"));
        assertEquals("--to '2024-02-30' is not a date (YYYY-MM-DD, UTC)" + System.lineSeparator(), impossible.err());
        Console words = Console.run(command("yesterday", "2024-03-01"));
        assertEquals("--from 'yesterday' is not a date (YYYY-MM-DD, UTC)" + System.lineSeparator(), words.err());
        assertEquals("", bad.out() + impossible.out() + words.out());
        assertEquals(List.of(), audit.calls);
    }

    @Test
    void fromAfterToIsRefusedWithoutAQuery() throws Exception {
        Console c = Console.run(command("2024-03-06", "2024-03-05"));
        assertEquals("--from 2024-03-06 is after --to 2024-03-05" + System.lineSeparator(), c.err());
        Console future = Console.run(command("2024-03-06", null));
        assertEquals("--from 2024-03-06 is after --to 2024-03-05" + System.lineSeparator(), future.err());
        assertEquals(List.of(), audit.calls);
    }
}
