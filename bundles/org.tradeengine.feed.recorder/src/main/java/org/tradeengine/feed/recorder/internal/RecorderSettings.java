// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.tradeengine.support.Placeholders;

/**
 * The recorder's configuration, checked and copied once on activation.
 *
 * @param dir the folder the recordings go to (absolute)
 * @param feeds the feed ids to record; empty = every feed
 * @param queueCapacity most messages waiting for the writer thread
 * @param queueMaxBytes most message bytes waiting for the writer thread
 */
public record RecorderSettings(Path dir, Set<String> feeds, int queueCapacity, long queueMaxBytes) {

    /** The only rotation there is: one file per UTC hour. */
    static final String HOURLY = "hourly";

    /**
     * @param dir the folder the recordings go to
     * @param feeds the feed ids to record; empty = every feed
     * @param queueCapacity most messages waiting for the writer thread
     * @param queueMaxBytes most message bytes waiting for the writer thread
     */
    public RecorderSettings {
        feeds = Set.copyOf(feeds);
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue.capacity must be at least 1, not " + queueCapacity);
        }
        if (queueMaxBytes < 1) {
            throw new IllegalArgumentException("queue.maxBytes must be at least 1, not " + queueMaxBytes);
        }
    }

    /**
     * @param c the component configuration
     * @return the checked settings, paths resolved against the system properties
     * @throws IllegalArgumentException saying which key is wrong and why
     */
    static RecorderSettings of(RecorderComponent.Config c) {
        return of(c, System::getProperty);
    }

    /**
     * @param c the component configuration
     * @param properties the system properties ({@code karaf.data}, {@code karaf.home}); null for a missing one
     * @return the checked settings
     * @throws IllegalArgumentException saying which key is wrong and why
     */
    static RecorderSettings of(RecorderComponent.Config c, UnaryOperator<String> properties) {
        String rotate = c.rotate() == null ? "" : c.rotate().trim().toLowerCase(Locale.ROOT);
        if (!rotate.equals(HOURLY)) {
            throw new IllegalArgumentException("rotate: only 'hourly' is supported, not '" + c.rotate() + "'");
        }
        // a .cfg file carries one string: "a, b" arrives as a single element
        Set<String> feeds = new TreeSet<>();
        for (String entry : c.feeds() == null ? new String[0] : c.feeds()) {
            for (String f : entry == null ? new String[0] : entry.split(",")) {
                if (!f.isBlank()) {
                    feeds.add(f.trim());
                }
            }
        }
        return new RecorderSettings(resolveDir(c.dir(), properties), feeds, c.queue_capacity(), c.queue_maxBytes());
    }

    /**
     * Resolves the configured folder: {@code ${name}} becomes the system property {@code name} (the working
     * directory if it is not set), and a relative path resolves against {@code karaf.home} (the working directory
     * if that is not set).
     *
     * @param text the configured value
     * @param properties the system properties
     * @return the absolute, normalised folder
     * @throws IllegalArgumentException if the value is empty or not a path
     */
    static Path resolveDir(String text, UnaryOperator<String> properties) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("dir must not be empty (default: ${karaf.data}/recordings)");
        }
        String expanded = Placeholders.expand(text.trim(), name -> {
            String value = properties.apply(name);
            return value == null || value.isBlank() ? null : value;
        }, name -> ".");
        try {
            Path p = Path.of(expanded);
            if (!p.isAbsolute()) {
                String home = properties.apply("karaf.home");
                p = home == null || home.isBlank() ? p : Path.of(home).resolve(p);
            }
            return p.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("dir: '" + text + "' is not a path: " + e.getMessage());
        }
    }

    /**
     * @param feedId a feed id
     * @return whether its messages are recorded
     */
    boolean records(String feedId) {
        return feeds.isEmpty() || feeds.contains(feedId);
    }
}
