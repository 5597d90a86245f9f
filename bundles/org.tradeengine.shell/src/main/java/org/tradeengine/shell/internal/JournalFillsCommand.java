// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.StoredFill;

/** {@code te:journal-fills}: the fills journaled on one UTC day, in journal order. */
@Command(scope = "te", name = "journal-fills", description = "Shows the fills journaled on one UTC day (default today), in"
        + " journal order")
@Service
public class JournalFillsCommand implements Action {

    @Reference(optional = true)
    AuditQueries audit;

    @Argument(index = 0, name = "day", required = false, description = "UTC day, YYYY-MM-DD (default today UTC)")
    String day;

    @Option(name = "-n", aliases = "--limit", description = "Most fills, the day's latest (default 100, at most 10000)")
    int limit = 100;

    /** Tells today; tests fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Object execute() {
        LocalDate d;
        int n;
        try {
            d = AuditCalls.day("day", day, AuditCalls.today(clock));
            n = AuditCalls.limit(limit);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return null;
        }
        AuditCalls.run(audit, a -> print(d, n, a.fills(d, n)));
        return null;
    }

    private static void print(LocalDate day, int limit, List<StoredFill> fills) {
        if (fills.isEmpty()) {
            System.out.println("no fills journaled on " + day + " (UTC)");
            return;
        }
        System.out.println(fills.size() + " fill" + (fills.size() == 1 ? "" : "s") + " journaled on " + day + " (UTC)"
                + (fills.size() >= limit ? ": the day's latest " + limit + ", more with --limit" : ""));
        ShellTable t = new ShellTable();
        t.column("Time");
        t.column("Instrument");
        t.column("Side");
        t.column("Qty").alignRight();
        t.column("Price").alignRight();
        t.column("Fee").alignRight();
        t.column("Liquidity");
        t.column("Realized P&L").alignRight();
        t.column("Purpose");
        t.column("Client order id");
        t.column("Correlation id");
        for (StoredFill f : fills) {
            t.addRow().addContent(Format.time(f.at()), Format.text(f.instrument()), Format.text(f.side()), Format.decimal(f.qty()),
                    Format.decimal(f.price()), Format.decimal(f.fee()), Format.text(f.liquidity()),
                    Format.decimal(f.realizedPnl()), Format.text(f.purpose()), Format.text(f.clientOrderId()),
                    Format.text(f.correlationId()));
        }
        t.print(System.out);
    }
}
