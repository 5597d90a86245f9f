// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.tradeengine.api.broker.Broker;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.Venue;

/**
 * The bound brokers by venue, and the routing rule: an instrument's orders go to the broker of its venue, else to the
 * paper broker, else nowhere. Not thread-safe: used under the desk's lock.
 */
final class Brokers {

    private final Map<Venue, Broker> byVenue = new EnumMap<>(Venue.class);

    /** @return the broker it replaced, or null */
    Broker put(Venue venue, Broker broker) {
        return byVenue.put(venue, broker);
    }

    /** @return true if that broker was bound for that venue and is removed */
    boolean remove(Venue venue, Broker broker) {
        return byVenue.remove(venue, broker);
    }

    /**
     * @param instrument the instrument
     * @return the broker for its orders, or null
     */
    Broker route(InstrumentId instrument) {
        Broker b = byVenue.get(instrument.venue());
        return b != null ? b : byVenue.get(Venue.PAPER);
    }

    List<Broker> all() {
        return new ArrayList<>(byVenue.values());
    }

    boolean isEmpty() {
        return byVenue.isEmpty();
    }
}
