// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Readable instrument ids: {@code SYMBOL.VENUE}, venue suffixes, parsing and validation. */
class InstrumentIdTest {

    @Test
    void toStringIsSymbolDotVenueName() {
        assertEquals("BTCUSDT-PERP.BINANCE_FUTURES", new InstrumentId("BTCUSDT-PERP", Venue.BINANCE_FUTURES).toString());
        assertEquals("BTCUSDT.BINANCE_SPOT", new InstrumentId("BTCUSDT", Venue.BINANCE_SPOT).toString());
        assertEquals("PF_XBTUSD.KRAKEN_FUTURES", new InstrumentId("PF_XBTUSD", Venue.KRAKEN_FUTURES).toString());
    }

    @Test
    void parseReadsBackEveryToString() {
        for (Venue v : Venue.values()) {
            InstrumentId id = InstrumentId.ofVenueSymbol(v, "ethusdt");
            assertEquals(id, InstrumentId.parse(id.toString()));
        }
    }

    @Test
    void parseAcceptsCommandLineAndLowerCaseVenueNames() {
        assertEquals(new InstrumentId("BTCUSDT", Venue.BINANCE_SPOT), InstrumentId.parse("BTCUSDT.binance-spot"));
        assertEquals(new InstrumentId("BTCUSDT-PERP", Venue.BINANCE_FUTURES), InstrumentId.parse("BTCUSDT-PERP.binance_futures"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BTCUSDT", ".BINANCE_SPOT", "BTCUSDT.", ""})
    void parseWithoutSymbolOrVenueSaysWhatIsExpected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse(text));
        assertTrue(e.getMessage().contains("SYMBOL.VENUE"), e.getMessage());
    }

    @Test
    void parseOfAnUnknownVenueListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse("BTCUSDT.NOPE"));
        assertTrue(e.getMessage().contains("NOPE") && e.getMessage().contains("binance-futures"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "BTC USDT", "BTC.USDT"})
    void blankOrDottedOrSpacedSymbolsAreRefused(String symbol) {
        assertThrows(IllegalArgumentException.class, () -> new InstrumentId(symbol, Venue.BINANCE_SPOT));
    }

    @Test
    void missingPartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new InstrumentId(null, Venue.BINANCE_SPOT));
        assertThrows(NullPointerException.class, () -> new InstrumentId("BTCUSDT", null));
    }

    @Test
    void venueSymbolGetsAndLosesTheVenueSuffix() {
        InstrumentId perp = InstrumentId.ofVenueSymbol(Venue.BINANCE_FUTURES, "btcusdt");
        assertEquals("BTCUSDT-PERP", perp.symbol());
        assertEquals("BTCUSDT", perp.venueSymbol());
        InstrumentId spot = InstrumentId.ofVenueSymbol(Venue.BINANCE_SPOT, "BtcUsdt");
        assertEquals("BTCUSDT", spot.symbol());
        assertEquals("BTCUSDT", spot.venueSymbol());
        assertEquals("BTCUSDT", new InstrumentId("BTCUSDT", Venue.BINANCE_FUTURES).venueSymbol(), "no suffix to strip");
    }

    @Test
    void equalityAndOrderFollowVenueThenSymbol() {
        InstrumentId a = InstrumentId.parse("BTCUSDT-PERP.BINANCE_FUTURES");
        assertEquals(a, InstrumentId.ofVenueSymbol(Venue.BINANCE_FUTURES, "BTCUSDT"));
        assertEquals(a.hashCode(), InstrumentId.ofVenueSymbol(Venue.BINANCE_FUTURES, "BTCUSDT").hashCode());
        assertNotEquals(a, new InstrumentId("BTCUSDT-PERP", Venue.PAPER));
        List<InstrumentId> ids = new ArrayList<>(List.of(InstrumentId.parse("AAA.BINANCE_SPOT"),
                InstrumentId.parse("ZZZ-PERP.BINANCE_FUTURES"), InstrumentId.parse("AAA-PERP.BINANCE_FUTURES")));
        Collections.sort(ids);
        assertEquals(List.of(InstrumentId.parse("AAA-PERP.BINANCE_FUTURES"), InstrumentId.parse("ZZZ-PERP.BINANCE_FUTURES"),
                InstrumentId.parse("AAA.BINANCE_SPOT")), ids);
    }
}
