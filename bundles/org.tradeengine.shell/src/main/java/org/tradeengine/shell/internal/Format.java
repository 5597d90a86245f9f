// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.tradeengine.api.rules.RuleProblem;

/** Renders values for the console: UTC times, exact decimals, short hashes. */
final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    static String millis(long epochMillis) {
        return epochMillis <= 0 ? "-" : TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    static String since(Instant t) {
        if (t == null) {
            return "-";
        }
        Duration d = Duration.between(t, Instant.now());
        return time(t) + " (" + d.toSeconds() + " s ago)";
    }

    static String decimal(BigDecimal d) {
        return d == null ? "-" : d.toPlainString();
    }

    static void printProblems(Iterable<RuleProblem> problems) {
        for (RuleProblem p : problems) {
            System.out.println("  " + p);
        }
    }

    /**
     * @param text a value that may be missing or span lines
     * @return the text on one line ("; " between its lines), or "-" if null or blank
     */
    static String text(String text) {
        if (text == null || text.isBlank()) {
            return "-";
        }
        return text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    static String hash(String sha256) {
        if (sha256 == null || sha256.isBlank()) {
            return "-";
        }
        return sha256.length() < 12 ? sha256 : sha256.substring(0, 12);
    }
}
