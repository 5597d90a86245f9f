// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tradeengine.emulator.Fault;
import org.tradeengine.emulator.internal.recording.Frame;

/**
 * Sends one timeline frame: advances the truth for depth events, then runs the fault pipeline and delivers to every
 * subscribed session. Called with the engine's lock held.
 */
final class Dispatcher {

    private static final Fault[] MUTATIONS = {Fault.WRONG_SYMBOL, Fault.NEGATIVE_QTY, Fault.NON_NUMERIC_QTY,
        Fault.CROSSED};
    private final Map<String, SymbolState> symbols;
    private final Set<EmuSession> sessions;
    private final FaultBook faults;
    private final VenueProtocol protocol;
    private long eventsReplayed;

    Dispatcher(Map<String, SymbolState> symbols, Set<EmuSession> sessions, FaultBook faults, VenueProtocol protocol) {
        this.symbols = symbols;
        this.sessions = sessions;
        this.faults = faults;
        this.protocol = protocol;
    }

    long eventsReplayed() {
        return eventsReplayed;
    }

    void process(Frame f) {
        SymbolState st = symbols.get(f.symbol());
        if (st == null) {
            return;
        }
        if (!f.isDepth()) {
            st.delivered(deliver(f, recipients(f), List.of(new Outgoing(f.payload(), false))));
            return;
        }
        // 1. The truth advances whatever the sessions get.
        st.truth().apply(f.depth());
        st.lastSentId(f.depth().last());
        eventsReplayed++;
        // 2. Faults are only spent on events someone receives.
        List<EmuSession> recipients = recipients(f);
        if (!recipients.isEmpty()) {
            st.delivered(deliver(f, recipients, faulted(f, st)));
        }
    }

    private List<EmuSession> recipients(Frame f) {
        List<EmuSession> out = new ArrayList<>();
        for (EmuSession s : sessions) {
            if (!s.isSilent() && !s.isClosing() && (f.isDepth() ? s.wantsDepth(f.symbol()) : s.wants(f))) {
                out.add(s);
            }
        }
        return out;
    }

    private static int deliver(Frame f, List<EmuSession> recipients, List<Outgoing> out) {
        int n = 0;
        for (EmuSession s : recipients) {
            for (Outgoing o : out) {
                n += s.deliver(f, o);
            }
        }
        return n;
    }

    /** The fault pipeline of one depth event; the truth already includes it. */
    private List<Outgoing> faulted(Frame f, SymbolState st) {
        String sym = f.symbol();
        List<Outgoing> out = new ArrayList<>(2);
        if (faults.take(Fault.MALFORMED_JSON, sym)) {
            out.add(new Outgoing(f.payload(), true));
        }
        if (faults.take(Fault.UNKNOWN_MESSAGE, sym)) {
            out.add(new Outgoing(protocol.unknownPayload(f), false));
        }
        if (faults.take(Fault.GAP, sym)) {
            return out;
        }
        String payload = f.payload();
        for (Fault k : MUTATIONS) {
            if (faults.has(k, sym)) {
                String m = protocol.mutate(k, f, st);
                if (m != null) {
                    faults.take(k, sym);
                    payload = m;
                    break;
                }
            }
        }
        if (st.held() == null && faults.take(Fault.OUT_OF_ORDER, sym)) {
            st.held(payload);
            return out;
        }
        Outgoing o = new Outgoing(payload, false);
        out.add(o);
        if (faults.take(Fault.DUPLICATE, sym)) {
            out.add(o);
        }
        if (st.held() != null) {
            out.add(new Outgoing(st.held(), false));
            st.held(null);
        }
        return out;
    }
}
