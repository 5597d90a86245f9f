// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.tradeengine.api.trading.TradingDesk;
import org.tradeengine.api.trading.TradingStatus;

/** Base of the commands that change the trading state: a reason (the rest of the line) is required. */
abstract class StateCommand implements Action {

    @Reference
    TradingDesk desk;

    @Argument(index = 0, name = "reason", required = true, multiValued = true,
            description = "Why (required; the rest of the line, quotes not needed)")
    List<String> reason;

    /**
     * Applies the command.
     *
     * @param desk the desk
     * @param why the reason
     * @param who the shell user
     * @return the status after
     */
    abstract TradingStatus apply(TradingDesk desk, String why, String who);

    @Override
    public Object execute() {
        String why = reason == null ? "" : String.join(" ", reason);
        try {
            TradingCommand.print(apply(desk, why, ShellFormat.user()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("Refused: " + e.getMessage());
        }
        return null;
    }
}
