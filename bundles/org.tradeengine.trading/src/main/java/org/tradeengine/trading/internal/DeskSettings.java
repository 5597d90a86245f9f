// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.tradeengine.support.Placeholders;

/**
 * The desk's configuration, copied on activation. Values that cannot be used are replaced by the defaults and listed
 * in {@link #problems()}; the desk then starts HALTED naming them (fail closed: a mistyped capital must not trade).
 *
 * @param capital starting capital in the quote currency
 * @param orderNotional notional of one entry (size = floor(notional / price) to the lot)
 * @param stateFile where the trading state is persisted
 * @param flattenRetryMillis how long a cancel or close may stay unanswered before it is sent again
 * @param historySize fills, risk events and alerts kept
 * @param problems what was wrong with the configuration, empty if nothing
 * @param restoreFromJournal whether a start restores state, account, positions and orders from the audit journal and
 *        reconciles them with each broker before that broker's first entry (entries wait until then)
 */
public record DeskSettings(BigDecimal capital, BigDecimal orderNotional, Path stateFile, long flattenRetryMillis,
        int historySize, List<String> problems, boolean restoreFromJournal) {

    /** Default capital. */
    public static final String DEFAULT_CAPITAL = "40000";
    /** Default entry notional. */
    public static final String DEFAULT_NOTIONAL = "5000";
    /** Default state file. */
    public static final String DEFAULT_STATE_FILE = "${karaf.data}/trading/state.json";
    /** Default retry period. */
    public static final long DEFAULT_RETRY_MS = 1000;
    /** Default history size. */
    public static final int DEFAULT_HISTORY = 1000;

    /**
     * Copies the list.
     *
     * @param capital capital
     * @param orderNotional entry notional
     * @param stateFile state file
     * @param flattenRetryMillis retry period
     * @param historySize history size
     * @param problems configuration problems
     * @param restoreFromJournal restore from the journal at start
     */
    public DeskSettings {
        problems = List.copyOf(problems);
    }

    /**
     * Settings for tests and tools: no problems, no restore from a journal.
     *
     * @param capital capital
     * @param orderNotional entry notional
     * @param stateFile state file
     * @param flattenRetryMillis retry period
     * @param historySize history size
     * @return the settings
     */
    public static DeskSettings of(String capital, String orderNotional, Path stateFile, long flattenRetryMillis,
            int historySize) {
        return new DeskSettings(new BigDecimal(capital), new BigDecimal(orderNotional), stateFile, flattenRetryMillis,
                historySize, List.of(), false);
    }

    /**
     * @param restore whether a start restores from the audit journal
     * @return these settings with that choice
     */
    public DeskSettings withRestoreFromJournal(boolean restore) {
        return new DeskSettings(capital, orderNotional, stateFile, flattenRetryMillis, historySize, problems, restore);
    }

    /**
     * Resolves the configured values. {@code ${name}} in the state file is a system property; without
     * {@code karaf.data} (outside Karaf) the default file goes to the temp folder.
     *
     * @param capital configured capital
     * @param orderNotional configured notional
     * @param stateFile configured state file
     * @param flattenRetryMillis configured retry period
     * @param historySize configured history size
     * @param properties system property lookup
     * @return the settings, with the problems found; restoring from the journal (see {@link #withRestoreFromJournal})
     */
    public static DeskSettings resolve(String capital, String orderNotional, String stateFile, long flattenRetryMillis,
            int historySize, UnaryOperator<String> properties) {
        List<String> problems = new ArrayList<>();
        BigDecimal cap = positive("capital", capital, DEFAULT_CAPITAL, problems);
        BigDecimal notional = positive("order.notional", orderNotional, DEFAULT_NOTIONAL, problems);
        long retry = flattenRetryMillis;
        if (retry < 10) {
            problems.add("flatten.retry.ms must be at least 10, was " + flattenRetryMillis + "; using " + DEFAULT_RETRY_MS);
            retry = DEFAULT_RETRY_MS;
        }
        int history = historySize;
        if (history < 1) {
            problems.add("history.size must be at least 1, was " + historySize + "; using " + DEFAULT_HISTORY);
            history = DEFAULT_HISTORY;
        }
        Path file = stateFile(stateFile, properties, problems);
        return new DeskSettings(cap, notional, file, retry, history, problems, true);
    }

    private static BigDecimal positive(String key, String text, String fallback, List<String> problems) {
        try {
            BigDecimal v = new BigDecimal(text == null ? "" : text.trim());
            if (v.signum() > 0) {
                return v;
            }
            problems.add(key + " must be positive, was '" + text + "'; using " + fallback);
        } catch (NumberFormatException e) {
            problems.add(key + " is not a decimal number: '" + text + "'; using " + fallback);
        }
        return new BigDecimal(fallback);
    }

    private static Path stateFile(String configured, UnaryOperator<String> properties, List<String> problems) {
        String text = configured == null || configured.isBlank() ? DEFAULT_STATE_FILE : configured.trim();
        Placeholders.Expansion expanded = Placeholders.resolve(text, properties);
        if (!expanded.complete()) {
            String name = expanded.missing().get(0);
            if (!"karaf.data".equals(name)) {
                problems.add("state.file '" + text + "' names ${" + name + "}, which is not set; using "
                        + "the temp folder");
            }
            return Path.of(properties.apply("java.io.tmpdir"), "tradeengine-trading", "state.json").toAbsolutePath();
        }
        return Path.of(expanded.text()).toAbsolutePath().normalize();
    }
}
