// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.trading.FillView;
import org.tradeengine.api.trading.TradingDesk;

/** {@code te:fills}: the latest fills, newest first. */
@Command(scope = "te", name = "fills", description = "Shows the latest fills, newest first")
@Service
public class FillsCommand implements Action {

    @Reference
    TradingDesk desk;

    @Option(name = "-n", aliases = "--count", description = "How many (default 20)")
    int count = 20;

    @Override
    public Object execute() {
        ShellTable t = new ShellTable();
        t.column("Time (event)");
        t.column("Instrument");
        t.column("Side");
        t.column("Qty").alignRight();
        t.column("Price").alignRight();
        t.column("Fee").alignRight();
        t.column("Liq");
        t.column("Purpose");
        t.column("Order");
        t.column("Correlation");
        for (FillView f : desk.fills(Math.max(1, count))) {
            t.addRow().addContent(ShellFormat.time(f.at()), f.instrument(), f.side(), ShellFormat.exact(f.quantity()),
                    ShellFormat.exact(f.price()), ShellFormat.exact(f.fee()), f.liquidity() == null ? "-" : f.liquidity(),
                    f.purpose(), f.clientOrderId(), f.correlationId());
        }
        t.print(System.out);
        return null;
    }
}
