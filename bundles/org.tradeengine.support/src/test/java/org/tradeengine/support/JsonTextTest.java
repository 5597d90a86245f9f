// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tradeengine.support.JsonText.Literal;
import org.tradeengine.support.JsonText.Malformed;
import org.tradeengine.support.JsonText.Problem;
import org.tradeengine.support.JsonText.Syntax;

/** JSON string literals: the two ways of writing them, the two ways of reading them, and every refusal. */
class JsonTextTest {

    /** Everything that needs care: quotes, backslash, line breaks, control and non-ASCII characters, surrogates. */
    private static final String ODD = "sig \"x\" \\ back\nslash\r\ttab \u0001\u001f\u007f ü € \uD83D\uDE00"
            + " lone \uD800 / end";

    @Test
    void quoteEscapesQuotesBackslashAndControlCharactersOnly() {
        assertEquals("\"sig \\\"x\\\" \\\\ back\\nslash\\r\\ttab \\u0001\\u001f\u007f ü € \uD83D\uDE00"
                + " lone \uD800 / end\"", JsonText.quote(ODD));
        assertEquals("\"\"", JsonText.quote(""));
        assertEquals("\"\\u0000\\u0008\\u000c\"", JsonText.quote("\u0000\b\f"), "lower-case hex, no short forms");
    }

    @Test
    void quoteAsciiAlsoEscapesEverythingOutsidePrintableAscii() {
        String literal = JsonText.quoteAscii(new StringBuilder(), ODD).toString();
        assertEquals("\"sig \\\"x\\\" \\\\ back\\nslash\\r\\ttab \\u0001\\u001f\\u007f \\u00fc \\u20ac \\ud83d\\ude00"
                + " lone \\ud800 / end\"", literal);
        assertTrue(literal.chars().allMatch(c -> c >= 0x20 && c < 0x7f), literal);
        assertEquals("\" ~\"", JsonText.quoteAscii(new StringBuilder(), " ~").toString(), "printable ASCII as is");
    }

    @Test
    void bothAppendToWhatIsThereAndReturnTheSameBuilder() {
        StringBuilder sb = new StringBuilder("{");
        assertSame(sb, JsonText.quote(sb, "k"));
        assertSame(sb, JsonText.quoteAscii(sb.append(':'), "é"));
        assertEquals("{\"k\":\"\\u00e9\"", sb.toString());
    }

    @Test
    void whatIsWrittenReadsBackExactlyInBothSyntaxes() {
        String ascii = JsonText.quoteAscii(new StringBuilder(), ODD).toString();
        for (String literal : new String[] {JsonText.quote(ODD), ascii}) {
            for (Syntax syntax : Syntax.values()) {
                Literal l = JsonText.read(literal, 1, syntax);
                assertEquals(ODD, l.value(), syntax + " " + literal);
                assertEquals(literal.length(), l.end());
            }
        }
    }

    @Test
    void readStopsAtTheClosingQuoteOfALiteralInsideMoreText() {
        String text = "{\"reason\": \"a \\\"b\\\" \\/ \\b\\f \\u00E9\", \"by\": \"x\"}";
        int from = text.indexOf(": \"") + 3;
        for (Syntax syntax : Syntax.values()) {
            Literal l = JsonText.read(text, from, syntax);
            assertEquals("a \"b\" / \b\f é", l.value(), "upper-case hex too");
            assertEquals(", \"by\": \"x\"}", text.substring(l.end()));
        }
    }

    @Test
    void lenientTakesRawControlCharactersAndUnknownEscapes() {
        assertEquals("a\tb\u0001", JsonText.read("a\tb\u0001\"", 0, Syntax.LENIENT).value());
        assertEquals("xq'", JsonText.read("\\x\\q\\'\"", 0, Syntax.LENIENT).value());
        assertEquals("A", JsonText.read("\\u+041\"", 0, Syntax.LENIENT).value(), "hex as Integer.parseInt reads it");
    }

    @Test
    void strictRefusesRawControlCharactersAndUnknownEscapes() {
        assertMalformed(Problem.CONTROL_CHARACTER, 2, "\"a\tb\"", Syntax.STRICT);
        assertMalformed(Problem.UNKNOWN_ESCAPE, 2, "\"a\\xb\"", Syntax.STRICT);
    }

    @Test
    void aMissingClosingQuoteIsUnterminatedInBothSyntaxes() {
        for (Syntax syntax : Syntax.values()) {
            assertMalformed(Problem.UNTERMINATED, 4, "\"abc", syntax);
            assertMalformed(Problem.UNTERMINATED, 1, "\"", syntax);
            assertMalformed(Problem.ESCAPE_AT_END, 4, "\"ab\\", syntax);
        }
    }

    @Test
    void aBrokenUnicodeEscapeNamesItsBackslash() {
        for (Syntax syntax : Syntax.values()) {
            assertMalformed(Problem.TRUNCATED_UNICODE, 2, "\"a\\u12", syntax);
            assertMalformed(Problem.TRUNCATED_UNICODE, 2, "\"a\\u", syntax);
            assertMalformed(Problem.BAD_UNICODE, 2, "\"a\\uzz12\"", syntax);
        }
        assertMalformed(Problem.BAD_UNICODE, 1, "\"\\u+041\"", Syntax.STRICT);
        assertMalformed(Problem.BAD_UNICODE, 1, "\"\\u\u0661\u0662\u0663\u0664\"", Syntax.STRICT);
    }

    @Test
    void aMalformedLiteralSaysWhatAndWhereInItsMessage() {
        Malformed e = assertThrows(Malformed.class, () -> JsonText.read("\"abc", 1, Syntax.STRICT));
        assertEquals("unterminated at index 4", e.getMessage());
        assertTrue(e instanceof IllegalArgumentException);
    }

    private static void assertMalformed(Problem problem, int index, String text, Syntax syntax) {
        Malformed e = assertThrows(Malformed.class, () -> JsonText.read(text, 1, syntax), text);
        assertEquals(problem, e.problem(), text);
        assertEquals(index, e.index(), text);
    }
}
