// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.rules;

/**
 * One thing wrong with a rule file or a scenario, located as precisely as the compiler allows.
 *
 * @param file the file name (relative to the rules folder)
 * @param line 1-based line, 0 if unknown
 * @param column 1-based column, 0 if unknown
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, int column, String message) {

    /** Renders {@code file:line:column: message}. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (column > 0 ? ":" + column : "") + ": " + message;
    }
}
