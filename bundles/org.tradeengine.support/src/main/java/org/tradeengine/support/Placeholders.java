// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} placeholders in configuration values ({@code ${karaf.data}/journal}): each is replaced by what a
 * lookup (framework or system properties) gives for {@code name}. What happens to a name the lookup does not know is
 * the caller's choice: {@link #expand} asks a callback for the replacement (null keeps {@code ${name}} as it is),
 * {@link #resolve} keeps it and says which names were missing. A replacement is inserted literally ({@code $} and
 * {@code \} in it mean nothing), and is not expanded again.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private Placeholders() {
    }

    /**
     * The outcome of {@link #resolve}.
     *
     * @param text the value with every known placeholder replaced and every unknown one kept as it was
     * @param missing the names the lookup did not know, each once, in the order they first appear; empty if none
     */
    public record Expansion(String text, List<String> missing) {

        /**
         * Copies the list.
         *
         * @param text the expanded value
         * @param missing the names that were not known
         */
        public Expansion {
            Objects.requireNonNull(text, "text");
            missing = List.copyOf(missing);
        }

        /** @return whether every placeholder was known */
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    /**
     * Replaces each {@code ${name}} by {@code lookup.apply(name)}; where that is null, by {@code unknown.apply(name)},
     * and where that is null too the placeholder stays as it is. {@code unknown} is called once per unknown
     * occurrence, in order, so it may also warn or record the name.
     *
     * @param value the configured value
     * @param lookup the value of a name, or null if it has none
     * @param unknown the replacement for a name the lookup does not know, or null to keep {@code ${name}}
     * @return the expanded value
     */
    public static String expand(String value, UnaryOperator<String> lookup, UnaryOperator<String> unknown) {
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(unknown, "unknown");
        Matcher m = PLACEHOLDER.matcher(Objects.requireNonNull(value, "value"));
        StringBuilder out = new StringBuilder(value.length() + 32);
        while (m.find()) {
            String name = m.group(1);
            String v = lookup.apply(name);
            if (v == null) {
                v = unknown.apply(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Replaces each {@code ${name}} the lookup knows and keeps the others as they are, naming them.
     *
     * @param value the configured value
     * @param lookup the value of a name, or null if it has none
     * @return the expanded value and the names that were not known
     */
    public static Expansion resolve(String value, UnaryOperator<String> lookup) {
        Set<String> missing = new LinkedHashSet<>();
        String text = expand(value, lookup, name -> {
            missing.add(name);
            return null;
        });
        return new Expansion(text, List.copyOf(missing));
    }

    /**
     * A lookup that asks {@code first}, then the system properties: how a bundle reads {@code ${karaf.data}} from the
     * framework and still finds {@code ${java.io.tmpdir}} or {@code ${user.home}}.
     *
     * @param first the first lookup (usually {@code BundleContext::getProperty})
     * @return {@code first}'s value, else the system property, else null
     */
    public static UnaryOperator<String> orSystemProperty(UnaryOperator<String> first) {
        Objects.requireNonNull(first, "first");
        return name -> {
            String v = first.apply(name);
            return v != null ? v : System.getProperty(name);
        };
    }
}
