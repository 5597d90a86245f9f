// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.replay.internal;

import java.nio.file.Path;

/** Resolves configured recording paths the way every Karaf setting does: relative to {@code karaf.home}. */
public final class FilePaths {

    private FilePaths() {
    }

    /**
     * @param file an absolute path, or one relative to the system property {@code karaf.home} (to the working
     *     directory if it is not set)
     * @return the resolved path
     */
    public static Path resolve(String file) {
        Path p = Path.of(file.trim());
        if (p.isAbsolute()) {
            return p;
        }
        String home = System.getProperty("karaf.home");
        return home == null || home.isBlank() ? p : Path.of(home).resolve(p);
    }
}
