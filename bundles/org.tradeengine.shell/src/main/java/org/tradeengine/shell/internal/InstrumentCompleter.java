// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.tradeengine.api.engine.TradingEngine;
import org.tradeengine.api.model.InstrumentId;

/** Completes instrument ids the engine keeps a book for ({@code BTCUSDT-PERP.BINANCE_FUTURES}). */
@Service
public class InstrumentCompleter implements Completer {

    @Reference
    TradingEngine engine;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (InstrumentId id : engine.instruments()) {
            delegate.getStrings().add(id.toString());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
