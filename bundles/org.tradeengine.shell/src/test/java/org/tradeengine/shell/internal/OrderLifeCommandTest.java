// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tradeengine.api.audit.OrderLifeStep;

class OrderLifeCommandTest {

    private static final String BTC = "BTCUSDT-PERP.BINANCE_FUTURES";

    private final FakeAudit audit = new FakeAudit();

    private OrderLifeCommand command(String id) {
        OrderLifeCommand cmd = new OrderLifeCommand();
        cmd.audit = audit;
        cmd.id = id;
        return cmd;
    }

    private static OrderLifeStep step(String at, String stage, String coid, String side, String qty, String price, String what,
            String note) {
        return new OrderLifeStep(Instant.parse(at), stage, "k-" + stage.toLowerCase(), coid, BTC, side,
                qty == null ? null : new BigDecimal(qty), price == null ? null : new BigDecimal(price), what, note);
    }

    @Test
    void everyStepInJournalOrder() throws Exception {
        audit.life = List.of(
                step("2024-03-05T10:00:00.001Z", "SIGNAL", null, "BUY", null, null, "imbalance-long", null),
                step("2024-03-05T10:00:00.002Z", "ORDER", "o-1", "BUY", "0.010", "61234.50", "LIMIT", "entry:imbalance-long"),
                step("2024-03-05T10:00:00.003Z", "RISK_DECISION", "o-1", null, null, null, "ALLOW", "max-position: within limits"),
                step("2024-03-05T10:00:00.060Z", "ORDER_EVENT", "o-1", "BUY", null, null, "ACCEPTED", ""),
                step("2024-03-05T10:00:01Z", "FILL", "o-1", "BUY", "0.010", "61234.50", "MAKER", "entry:imbalance-long"),
                step("2024-03-05T10:05:00Z", "EXIT_ORDER", "o-2", "SELL", "0.010", null, "MARKET", "exit:take-profit"),
                step("2024-03-05T10:05:00.050Z", "FILL", "o-2", "SELL", "0.010", "61300.00000001", "TAKER", "exit:take-profit"));
        Console c = Console.run(command("corr-1"));
        assertEquals(List.of("orderLife corr-1"), audit.calls);
        assertEquals("", c.err());
        List<String> lines = c.outLines();
        assertEquals("life of 'corr-1': 7 steps in journal order", lines.get(0));
        assertEquals(List.of("1", "2024-03-05 10:00:00.001Z", "SIGNAL", "-", BTC, "BUY", "-", "-", "imbalance-long", "-",
                "k-signal"), Console.cells(lines.get(3)));
        assertEquals(List.of("2", "2024-03-05 10:00:00.002Z", "ORDER", "o-1", BTC, "BUY", "0.010", "61234.50", "LIMIT",
                "entry:imbalance-long", "k-order"), Console.cells(lines.get(4)));
        List<String> stages = lines.subList(3, lines.size()).stream().map(l -> Console.cells(l).get(2)).toList();
        assertEquals(List.of("SIGNAL", "ORDER", "RISK_DECISION", "ORDER_EVENT", "FILL", "EXIT_ORDER", "FILL"), stages);
        assertEquals(List.of("7", "2024-03-05 10:05:00.050Z", "FILL", "o-2", BTC, "SELL", "0.010", "61300.00000001", "TAKER",
                "exit:take-profit", "k-fill"), Console.cells(lines.get(9)));
    }

    @Test
    void anUnknownIdSaysSo() throws Exception {
        Console c = Console.run(command(" o-404 "));
        assertEquals(List.of("orderLife o-404"), audit.calls);
        assertEquals("no journaled order or correlation id 'o-404'" + System.lineSeparator(), c.out());
    }

    @Test
    void aBlankIdIsRefusedWithoutAQuery() throws Exception {
        for (String id : new String[] {"", "   ", null}) {
            Console c = Console.run(command(id));
            assertEquals("id must not be blank: give a correlation id or a client order id" + System.lineSeparator(), c.err());
            assertEquals("", c.out());
        }
        assertEquals(List.of(), audit.calls);
    }
}
