// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.audit.AuditQueries;
import org.tradeengine.api.audit.OrderLifeStep;

/**
 * {@code te:order-life}: the journaled life of one order, by correlation id or client order id: the signal, the order,
 * risk decisions, its events, fills and the exit order, in journal order.
 */
@Command(scope = "te", name = "order-life", description = "Shows the journaled life of one order by correlation id or client"
        + " order id: signal, order, risk decision, events, fills, exit order, in order")
@Service
public class OrderLifeCommand implements Action {

    @Reference(optional = true)
    AuditQueries audit;

    @Argument(index = 0, name = "id", required = true, description = "Correlation id or client order id")
    String id;

    @Override
    public Object execute() {
        if (id == null || id.isBlank()) {
            System.err.println("id must not be blank: give a correlation id or a client order id");
            return null;
        }
        String wanted = id.strip();
        AuditCalls.run(audit, a -> print(wanted, a.orderLife(wanted)));
        return null;
    }

    private static void print(String id, List<OrderLifeStep> steps) {
        if (steps.isEmpty()) {
            System.out.println("no journaled order or correlation id '" + id + "'");
            return;
        }
        System.out.println("life of '" + id + "': " + steps.size() + " step" + (steps.size() == 1 ? "" : "s") + " in journal order");
        ShellTable t = new ShellTable();
        t.column("#").alignRight();
        t.column("Time");
        t.column("Stage");
        t.column("Client order id");
        t.column("Instrument");
        t.column("Side");
        t.column("Qty").alignRight();
        t.column("Price").alignRight();
        t.column("What");
        t.column("Note");
        t.column("Record key");
        int n = 0;
        for (OrderLifeStep s : steps) {
            t.addRow().addContent(++n, Format.time(s.at()), Format.text(s.stage()), Format.text(s.clientOrderId()),
                    Format.text(s.instrument()), Format.text(s.side()), Format.decimal(s.qty()), Format.decimal(s.price()),
                    Format.text(s.what()), Format.text(s.note()), Format.text(s.recordKey()));
        }
        t.print(System.out);
    }
}
