// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.FrameworkUtil;

/**
 * Pax Exam options that boot THE BUILT distribution (karaf-assembly/target/*.tar.gz) unchanged, apart from the
 * configuration overrides a test passes. Runs on the driver side (the failsafe JVM).
 */
final class PaperDistribution {

    static final String PERP_CFG = "etc/org.tradeengine.feed.replay-btcusdt-perp.cfg";
    static final String SPOT_CFG = "etc/org.tradeengine.feed.replay-btcusdt-spot.cfg";
    static final String ENGINE_CFG = "etc/org.tradeengine.engine.cfg";

    static {
        // Pax Exam leaves the Karaf JVM running when the container never comes up (it only shuts down a started
        // container). Karaf is a child of this JVM: take it down with us however the run ends. Only on the driver:
        // inside the container this class is in the probe bundle and there is nothing to kill.
        if (FrameworkUtil.getBundle(PaperDistribution.class) == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly),
                    "itest-kill-orphaned-karaf"));
        }
    }

    private PaperDistribution() {
    }

    /**
     * The distribution with the given configuration overrides.
     *
     * @param overrides test-specific options (mostly {@code editConfigurationFilePut})
     * @return all options
     */
    static Option[] boot(Option... overrides) {
        String archive = required("te.distribution");
        if (!new File(archive).isFile()) {
            throw new IllegalStateException("distribution " + archive + " not built: run mvn install (package phase) first");
        }
        String m2 = System.getProperty("te.m2.repository", System.getProperty("user.home") + "/.m2/repository");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration().frameworkUrl(new File(archive).toURI().toString())
                        .name("Trade Engine").unpackDirectory(new File(required("te.exam.dir"))).useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.rootLogger.level", "INFO"),
                // Pax Exam's own bundles come from the build's local repository (our bundles are in system/);
                // the default snapshot repositories are unreachable here, so only Central stays
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", m2),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                        "https://repo1.maven.org/maven2@id=central")));
        if (Boolean.getBoolean("te.exam.keep")) {
            options.add(keepRuntimeFolder());
        }
        options.addAll(Arrays.asList(overrides));
        return options.toArray(new Option[0]);
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("system property " + property + " not set (run the ITs through failsafe)");
        }
        return v;
    }
}
