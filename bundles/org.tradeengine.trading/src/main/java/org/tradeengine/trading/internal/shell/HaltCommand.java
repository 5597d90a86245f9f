// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tradeengine.api.trading.TradingDesk;
import org.tradeengine.api.trading.TradingStatus;

/** {@code te:halt <reason>}: Latches HALTED and cancels every open order; positions stay (only flattening is allowed). */
@Command(scope = "te", name = "halt", description = "Latches HALTED and cancels every open order; positions stay (only flattening is allowed)")
@Service
public class HaltCommand extends StateCommand {

    @Override
    TradingStatus apply(TradingDesk desk, String why, String who) {
        return desk.halt(why, who);
    }
}
