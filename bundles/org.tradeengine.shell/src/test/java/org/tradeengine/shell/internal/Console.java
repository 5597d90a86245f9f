// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;

/**
 * What a command printed: stdout and stderr, captured by swapping {@link System#out} and {@link System#err} while it runs
 * (commands print to them, as Karaf routes them to the session).
 *
 * @param out what went to stdout
 * @param err what went to stderr
 */
record Console(String out, String err) {

    /**
     * @param action the command, its fields set
     * @return what it printed
     * @throws Exception if it threw
     */
    static Console run(Action action) throws Exception {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            action.execute();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Console(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return stdout's lines */
    List<String> outLines() {
        return out.lines().toList();
    }

    /**
     * @param first the first cell
     * @return the cells of the table row that starts with that cell; fails if there is none
     */
    List<String> row(String first) {
        return out.lines().map(Console::cells).filter(c -> c.size() > 1 && c.get(0).equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in:\n" + out));
    }

    /**
     * @param line a table row
     * @return its cells, trimmed (the table separates them with a vertical bar)
     */
    static List<String> cells(String line) {
        return List.of(line.split("[|\u2502]")).stream().map(String::strip).toList();
    }
}
