// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition by polling; tests never assert on wall time, they only give up after a generous timeout. */
final class Poll {

    private static final long INTERVAL_MS = 100;

    private Poll() {
    }

    /**
     * Polls {@code value} until {@code done} holds.
     *
     * @param what what we wait for, for the failure message
     * @param timeout when to give up
     * @param value reads the current value
     * @param done the condition
     * @param <T> value type
     * @return the first value that satisfied the condition
     * @throws AssertionError naming {@code what} and the last value seen
     */
    static <T> T until(String what, Duration timeout, Supplier<T> value, Predicate<T> done) {
        return until(what, timeout, value, done, v -> false);
    }

    /**
     * Polls {@code value} until {@code done} holds, giving up at once when {@code hopeless} holds (a stopped feed
     * will not start by itself: no point waiting for the timeout).
     *
     * @param what what we wait for, for the failure message
     * @param timeout when to give up
     * @param value reads the current value
     * @param done the condition
     * @param hopeless when to stop waiting early
     * @param <T> value type
     * @return the first value that satisfied the condition
     * @throws AssertionError naming {@code what} and the last value seen
     */
    static <T> T until(String what, Duration timeout, Supplier<T> value, Predicate<T> done, Predicate<T> hopeless) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = value.get();
                lastError = null;
                if (last != null && done.test(last)) {
                    return last;
                }
                if (last != null && hopeless.test(last)) {
                    throw new AssertionError("gave up waiting for " + what + ": " + last);
                }
            } catch (RuntimeException e) {
                lastError = e; // e.g. a service that is being re-registered; retry
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for "
                        + what + "; last value: " + last);
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            sleep();
        }
    }

    /**
     * Polls until {@code condition} holds.
     *
     * @param what what we wait for
     * @param timeout when to give up
     * @param condition the condition
     */
    static void until(String what, Duration timeout, Supplier<Boolean> condition) {
        until(what, timeout, condition, Boolean::booleanValue);
    }

    private static void sleep() {
        try {
            Thread.sleep(INTERVAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
