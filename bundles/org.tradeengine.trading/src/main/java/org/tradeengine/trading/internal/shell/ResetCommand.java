// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tradeengine.api.trading.TradingDesk;
import org.tradeengine.api.trading.TradingStatus;

/** {@code te:reset <reason>}: Leaves a latched HALTED for ACTIVE, only when flat with no open order. */
@Command(scope = "te", name = "reset", description = "Leaves a latched HALTED for ACTIVE, only when flat with no open order")
@Service
public class ResetCommand extends StateCommand {

    @Override
    TradingStatus apply(TradingDesk desk, String why, String who) {
        return desk.reset(why, who);
    }
}
