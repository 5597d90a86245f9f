// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.broker.OpenOrder;
import org.tradeengine.api.trading.TradingDesk;

/** {@code te:orders}: the orders open at the brokers now. */
@Command(scope = "te", name = "orders", description = "Shows the orders open at the brokers")
@Service
public class OrdersCommand implements Action {

    @Reference
    TradingDesk desk;

    @Override
    public Object execute() {
        List<OpenOrder> orders = desk.openOrders();
        if (orders.isEmpty()) {
            System.out.println("No open order");
            return null;
        }
        ShellTable t = new ShellTable();
        t.column("Client order id");
        t.column("Correlation");
        t.column("Instrument");
        t.column("Side");
        t.column("Type");
        t.column("Qty").alignRight();
        t.column("Leaves").alignRight();
        t.column("Limit").alignRight();
        t.column("Reduce-only");
        t.column("Accepted");
        for (OpenOrder o : orders) {
            t.addRow().addContent(o.clientOrderId(), o.correlationId(), o.instrument(), o.side(), o.type(),
                    ShellFormat.qty(o.quantity()), ShellFormat.qty(o.leavesQty()), ShellFormat.price(o.limitPrice()),
                    o.reduceOnly() ? "yes" : "no", ShellFormat.time(o.acceptedAt()));
        }
        t.print(System.out);
        return null;
    }
}
