// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rules/entry/imbalance.drl} of the running distribution, edited the way a risk officer would: in place,
 * on disk, while the feed runs. Remembers the original content so a test can always put it back.
 */
final class EntryRuleFile {

    static final String NAME = "entry/imbalance.drl";
    private static final Pattern THRESHOLD = Pattern.compile("imbalance\\s*>=?\\s*(\\d+(?:\\.\\d+)?)");

    private final Path file;
    private final String original;

    private EntryRuleFile(Path file, String original) {
        this.file = file;
        this.original = original;
    }

    static EntryRuleFile in(Path rulesDir) throws IOException {
        Path file = rulesDir.resolve(NAME);
        return new EntryRuleFile(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    String original() {
        return original;
    }

    /** @return the number in the {@code imbalance > N} constraint of the rule that calls {@code signals.buy} */
    BigDecimal buyThreshold() {
        return new BigDecimal(buyConstraint().group(1));
    }

    /** @return the 1-based line of that constraint */
    int buyThresholdLine() {
        int at = buyConstraint().start(1);
        return (int) original.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** @return the original text with the buy threshold replaced */
    String withBuyThreshold(BigDecimal threshold) {
        Matcher m = buyConstraint();
        return original.substring(0, m.start(1)) + threshold.toPlainString() + original.substring(m.end(1));
    }

    /** @return the original text with a typo in the buy threshold ({@code 3.0} becomes {@code 3.0.0}): a parse error */
    String withBrokenBuyThreshold() {
        Matcher m = buyConstraint();
        String n = m.group(1).contains(".") ? m.group(1) + ".0" : m.group(1) + ".0.0";
        return original.substring(0, m.start(1)) + n + original.substring(m.end(1));
    }

    /**
     * Saves new content the way careful editors do: a hidden temporary file (the rules service ignores names that
     * start with a dot) moved over the rule file, so the watcher never sees a half-written file.
     *
     * @param content the new content
     * @return when the save started; attempts recorded after it are about this content
     */
    Instant write(String content) throws IOException {
        Instant at = Instant.now();
        Path tmp = file.resolveSibling("." + file.getFileName() + ".itest");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return at;
    }

    /** @return when the original content was saved back */
    Instant restore() throws IOException {
        return write(original);
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Matcher buyConstraint() {
        int buy = original.indexOf("signals.buy(");
        int rule = buy < 0 ? -1 : original.lastIndexOf("rule \"", buy);
        if (rule < 0) {
            throw new AssertionError(file + " has no rule calling signals.buy(...)");
        }
        Matcher m = THRESHOLD.matcher(original).region(rule, buy);
        if (!m.find()) {
            throw new AssertionError(file + ": the buy rule has no 'imbalance > N' constraint");
        }
        return m;
    }
}
