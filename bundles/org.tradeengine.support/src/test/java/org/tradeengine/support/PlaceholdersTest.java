// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/** {@code ${name}} expansion with each way of treating an unknown name that the bundles use. */
class PlaceholdersTest {

    private static final UnaryOperator<String> KARAF = Map.of("karaf.data", "/opt/te/data", "karaf.home",
            "/opt/te")::get;

    @Test
    void knownNamesAreReplacedWhereverTheyStand() {
        assertEquals("/opt/te/data/journal", Placeholders.expand("${karaf.data}/journal", KARAF, n -> null));
        assertEquals("/opt/te/x//opt/te/data", Placeholders.expand("${karaf.home}/x/${karaf.data}", KARAF, n -> null));
        assertEquals("no placeholder", Placeholders.expand("no placeholder", KARAF, n -> "never"));
        assertEquals("", Placeholders.expand("", KARAF, n -> "never"));
    }

    @Test
    void anUnknownNameTakesWhatTheCallbackGivesOrStaysLiterallyOnNull() {
        assertEquals("./recordings", Placeholders.expand("${nope}/recordings", KARAF, n -> "."));
        assertEquals("${nope}/j", Placeholders.expand("${nope}/j", KARAF, n -> null));
        assertEquals("/opt/te/data/${nope}", Placeholders.expand("${karaf.data}/${nope}", KARAF, n -> null));
    }

    @Test
    void theCallbackHearsOfEveryUnknownOccurrenceInOrder() {
        List<String> warned = new ArrayList<>();
        String out = Placeholders.expand("${b}/${karaf.data}/${a}/${b}", KARAF, n -> {
            warned.add(n);
            return null;
        });
        assertEquals("${b}//opt/te/data/${a}/${b}", out);
        assertEquals(List.of("b", "a", "b"), warned);
    }

    @Test
    void aReplacementIsInsertedLiterallyAndNotExpandedAgain() {
        UnaryOperator<String> odd = Map.of("d", "C:\\data\\$1", "loop", "${d}")::get;
        assertEquals("C:\\data\\$1/x", Placeholders.expand("${d}/x", odd, n -> null));
        assertEquals("${d}", Placeholders.expand("${loop}", odd, n -> null));
        assertEquals("$\\", Placeholders.expand("${nope}", odd, n -> "$\\"));
    }

    @Test
    void whatIsNotAPlaceholderIsLeftAlone() {
        List<String> asked = new ArrayList<>();
        UnaryOperator<String> lookup = n -> {
            asked.add(n);
            return "X";
        };
        assertEquals("${}/$karaf.data/${unclosed", Placeholders.expand("${}/$karaf.data/${unclosed", lookup, n -> "Y"));
        assertEquals(List.of(), asked);
    }

    @Test
    void resolveKeepsUnknownNamesAndListsEachOnceInOrder() {
        Placeholders.Expansion e = Placeholders.resolve("${b}/${karaf.data}/${a}/${b}", KARAF);
        assertEquals("${b}//opt/te/data/${a}/${b}", e.text());
        assertEquals(List.of("b", "a"), e.missing());
        assertFalse(e.complete());

        Placeholders.Expansion ok = Placeholders.resolve("${karaf.data}/trading/state.json", KARAF);
        assertEquals("/opt/te/data/trading/state.json", ok.text());
        assertEquals(List.of(), ok.missing());
        assertTrue(ok.complete());
    }

    @Test
    void orSystemPropertyAsksTheFirstLookupThenTheSystem() {
        String tmp = System.getProperty("java.io.tmpdir");
        UnaryOperator<String> lookup = Placeholders.orSystemProperty(Map.of("java.io.tmpdir", "/framework/tmp",
                "karaf.data", "/opt/te/data")::get);
        assertEquals("/framework/tmp", lookup.apply("java.io.tmpdir"), "the framework wins");
        UnaryOperator<String> frameworkOnly = Placeholders.orSystemProperty(KARAF);
        assertEquals(tmp + "/j", Placeholders.expand("${java.io.tmpdir}/j", frameworkOnly, n -> null));
        assertEquals("/opt/te/data/j", Placeholders.expand("${karaf.data}/j", frameworkOnly, n -> null));
        assertNull(frameworkOnly.apply("no.such.property.anywhere"));
    }
}
