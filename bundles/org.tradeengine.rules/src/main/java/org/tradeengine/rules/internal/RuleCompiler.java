// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.rules.RuleProblem;

/**
 * Compiles the DRL files of one rule set into a KieBase.
 *
 * <p>Why KieBuilder and not KieHelper: both work in Karaf when given the bundle class loader, but KieHelper
 * writes every compile under one shared default ReleaseId and names the resources itself, while here each
 * compile gets its own ReleaseId (so a validation never disturbs the module behind the rules in force) and
 * each file is written under a path we choose, so every compiler message maps back to the rule file. The
 * price is that Drools keeps each module in its repository: {@link #release(Compiled)} removes it once the
 * rules are swapped out or were only validated. No kmodule.xml is written: on Java 17 its XStream marshaller
 * needs {@code --add-opens} (feasibility notes); the default KieBase Drools makes without one is what we want.
 */
final class RuleCompiler {

    private static final String GROUP = "org.tradeengine.rules";
    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    /** Unique per class loader, so a refreshed bundle never reuses a ReleaseId still in Drools' repository. */
    private static final String INSTANCE = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicLong COMPILES = new AtomicLong();

    private final Logger logger = LoggerFactory.getLogger(RuleCompiler.class);
    private final KieServices kieServices;
    private final ClassLoader classLoader;

    /**
     * A compiled rule set, not yet necessarily in force.
     *
     * @param releaseId the module Drools keeps for it
     * @param kieBase the rules
     * @param millis how long compiling took
     */
    record Compiled(ReleaseId releaseId, KieBase kieBase, long millis) {
    }

    /**
     * The outcome of a compile: rules, or the problems found.
     *
     * @param compiled the rules, null if there are problems
     * @param problems what is wrong; empty on success
     */
    record Result(Compiled compiled, List<RuleProblem> problems) {
    }

    /**
     * Creates a compiler.
     *
     * @param classLoader the loader that sees every class a DRL may name (the bundle's in OSGi): Drools resolves
     *     fact types and globals through it; without it nothing resolves in Karaf
     */
    RuleCompiler(ClassLoader classLoader) {
        this.kieServices = KieServices.Factory.get();
        this.classLoader = classLoader;
    }

    /**
     * Compiles files into one KieBase.
     *
     * @param ruleSet the rule set name (names the Drools module)
     * @param sources the DRL files
     * @return the rules or the problems
     */
    Result compile(String ruleSet, List<SourceFile> sources) {
        long start = System.nanoTime();
        ReleaseId releaseId = kieServices.newReleaseId(GROUP, ruleSet, "1." + INSTANCE + "." + COMPILES.incrementAndGet());
        KieFileSystem kfs = kieServices.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        Map<String, SourceFile> byPath = new HashMap<>();
        for (SourceFile f : sources) {
            String path = resourcePath(f);
            byPath.put(path, f);
            kfs.write(RESOURCES + path, kieServices.getResources().newByteArrayResource(f.content())
                    .setResourceType(ResourceType.DRL));
        }
        try {
            KieBuilder builder = kieServices.newKieBuilder(kfs, classLoader).buildAll();
            List<RuleProblem> problems = CompilerMessages.toProblems(builder.getResults().getMessages(Message.Level.ERROR),
                    byPath, ruleSet + "/");
            if (!problems.isEmpty()) {
                release(releaseId);
                logger.debug("Compiled {} {} in {} ms: {} problem(s)", ruleSet, sources, millisSince(start), problems.size());
                return new Result(null, problems);
            }
            KieBase base = kieServices.newKieContainer(releaseId, classLoader).getKieBase();
            logger.debug("Compiled {} {} in {} ms", ruleSet, sources, millisSince(start));
            return new Result(new Compiled(releaseId, base, millisSince(start)), List.of());
        } catch (RuntimeException e) {
            // Drools throws instead of reporting for a few inputs (e.g. a KieBase that fails after building)
            release(releaseId);
            return new Result(null, List.of(new RuleProblem(ruleSet + "/", 0, 0, "Drools failed: " + e)));
        }
    }

    /**
     * Forgets the Drools module of rules no longer needed. Sessions already open on its KieBase keep working.
     *
     * @param compiled the rules
     */
    void release(Compiled compiled) {
        if (compiled != null) {
            release(compiled.releaseId());
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void release(ReleaseId releaseId) {
        kieServices.getRepository().removeKieModule(releaseId);
    }

    /**
     * Places a file under the folder of its DRL package, which keeps Drools from warning on every compile that
     * folder and package differ.
     */
    private static String resourcePath(SourceFile f) {
        Matcher m = PACKAGE.matcher(f.text());
        return (m.find() ? m.group(1).replace('.', '/') + "/" : "") + f.simpleName();
    }
}
