// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.trading.AccountView;
import org.tradeengine.api.trading.TradingDesk;
import org.tradeengine.trading.internal.Desk;
import org.tradeengine.trading.internal.SessionReport;

/** {@code te:pnl}: the account and the session report. */
@Command(scope = "te", name = "pnl", description = "Shows the account (equity, P&L, drawdown, fees) and the session report")
@Service
public class PnlCommand implements Action {

    @Reference
    TradingDesk desk;

    @Override
    public Object execute() {
        AccountView a = desk.status().account();
        ShellTable t = new ShellTable();
        t.column("Figure");
        t.column("Value").alignRight();
        t.addRow().addContent("Capital", ShellFormat.money(a.capital()));
        t.addRow().addContent("Equity", ShellFormat.money(a.equity()));
        t.addRow().addContent("Peak equity", ShellFormat.money(a.peakEquity()));
        t.addRow().addContent("Daily P&L (UTC day)", ShellFormat.money(a.dailyPnl()));
        t.addRow().addContent("Drawdown", ShellFormat.money(a.drawdown()));
        t.addRow().addContent("Realized P&L", ShellFormat.money(a.realizedPnl()));
        t.addRow().addContent("Unrealized P&L", ShellFormat.money(a.unrealizedPnl()));
        t.addRow().addContent("Fees", ShellFormat.money(a.fees()));
        if (desk instanceof Desk d) {
            SessionReport r = d.sessionReport();
            t.addRow().addContent("Net P&L", ShellFormat.money(r.netPnl()));
            t.addRow().addContent("Trades (round trips)", r.trades());
            t.addRow().addContent("Win rate", r.winRatePercent() == null ? "-" : r.winRatePercent().toPlainString() + " %");
            t.addRow().addContent("Profit factor", r.profitFactor() == null ? (r.grossProfit().signum() > 0 ? "no loss" : "-")
                    : r.profitFactor().toPlainString());
            t.addRow().addContent("Gross profit / loss", ShellFormat.money(r.grossProfit()) + " / " + ShellFormat.money(r.grossLoss()));
            t.addRow().addContent("Max drawdown", ShellFormat.money(r.maxDrawdown()));
        } else {
            t.addRow().addContent("Trades (round trips)", a.trades());
            t.addRow().addContent("Wins", a.wins());
        }
        t.print(System.out);
        return null;
    }
}
