// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal;

import org.eclipse.jetty.util.Fields;
import org.tradeengine.emulator.Fault;
import org.tradeengine.emulator.internal.http.Exchange;
import org.tradeengine.emulator.internal.recording.Frame;
import org.tradeengine.emulator.internal.truth.SyncRule;

/** What differs between venues: paths, session protocol, REST, snapshot and fault rendering. */
public interface VenueProtocol {

    /** @return the venue's book sync rule, used by the truth */
    SyncRule syncRule();

    /** @return regular expression of the WebSocket upgrade paths */
    String wsPathRegex();

    /**
     * @param engine the engine
     * @param path upgrade request path
     * @param query upgrade request query parameters
     * @return a new session endpoint
     */
    EmuSession newSession(Engine engine, String path, Fields query);

    /**
     * Answers a venue REST request (anything not under {@code /_emulator/}).
     *
     * @param engine the engine
     * @param ex the exchange; always answered
     */
    void rest(Engine engine, Exchange ex);

    /**
     * @param st symbol state (truth past the recorded snapshot)
     * @return a snapshot of the full truth in the venue's format (REST body / book_snapshot frame)
     */
    String synthesizeSnapshot(SymbolState st);

    /**
     * @param kind WRONG_SYMBOL, NEGATIVE_QTY, NON_NUMERIC_QTY or CROSSED
     * @param f the depth frame
     * @param st its symbol's state (truth already includes the frame)
     * @return the altered payload, or null when this frame cannot carry the fault
     */
    String mutate(Fault kind, Frame f, SymbolState st);

    /**
     * @param f the depth frame the extra frame goes before
     * @return a well-formed payload of an event type the venue does not have
     */
    String unknownPayload(Frame f);

    /** @return whether the server pings sessions (Binance) */
    boolean serverPings();

    /**
     * Announces a shutdown (Binance {@code serverShutdown}) and closes the session (1001).
     *
     * @param s the session
     */
    void shutdown(EmuSession s);
}
