// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.api.broker.OrderEvent;

/**
 * Hands order events to the listeners synchronously, on the thread that caused them, in the order they happened.
 * Events are queued while the broker holds its lock and delivered after it released it, so a listener may call the
 * broker again (submit an exit on a fill): events caused by such a nested call are delivered right after the
 * current ones, never in between. A listener that throws is logged and counted; the others still get the event.
 */
final class EventDispatcher {

    private final Logger logger = LoggerFactory.getLogger(EventDispatcher.class);
    private final CopyOnWriteArrayList<Consumer<OrderEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Queue<OrderEvent> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock delivering = new ReentrantLock();
    private final AtomicLong listenerFailures = new AtomicLong();

    void add(Consumer<OrderEvent> listener) {
        listeners.addIfAbsent(Objects.requireNonNull(listener, "listener"));
    }

    void remove(Consumer<OrderEvent> listener) {
        listeners.remove(listener);
    }

    /** Queues an event; call while holding the broker's lock so the queue order is the order of events. */
    void enqueue(OrderEvent event) {
        queue.add(event);
    }

    /** Delivers everything queued; call after releasing the broker's lock. A nested call returns at once. */
    void deliver() {
        if (delivering.isHeldByCurrentThread()) {
            return; // a listener called the broker: the outer loop delivers the new events next
        }
        delivering.lock();
        try {
            for (OrderEvent e = queue.poll(); e != null; e = queue.poll()) {
                for (Consumer<OrderEvent> l : listeners) {
                    notify(l, e);
                }
            }
        } finally {
            delivering.unlock();
        }
    }

    private void notify(Consumer<OrderEvent> listener, OrderEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException ex) {
            long n = listenerFailures.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                logger.warn("Paper broker: order listener {} failed on {} {} ({} failures so far)", listener,
                        event.type(), event.clientOrderId(), n, ex);
            }
        }
    }

    /** @return how many times a listener threw */
    long listenerFailures() {
        return listenerFailures.get();
    }
}
