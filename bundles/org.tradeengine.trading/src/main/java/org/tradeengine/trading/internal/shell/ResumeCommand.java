// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tradeengine.api.trading.TradingDesk;
import org.tradeengine.api.trading.TradingStatus;

/** {@code te:resume <reason>}: REDUCING back to ACTIVE (HALTED needs te:reset). */
@Command(scope = "te", name = "resume", description = "REDUCING back to ACTIVE (HALTED needs te:reset)")
@Service
public class ResumeCommand extends StateCommand {

    @Override
    TradingStatus apply(TradingDesk desk, String why, String who) {
        return desk.resume(why, who);
    }
}
