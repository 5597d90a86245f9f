// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.DailyPnl;

/**
 * {@code te:journal-pnl}: journaled fills and P&amp;L per UTC day and instrument, with a total per day (fills, notional,
 * fees and P&amp;L; quantities of different instruments are not added), as exact decimals.
 */
@Command(scope = "te", name = "journal-pnl", description = "Shows journaled fills and P&L per UTC day and instrument, with a"
        + " total per day (default: the last 7 UTC days including today)")
@Service
public class JournalPnlCommand implements Action {

    /** Days shown when no range is given, today included. */
    static final int DEFAULT_DAYS = 7;

    @Reference(optional = true)
    AuditQueries audit;

    @Option(name = "--from", description = "First UTC day, YYYY-MM-DD (default: 6 days before --to)")
    String from;

    @Option(name = "--to", description = "Last UTC day, inclusive, YYYY-MM-DD (default: today UTC)")
    String to;

    /** Tells today; tests fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Object execute() {
        LocalDate first;
        LocalDate last;
        try {
            last = AuditCalls.day("--to", to, AuditCalls.today(clock));
            first = AuditCalls.day("--from", from, last.minusDays(DEFAULT_DAYS - 1L));
            if (first.isAfter(last)) {
                throw new IllegalArgumentException("--from " + first + " is after --to " + last);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return null;
        }
        AuditCalls.run(audit, a -> print(first, last, a.dailyPnl(first, last)));
        return null;
    }

    private static void print(LocalDate first, LocalDate last, List<DailyPnl> rows) {
        if (rows.isEmpty()) {
            System.out.println("no fills journaled from " + first + " to " + last + " (UTC)");
            return;
        }
        System.out.println("fills and P&L by UTC day (event time) and instrument, " + first + " to " + last);
        Map<LocalDate, List<DailyPnl>> byDay = new TreeMap<>();
        for (DailyPnl r : rows) {
            byDay.computeIfAbsent(r.day(), d -> new ArrayList<>()).add(r);
        }
        ShellTable t = new ShellTable();
        t.column("Day");
        t.column("Instrument");
        t.column("Fills").alignRight();
        t.column("Bought").alignRight();
        t.column("Sold").alignRight();
        t.column("Notional").alignRight();
        t.column("Fees").alignRight();
        t.column("Realized P&L").alignRight();
        t.column("Net P&L").alignRight();
        Sum all = new Sum();
        for (Map.Entry<LocalDate, List<DailyPnl>> day : byDay.entrySet()) {
            Sum total = new Sum();
            for (DailyPnl r : day.getValue()) {
                t.addRow().addContent(String.valueOf(r.day()), Format.text(r.instrument()), r.fills(), Format.decimal(r.boughtQty()),
                        Format.decimal(r.soldQty()), Format.decimal(r.notional()), Format.decimal(r.fees()),
                        Format.decimal(r.realizedPnl()), Format.decimal(r.netPnl()));
                total.add(r);
                all.add(r);
            }
            DailyPnl sum = total.asRow(day.getKey());
            // quantities of different instruments do not add up: the total row leaves them out
            t.addRow().addContent(String.valueOf(day.getKey()), "TOTAL", sum.fills(), "", "", Format.decimal(sum.notional()),
                    Format.decimal(sum.fees()), Format.decimal(sum.realizedPnl()), Format.decimal(sum.netPnl()));
        }
        t.print(System.out);
        DailyPnl a = all.asRow(null);
        System.out.println("all " + byDay.size() + " day" + (byDay.size() == 1 ? "" : "s") + ": " + a.fills() + " fill"
                + (a.fills() == 1 ? "" : "s") + ", fees " + Format.decimal(a.fees()) + ", realized P&L "
                + Format.decimal(a.realizedPnl()) + ", net P&L " + Format.decimal(a.netPnl()));
    }

    /** Exact sums of rows, quantities left out; a value no row has stays null (printed "-"). */
    private static final class Sum {
        private long fills;
        private BigDecimal notional;
        private BigDecimal fees;
        private BigDecimal realized;
        private BigDecimal net;

        void add(DailyPnl r) {
            fills += r.fills();
            notional = plus(notional, r.notional());
            fees = plus(fees, r.fees());
            realized = plus(realized, r.realizedPnl());
            net = plus(net, r.netPnl());
        }

        DailyPnl asRow(LocalDate day) {
            return new DailyPnl(day, "TOTAL", fills, null, null, notional, fees, realized, net);
        }

        private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
            return value == null ? sum : sum == null ? value : sum.add(value);
        }
    }
}
