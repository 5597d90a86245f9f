// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal.shell;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tradeengine.api.broker.OpenOrder;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.broker.paper.internal.PaperBroker;
import org.tradeengine.broker.paper.internal.PaperBrokerComponent;
import org.tradeengine.broker.paper.internal.PaperLedger;

/** {@code te:paper}: the simulated venue's ledger, what it restored, its open orders and positions. */
@Command(scope = "te", name = "paper", description = "Shows the paper broker's ledger file, events written, write"
        + " failures, open orders and positions")
@Service
public class PaperCommand implements Action {

    @Reference
    PaperBrokerComponent paper;

    @Override
    public Object execute() {
        print(paper.status(), System.out);
        return null;
    }

    /**
     * Prints a status.
     *
     * @param s the paper broker's status
     * @param out where to
     */
    static void print(PaperBroker.Status s, PrintStream out) {
        PaperLedger.Stats l = s.ledger();
        PaperBroker.Restored r = s.restored();
        out.println("Ledger file     " + (l.file().isEmpty() ? "none: memory only (ledger.file is empty)" : l.file()));
        out.println("Writable        " + (l.writable() ? "yes" : "NO: new orders are refused"));
        if (!l.failure().isEmpty()) {
            out.println("Last failure    " + l.failure());
        }
        out.println("Write failures  " + l.writeFailures() + " events not in the ledger");
        out.println("Restored        " + r.orders() + " orders, " + r.fills() + " fills, " + r.cancels() + " cancels, "
                + r.rejects() + " rejects; " + r.openOrders() + " open orders, " + r.positions() + " positions");
        out.println("Bad lines       " + l.badLines() + " skipped at start"
                + (l.truncatedLine() > 0 ? "; cut-off last line " + l.truncatedLine() + " removed" : ""));
        out.println("Written         " + l.orders() + " orders, " + l.fills() + " fills, " + l.cancels() + " cancels, "
                + l.rejects() + " rejects since start (last seq " + l.lastSeq() + ")");
        out.println();
        if (s.openOrders().isEmpty()) {
            out.println("Open orders: none");
        } else {
            ShellTable t = new ShellTable();
            t.column("Client order id");
            t.column("Instrument");
            t.column("Side");
            t.column("Type");
            t.column("Qty").alignRight();
            t.column("Leaves").alignRight();
            t.column("Limit").alignRight();
            t.column("Reduce-only");
            t.column("Accepted (event time)");
            for (OpenOrder o : s.openOrders()) {
                t.addRow().addContent(o.clientOrderId(), o.instrument(), o.side(), o.type(), o.quantity(), o.leavesQty(),
                        o.limitPrice() == null ? "-" : o.limitPrice(), o.reduceOnly() ? "yes" : "no", o.acceptedAt());
            }
            t.print(out);
        }
        out.println();
        if (s.positions().isEmpty()) {
            out.println("Positions: flat");
        } else {
            ShellTable t = new ShellTable();
            t.column("Instrument");
            t.column("Position").alignRight();
            for (Map.Entry<InstrumentId, BigDecimal> e : new TreeMap<>(s.positions()).entrySet()) {
                t.addRow().addContent(e.getKey(), e.getValue().toPlainString());
            }
            t.print(out);
        }
    }
}
