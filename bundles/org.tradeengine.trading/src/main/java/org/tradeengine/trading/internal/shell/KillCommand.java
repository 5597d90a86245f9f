// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tradeengine.api.trading.TradingDesk;
import org.tradeengine.api.trading.TradingStatus;

/** {@code te:kill <reason>}: The kill switch: latches HALTED, cancels every order, closes every position reduce-only until the brokers confirm flat. */
@Command(scope = "te", name = "kill", description = "The kill switch: latches HALTED, cancels every order, closes every position reduce-only until the brokers confirm flat")
@Service
public class KillCommand extends StateCommand {

    @Override
    TradingStatus apply(TradingDesk desk, String why, String who) {
        return desk.kill(why, who);
    }
}
