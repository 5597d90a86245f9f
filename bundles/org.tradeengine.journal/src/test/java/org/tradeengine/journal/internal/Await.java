// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.journal.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** Polls an asynchronous condition with a generous timeout (never asserts on how long it took). */
final class Await {

    static final Duration LONG = Duration.ofSeconds(60);

    private Await() {
    }

    /** @return where the journal writer threads are, to tell a hang from a slow database */
    static String writerStacks() {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("journal-writer")) {
                b.append("\n").append(t.getName()).append(' ').append(t.getState());
                for (StackTraceElement e : stack) {
                    b.append("\n    at ").append(e);
                }
            }
        });
        return b.toString();
    }

    static void until(String what, Callable<Boolean> condition) {
        until(what, condition, () -> "");
    }

    static void until(String what, Callable<Boolean> condition, Supplier<String> state) {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (true) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            if (System.nanoTime() > deadline) {
                fail("timed out after " + LONG.toSeconds() + " s waiting for: " + what + " " + state.get()
                        + writerStacks());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }
}
