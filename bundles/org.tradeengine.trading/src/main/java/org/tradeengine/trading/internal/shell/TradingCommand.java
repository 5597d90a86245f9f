// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.trading.Alert;
import org.tradeengine.api.trading.RiskEvent;
import org.tradeengine.api.trading.TradingDesk;
import org.tradeengine.api.trading.TradingStatus;

/** {@code te:trading}: the trading state, why, since when, by whom; recent risk events and alerts. */
@Command(scope = "te", name = "trading", description = "Shows the trading state (why, since, by whom), recent risk events and alerts")
@Service
public class TradingCommand implements Action {

    @Reference
    TradingDesk desk;

    @Option(name = "-n", aliases = "--count", description = "Risk events and alerts shown (default 10 each)")
    int count = 10;

    @Override
    public Object execute() {
        TradingStatus s = desk.status();
        print(s);
        List<RiskEvent> events = desk.riskEvents(Math.max(1, count));
        System.out.println();
        System.out.println("Risk events (newest first):");
        ShellTable t = new ShellTable();
        t.column("Time (event)");
        t.column("Outcome");
        t.column("Rule");
        t.column("Instrument");
        t.column("Order");
        t.column("Reason").maxSize(100);
        for (RiskEvent e : events) {
            t.addRow().addContent(ShellFormat.time(e.at()), e.outcome(), e.rule(), e.instrument() == null ? "-" : e.instrument(),
                    e.clientOrderId() == null || e.clientOrderId().isEmpty() ? "-" : e.clientOrderId(), e.reason());
        }
        t.print(System.out);
        System.out.println();
        System.out.println("Alerts (newest first):");
        ShellTable a = new ShellTable();
        a.column("Time");
        a.column("Severity");
        a.column("Message").maxSize(120);
        for (Alert al : desk.alerts(Math.max(1, count))) {
            a.addRow().addContent(ShellFormat.time(al.at()), al.severity(), al.message());
        }
        a.print(System.out);
        return null;
    }

    static void print(TradingStatus s) {
        System.out.println("Trading " + s.state() + (s.flattening() ? " (kill switch flattening)" : ""));
        System.out.println("  why:   " + s.reason());
        System.out.println("  by:    " + s.by());
        System.out.println("  since: " + ShellFormat.since(s.since()));
        System.out.println("  restart: " + s.restore());
        System.out.println("  " + s.openPositions() + " open position(s), " + s.openOrders() + " open order(s), equity "
                + ShellFormat.money(s.account().equity()) + ", daily P&L " + ShellFormat.money(s.account().dailyPnl()));
    }
}
