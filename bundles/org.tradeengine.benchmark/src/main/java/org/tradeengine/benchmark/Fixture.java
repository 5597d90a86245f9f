// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.tradeengine.recordings.Recordings;
import org.tradeengine.rules.internal.RuleServiceImpl;

/**
 * What both pipelines share: the recording's depth and snapshot lines in memory (other streams of the recording
 * are not part of the depth pipeline and are left out), and the real rule service compiling the repository's
 * {@code rules/} folder.
 */
final class Fixture {

    private Fixture() {
    }

    /** The depth-update and snapshot lines of the BTCUSDT USD-M recording, in order. */
    static List<String> depthLines() {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Recordings.open(Recordings.USDM_BTCUSDT_20240808)), StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.contains("\"depthUpdate\"") || line.contains("\"lastUpdateId\"")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /**
     * Starts the real rule service on a rules folder: {@code -Drules.dir=...}, else {@code rules} or
     * {@code ../../rules} (the repository's own) from the working directory.
     */
    static RuleServiceImpl ruleService() {
        Path dir = Path.of(System.getProperty("rules.dir", Files.isDirectory(Path.of("rules/entry")) ? "rules" : "../../rules"))
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("entry"))) {
            throw new IllegalStateException("no rules folder at " + dir + "; run from the repository root or set -Drules.dir");
        }
        try {
            Path data = Files.createTempDirectory("te-bench");
            System.setProperty("karaf.home", data.toString());
            System.setProperty("karaf.data", data.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuleServiceImpl.Config config = (RuleServiceImpl.Config) Proxy.newProxyInstance(Fixture.class.getClassLoader(),
                new Class<?>[] {RuleServiceImpl.Config.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "rules_dir" -> dir.toString();
                    case "debounce_ms" -> 200L;
                    case "history_size" -> 100;
                    case "annotationType" -> (Class<? extends Annotation>) RuleServiceImpl.Config.class;
                    default -> method.getDefaultValue();
                });
        RuleServiceImpl rules = new RuleServiceImpl(config);
        rules.start();
        if (rules.current(RuleServiceImpl.ENTRY).isEmpty()) {
            throw new IllegalStateException("entry rules did not deploy: " + rules.deployments(1));
        }
        return rules;
    }
}
