// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule service's configuration, resolved against the Karaf folders.
 *
 * @param rulesDir the rules folder (absolute)
 * @param debounce quiet time after a file change before reloading
 * @param historySize deployment attempts kept in memory
 * @param historyFile the JSON lines file every attempt is appended to
 */
record RulesSettings(Path rulesDir, Duration debounce, int historySize, Path historyFile) {

    static final String KARAF_HOME = "karaf.home";
    static final String KARAF_DATA = "karaf.data";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)\\}");

    /**
     * Resolves configured values. {@code ${name}} is replaced by the system property; a relative folder resolves
     * against {@code karaf.home} (the working folder outside Karaf). The history goes to
     * {@code ${karaf.data}/rules/deployments.jsonl}, outside Karaf to the temp folder.
     *
     * @param rulesDir configured rules folder
     * @param debounceMs configured debounce
     * @param historySize configured history size
     * @param properties system property lookup
     * @return the settings
     * @throws IllegalArgumentException if a placeholder names an unset property
     */
    static RulesSettings resolve(String rulesDir, long debounceMs, int historySize, UnaryOperator<String> properties) {
        Path home = Path.of(orElse(properties.apply(KARAF_HOME), properties.apply("user.dir")));
        Path dir = home.resolve(substitute(rulesDir, properties, home)).toAbsolutePath().normalize();
        String data = properties.apply(KARAF_DATA);
        Path history = data != null ? Path.of(data, "rules", "deployments.jsonl")
                : Path.of(properties.apply("java.io.tmpdir"), "tradeengine-rules", "deployments.jsonl");
        return new RulesSettings(dir, Duration.ofMillis(Math.max(0, debounceMs)), Math.max(1, historySize),
                history.toAbsolutePath().normalize());
    }

    private static String substitute(String value, UnaryOperator<String> properties, Path home) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = m.group(1).equals(KARAF_HOME) ? home.toString() : properties.apply(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("rules.dir '" + value + "' names ${" + m.group(1) + "}, which is not set");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        return m.appendTail(sb).toString();
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
