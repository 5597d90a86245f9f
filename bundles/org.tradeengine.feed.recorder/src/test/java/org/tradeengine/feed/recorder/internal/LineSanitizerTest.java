// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LineSanitizerTest {

    private static String oneLine(String s) {
        return new String(LineSanitizer.oneLine(s.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void breaksBetweenTokensBecomeSpacesInPlace() {
        byte[] b = "{\r\n\"a\":\n[1,\n2]}\n".getBytes(StandardCharsets.UTF_8);
        assertSame(b, LineSanitizer.oneLine(b));
        assertEquals("{  \"a\": [1, 2]} ", new String(b, StandardCharsets.UTF_8));
    }

    @Test
    void breaksInsideStringsBecomeEscapes() {
        assertEquals("{\"m\":\"a\\nb\\r\\n\",\"k\":\"x\"} ", oneLine("{\"m\":\"a\nb\r\n\",\"k\":\"x\"}\n"));
    }

    @Test
    void escapedQuotesDoNotEndAString() {
        assertEquals("[\"say \\\"hi\\n\\\"\", 1]", oneLine("[\"say \\\"hi\n\\\"\",\n1]"));
    }

    @Test
    void textWithoutBreaksIsUntouched() {
        String s = "{\"s\":\"\\\\\",\"t\":\"\u00e9\"} trailing \"quote";
        assertFalse(LineSanitizer.hasBreak(s.getBytes(StandardCharsets.UTF_8), s.length()));
        assertEquals(s, oneLine(s));
        assertTrue(LineSanitizer.hasBreak("a\rb".getBytes(StandardCharsets.UTF_8), 3));
        assertFalse(LineSanitizer.hasBreak("ab\n".getBytes(StandardCharsets.UTF_8), 2), "only the valid bytes count");
    }
}
