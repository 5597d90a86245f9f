// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class KrakenNumberTest {

    private final KrakenNumber number = new KrakenNumber();

    private long parse(String text, int scale) {
        byte[] b = ("[" + text + "]").getBytes(StandardCharsets.US_ASCII);
        return number.parse(b, 1, b.length - 1, scale);
    }

    @Test
    void readsEveryJsonNumberFormExactlyAsBigDecimalDoes() {
        String[] texts = {"0", "-0", "7", "2003.9", "20108.0", "0.5881", "1e-05", "2.5E3", "1E+2", "-1.0", "0.000010",
            "120.00000000000000000000", "0.0000000100000000000000", "1000000000000000000000e-12", "92233720368.54775807",
            "-92233720368.54775807", "00012.50", "5e0", "0e99"};
        for (String t : texts) {
            long raw = parse(t, 8);
            assertEquals(KrakenNumber.OK, number.problem, t);
            assertEquals(new BigDecimal(t).setScale(8).unscaledValue().longValueExact(), raw, t);
        }
        assertEquals(25, parse("2.5E1", 0));
        assertEquals(KrakenNumber.OK, number.problem);
    }

    @Test
    void refusesWhatIsNotExactAtTheScaleInsteadOfRounding() {
        String[] inexact = {"0.123456789", "1e-9", "1.5e-8", "2003.95"};
        int[] scales = {8, 8, 8, 1};
        for (int i = 0; i < inexact.length; i++) {
            parse(inexact[i], scales[i]);
            assertEquals(KrakenNumber.INEXACT, number.problem, inexact[i]);
        }
    }

    @Test
    void refusesWhatALongCannotHold() {
        for (String t : new String[] {"1e300", "92233720368.54775808", "99999999999999999999", "1e11"}) {
            parse(t, 8);
            assertEquals(KrakenNumber.TOO_LARGE, number.problem, t);
        }
    }

    @Test
    void refusesWhatIsNotAJsonNumber() {
        for (String t : new String[] {"", "-", "abc", "\"1.5\"", "null", "true", "1.", ".5", "1e", "1e+", "--1", "1.2.3",
            "1 ", "0x10", "NaN", "Infinity", "1,5"}) {
            parse(t, 8);
            assertEquals(KrakenNumber.NOT_A_NUMBER, number.problem, "'" + t + "'");
        }
    }
}
