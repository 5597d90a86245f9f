// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal.shell;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.karaf.shell.support.ShellUtil;
import org.tradeengine.api.model.Price;
import org.tradeengine.api.model.Quantity;

/** Renders desk values for the console: UTC times, exact decimals, money to the cent where it is only read. */
final class ShellFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ShellFormat() {
    }

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    static String since(Instant t) {
        if (t == null) {
            return "-";
        }
        return time(t) + " (" + Duration.between(t, Instant.now()).toSeconds() + " s ago)";
    }

    /** Exact, without trailing zeros. */
    static String exact(BigDecimal d) {
        if (d == null) {
            return "-";
        }
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** Money for reading: two decimals, half-even (the exact figure is in the API). */
    static String money(BigDecimal d) {
        return d == null ? "-" : d.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String qty(Quantity q) {
        return q == null ? "-" : q.toString();
    }

    static String price(Price p) {
        return p == null ? "-" : p.toString();
    }

    /** @return the shell user from the session's Subject, else "shell" */
    static String user() {
        try {
            String name = ShellUtil.getCurrentUserName();
            return name == null || name.isBlank() ? "shell" : name;
        } catch (RuntimeException | LinkageError e) { // outside Karaf the JAAS principal class may be missing
            return "shell";
        }
    }
}
