// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tradeengine.api.model.InstrumentId;
import org.tradeengine.api.model.InstrumentSpec;
import org.tradeengine.api.model.InstrumentSpecs;
import org.tradeengine.api.model.Venue;
import org.tradeengine.feed.core.scan.BinanceScanner;
import org.tradeengine.feed.core.scan.ScanProblem;
import org.tradeengine.feed.core.scan.ScannedMessage;

/**
 * The scanner's fast paths (numbers read 8 bytes at a time, on a guess of their shape) are exact: random depth
 * events (fixed seed) whose numbers are mostly what a venue sends and sometimes anything but, each compared with
 * what {@link BigDecimal} says the number is at the instrument's scale. Every exact value must come out exactly, and
 * any line holding a number that is not an exact plain decimal at the scale, or a price that is not positive, must be
 * rejected as BAD_NUMBER or BAD_VALUE (or MALFORMED_JSON where a quote or backslash in a number breaks the JSON).
 * The line sits at a random offset in a larger buffer full of quotes and digits, which must not matter. (Here because
 * the benchmark module is where the fast paths are measured; it belongs with the scanner's own tests.)
 */
class ScannerExactnessTest {

    private static final String FILLER = "\"],[0123456789.,#";

    private final Random rng = new Random(20240808);

    @ParameterizedTest
    @EnumSource(value = Venue.class, names = {"BINANCE_FUTURES", "BINANCE_SPOT"})
    void everyValueIsExactAndEveryInexactOrMalformedNumberIsRejected(Venue venue) {
        InstrumentSpec spec = InstrumentSpecs.lookup(InstrumentId.ofVenueSymbol(venue, "BTCUSDT"));
        BinanceScanner scanner = new BinanceScanner(venue);
        int good = 0;
        int rejected = 0;
        for (int line = 0; line < 6_000; line++) {
            // as the venue writes them (decimals up to the scale, or more but zeros), at times any shape at all
            int priceDecimals = rng.nextInt(8) == 0 ? rng.nextInt(10) : rng.nextInt(spec.priceScale() + 1);
            int priceZeros = rng.nextBoolean() ? 0 : rng.nextInt(8);
            int qtyDecimals = rng.nextInt(8) == 0 ? rng.nextInt(10) : rng.nextInt(spec.qtyScale() + 1);
            int odd = rng.nextBoolean() ? 0 : 20 + rng.nextInt(200);
            List<String[]> bids = levels(priceDecimals, priceZeros, qtyDecimals, odd);
            List<String[]> asks = levels(priceDecimals, priceZeros, qtyDecimals, odd);
            String json = "{\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"T\":1,"
                    + "\"s\":\"BTCUSDT\",\"U\":1,\"u\":2,\"pu\":0,\"b\":" + json(bids) + ",\"a\":" + json(asks) + "}}";
            byte[] text = ("1723161255030314667 " + json).getBytes(StandardCharsets.ISO_8859_1);
            int from = rng.nextInt(3) == 0 ? rng.nextInt(80) : 0;
            byte[] buffer = new byte[from + text.length + rng.nextInt(120)];
            for (int i = 0; i < buffer.length; i++) {
                buffer[i] = (byte) FILLER.charAt(rng.nextInt(FILLER.length()));
            }
            System.arraycopy(text, 0, buffer, from, text.length);

            ScannedMessage m = scanner.scan(buffer, from, from + text.length, spec);

            long[][] expected = expected(bids, asks, spec);
            if (expected == null) {
                assertEquals(ScannedMessage.Kind.ERROR, m.kind(), json);
                boolean breaksJson = json.contains("\\") || json.contains("\"\"") || json.matches(".*[0-9.]\"[0-9.].*");
                assertTrue(m.problem() == ScanProblem.BAD_NUMBER || m.problem() == ScanProblem.BAD_VALUE
                        || breaksJson && m.problem() == ScanProblem.MALFORMED_JSON, m.problem() + ": " + m.message());
                rejected++;
            } else {
                assertEquals(ScannedMessage.Kind.DEPTH, m.kind(), () -> m.message() + " in " + json);
                assertEquals(bids.size(), m.bidCount(), json);
                assertEquals(asks.size(), m.askCount(), json);
                for (int i = 0; i < bids.size(); i++) {
                    assertEquals(expected[0][2 * i], m.bidPrice(i), json);
                    assertEquals(expected[0][2 * i + 1], m.bidQty(i), json);
                }
                for (int i = 0; i < asks.size(); i++) {
                    assertEquals(expected[1][2 * i], m.askPrice(i), json);
                    assertEquals(expected[1][2 * i + 1], m.askQty(i), json);
                }
                good++;
            }
        }
        assertTrue(good > 1_000 && rejected > 1_000,
                "both outcomes are exercised: " + good + " good, " + rejected + " rejected");
    }

    private List<String[]> levels(int priceDecimals, int priceZeros, int qtyDecimals, int odd) {
        int n = rng.nextInt(5) == 0 ? rng.nextInt(3) : rng.nextInt(40);
        List<String[]> levels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            levels.add(new String[] {number(priceDecimals, priceZeros, odd), number(qtyDecimals, 0, odd)});
        }
        return levels;
    }

    /** With the line's decimals and trailing zeros; 1 in {@code odd} (if not 0) any other shape or not a number. */
    private String number(int decimals, int zeros, int odd) {
        int dice = odd == 0 ? 1 : rng.nextInt(odd);
        if (dice != 0) {
            String whole = digits(1 + rng.nextInt(rng.nextInt(10) == 0 ? 9 : 6));
            return decimals + zeros == 0 ? whole : whole + "." + digits(decimals) + "0".repeat(zeros);
        }
        switch (rng.nextInt(4)) {
            case 0:
                return digits(rng.nextInt(10)) + (rng.nextBoolean() ? "." + digits(rng.nextInt(11)) : "");
            case 1:
                return "0".repeat(rng.nextInt(3)) + "." + "0".repeat(rng.nextInt(3));
            default:
                String bad = "-+e.#\" x\\/:";
                String s = digits(1 + rng.nextInt(5)) + "." + digits(rng.nextInt(4));
                int at = rng.nextInt(s.length() + 1);
                return s.substring(0, at) + bad.charAt(rng.nextInt(bad.length())) + s.substring(at);
        }
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rng.nextInt(10)));
        }
        return sb.toString();
    }

    private static String json(List<String[]> levels) {
        StringBuilder sb = new StringBuilder("[");
        for (String[] l : levels) {
            sb.append(sb.length() > 1 ? "," : "").append("[\"").append(l[0]).append("\",\"").append(l[1]).append("\"]");
        }
        return sb.append(']').toString();
    }

    /** @return {bids, asks} as price, qty, price, qty, …; null if some number is not exact or a price not positive */
    private static long[][] expected(List<String[]> bids, List<String[]> asks, InstrumentSpec spec) {
        long[][] out = {new long[2 * bids.size()], new long[2 * asks.size()]};
        List<List<String[]>> sides = List.of(bids, asks);
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < sides.get(s).size(); i++) {
                String[] l = sides.get(s).get(i);
                Long price = exact(l[0], spec.priceScale());
                Long qty = exact(l[1], spec.qtyScale());
                if (price == null || qty == null || price <= 0) {
                    return null;
                }
                out[s][2 * i] = price;
                out[s][2 * i + 1] = qty;
            }
        }
        return out;
    }

    private static Long exact(String s, int scale) {
        if (!s.matches("[0-9]+\\.?[0-9]*|\\.[0-9]+")) {
            return null;
        }
        try {
            return new BigDecimal(s).setScale(scale).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
