// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.audit.StoredRiskEvent;

class JournalRiskCommandTest {

    private final FakeAudit audit = new FakeAudit();

    private JournalRiskCommand command(int limit) {
        JournalRiskCommand cmd = new JournalRiskCommand();
        cmd.audit = audit;
        cmd.limit = limit;
        return cmd;
    }

    @Test
    void byDefaultTheLatestFifty() throws Exception {
        JournalRiskCommand cmd = new JournalRiskCommand();
        cmd.audit = audit;
        Console c = Console.run(cmd);
        assertEquals(List.of("riskEvents 50"), audit.calls);
        assertEquals("no risk decisions journaled" + System.lineSeparator(), c.out());
    }

    @Test
    void decisionsNewestFirstAsTheJournalGivesThem() throws Exception {
        audit.risk = List.of(
                new StoredRiskEvent(Instant.parse("2024-03-05T12:00:01Z"), "HALT", "daily-loss",
                        "daily P&L -812.50 below -800.00\nkill switch fired", null, null, null),
                new StoredRiskEvent(Instant.parse("2024-03-05T11:59:00.5Z"), "DENY", "max-position",
                        "position 0.030 + 0.010 exceeds 0.035", "BTCUSDT-PERP.BINANCE_FUTURES", "o-7", "corr-7"));
        Console c = Console.run(command(2));
        assertEquals(List.of("riskEvents 2"), audit.calls);
        List<String> lines = c.outLines();
        assertEquals(List.of("Time", "Outcome", "Rule", "Instrument", "Client order id", "Correlation id", "Reason"),
                Console.cells(lines.get(0)));
        assertEquals(List.of("2024-03-05 12:00:01.000Z", "HALT", "daily-loss", "-", "-", "-",
                "daily P&L -812.50 below -800.00; kill switch fired"), Console.cells(lines.get(2)));
        assertEquals(List.of("2024-03-05 11:59:00.500Z", "DENY", "max-position", "BTCUSDT-PERP.BINANCE_FUTURES", "o-7", "corr-7",
                "position 0.030 + 0.010 exceeds 0.035"), Console.cells(lines.get(3)));
        assertEquals(4, lines.size());
    }

    @Test
    void aLimitOutside1To10000IsRefusedWithoutAQuery() throws Exception {
        assertEquals("--limit must be between 1 and 10000, got 0" + System.lineSeparator(), Console.run(command(0)).err());
        assertEquals("--limit must be between 1 and 10000, got 20000" + System.lineSeparator(), Console.run(command(20_000)).err());
        assertEquals(List.of(), audit.calls);
    }
}
