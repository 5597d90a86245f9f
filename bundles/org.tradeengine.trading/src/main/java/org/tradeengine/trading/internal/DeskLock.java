// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.broker.OrderEvent;

/**
 * The desk's one lock, and its inbox. Entry points (engine callbacks, commands, the watchdog) take the lock before
 * calling any broker (lock order: desk, then broker). Broker events and completions never wait for the lock: they go
 * into the inbox, which whoever holds the lock drains before releasing it; on the lock's own thread (a simulated
 * broker answering inside {@code submit}) they run at once, the lock being reentrant. So a broker that calls back
 * while holding its own lock cannot deadlock with a command waiting for that broker.
 */
final class DeskLock {

    private final Logger logger = LoggerFactory.getLogger(DeskLock.class);
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong failures = new AtomicLong();

    /** Runs a callback under the lock; nothing escapes (a failure is logged and counted). */
    void run(Runnable task) {
        lock.lock();
        try {
            safely(task);
            drain();
        } finally {
            lock.unlock();
        }
        drainAfterUnlock();
    }

    /** Runs a command or query under the lock; its exceptions reach the caller. */
    <T> T call(Supplier<T> task) {
        lock.lock();
        try {
            T value = task.get();
            drain();
            return value;
        } finally {
            lock.unlock();
            drainAfterUnlock();
        }
    }

    /** Runs a broker event under the lock: now if the lock is free or held by this thread, else by the holder. */
    void deliver(Runnable task) {
        inbox.add(task);
        drainAfterUnlock();
    }

    /** Delivers {@code action} when the stage completes (at once if it already has). */
    void whenDone(CompletionStage<OrderEvent> stage, BiConsumer<OrderEvent, Throwable> action) {
        stage.whenComplete((ev, err) -> deliver(() -> action.accept(ev, err)));
    }

    /** @return callbacks that threw (bugs; each logged with its stack trace) */
    long failures() {
        return failures.get();
    }

    private void drain() {
        Runnable t;
        while ((t = inbox.poll()) != null) {
            safely(t);
        }
    }

    private void drainAfterUnlock() {
        while (!inbox.isEmpty() && lock.tryLock()) {
            try {
                drain();
            } finally {
                lock.unlock();
            }
        }
    }

    private void safely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            logger.error("Trading desk callback failed (a bug; the desk keeps running)", e);
        }
    }
}
