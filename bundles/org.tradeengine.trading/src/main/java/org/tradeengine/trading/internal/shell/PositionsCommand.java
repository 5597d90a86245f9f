// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.trading.PositionView;
import org.tradeengine.api.trading.TradingDesk;

/** {@code te:positions}: the open positions, marked. */
@Command(scope = "te", name = "positions", description = "Shows the open positions, marked to the book")
@Service
public class PositionsCommand implements Action {

    @Reference
    TradingDesk desk;

    @Override
    public Object execute() {
        List<PositionView> positions = desk.positions();
        if (positions.isEmpty()) {
            System.out.println("Flat: no open position");
            return null;
        }
        ShellTable t = new ShellTable();
        t.column("Instrument");
        t.column("Qty").alignRight();
        t.column("Entry").alignRight();
        t.column("Mark").alignRight();
        t.column("Unrealized").alignRight();
        t.column("Realized").alignRight();
        t.column("Fees").alignRight();
        t.column("Opened (event time)");
        t.column("Correlation");
        for (PositionView p : positions) {
            t.addRow().addContent(p.instrument(), ShellFormat.exact(p.quantity()), ShellFormat.exact(p.entryPrice()),
                    ShellFormat.exact(p.markPrice()), ShellFormat.money(p.unrealizedPnl()), ShellFormat.money(p.realizedPnl()),
                    ShellFormat.money(p.fees()), ShellFormat.time(p.openedAt()), p.correlationId());
        }
        t.print(System.out);
        return null;
    }
}
