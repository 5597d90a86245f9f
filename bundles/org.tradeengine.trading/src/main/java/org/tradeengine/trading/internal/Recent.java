// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.trading.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last N items, newest first on reading. Not thread-safe: used under the desk's lock.
 *
 * @param <T> item type
 */
final class Recent<T> {

    private final int capacity;
    private final ArrayDeque<T> items;

    Recent(int capacity) {
        this.capacity = Math.max(1, capacity);
        this.items = new ArrayDeque<>(Math.min(this.capacity, 1024));
    }

    void add(T item) {
        if (items.size() == capacity) {
            items.removeFirst();
        }
        items.addLast(item);
    }

    List<T> latest(int limit) {
        List<T> out = new ArrayList<>(Math.max(0, Math.min(limit, items.size())));
        Iterator<T> it = items.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            out.add(it.next());
        }
        return out;
    }
}
