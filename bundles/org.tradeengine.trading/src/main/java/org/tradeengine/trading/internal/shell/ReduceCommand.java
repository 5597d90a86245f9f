// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tradeengine.api.trading.TradingDesk;
import org.tradeengine.api.trading.TradingStatus;

/** {@code te:reduce <reason>}: Only orders that reduce exposure from now on (REDUCING). */
@Command(scope = "te", name = "reduce", description = "Only orders that reduce exposure from now on (REDUCING)")
@Service
public class ReduceCommand extends StateCommand {

    @Override
    TradingStatus apply(TradingDesk desk, String why, String who) {
        return desk.reduce(why, who);
    }
}
