// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.orderbook.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * Sorted levels of any count and spread, as a two-level structure of primitive arrays: levels live in chunks of
 * at most {@value #CHUNK} entries sorted by ascending key, and a small directory lists the chunks in key order.
 * {@link BookSide} keeps here the levels below its direct-addressed window (keys as there: best = largest).
 *
 * <p>Why chunks and not one sorted array: Binance futures streams insert and delete levels a few hundred deep
 * on average (measured on the bundled recording), and one flat array then shifts hundreds of entries per update.
 * Here a change shifts at most one chunk; finding a level costs a branch-free binary search of the directory
 * (skipped for the top chunk) plus one inside the chunk. Chunks come from a pool that only grows, so a warm book
 * allocates nothing per update. Reads by level walk the directory from the top, remembering where the last read
 * ended, so reading levels 0, 1, 2, … in turn costs O(1) each.
 */
final class ChunkedLevels {

    /** Entries per chunk: bounds the work of an insert or delete. */
    static final int CHUNK = 64;
    private static final int SHIFT = 6;
    private static final int HALF = CHUNK / 2;

    private long[] keys;
    private long[] qtys;
    private int[] slotAt;
    private int[] sizeAt;
    private long[] firstKeyAt;
    private int chunks;
    private int[] freeSlots;
    private int freeCount;
    private int size;
    private int cursorPos = -1;
    private int cursorLevel;

    ChunkedLevels(int initialLevels) {
        int slots = Math.max(2, 2 * ((Math.max(initialLevels, 1) + CHUNK - 1) / CHUNK));
        keys = new long[slots << SHIFT];
        qtys = new long[slots << SHIFT];
        slotAt = new int[slots];
        sizeAt = new int[slots];
        firstKeyAt = new long[slots];
        freeSlots = new int[slots];
        clear();
    }

    int size() {
        return size;
    }

    void clear() {
        chunks = 0;
        size = 0;
        cursorPos = -1;
        freeCount = freeSlots.length;
        for (int i = 0; i < freeCount; i++) {
            freeSlots[i] = freeCount - 1 - i;
        }
    }

    /** @return the key of level {@code level}, 0 being the best */
    long keyAt(int level) {
        return keys[locate(level)];
    }

    /** @return the quantity of level {@code level}, 0 being the best */
    long qtyAt(int level) {
        return qtys[locate(level)];
    }

    /** @return the best (largest) key; only valid when not empty */
    long bestKey() {
        int p = chunks - 1;
        return keys[(slotAt[p] << SHIFT) + sizeAt[p] - 1];
    }

    /**
     * Sets a level to an absolute quantity; 0 deletes it, and deleting a missing level does nothing.
     *
     * @param key the level's key
     * @param qty absolute quantity, not negative
     */
    void set(long key, long qty) {
        if (chunks == 0) {
            if (qty != 0) {
                insertDirectory(0, takeSlot(), 0, key);
                insertAt(0, 0, key, qty);
            }
            return;
        }
        int p = chunkFor(key);
        int base = slotAt[p] << SHIFT;
        int n = sizeAt[p];
        int i = lowerBound(keys, base, n, key);
        if (i < base + n && keys[i] == key) {
            if (qty == 0) {
                removeAt(p, i - base);
            } else {
                qtys[i] = qty;
            }
        } else if (qty != 0) {
            insertAt(p, i - base, key, qty);
        }
    }

    /**
     * Branch-free binary search: the loop runs a fixed number of times for a given {@code n} and the comparison
     * becomes a conditional move, so random keys cost no branch mispredictions.
     *
     * @return the first index in {@code a[from, from + n)} whose value is not below {@code key}
     */
    private static int lowerBound(long[] a, int from, int n, long key) {
        if (n == 0) {
            return from;
        }
        int base = from;
        int len = n;
        while (len > 1) {
            int half = len >>> 1;
            base = a[base + half - 1] < key ? base + half : base;
            len -= half;
        }
        return a[base] < key ? base + 1 : base;
    }

    /** @return the position of the last chunk whose first key is at most {@code key}, or 0 if none is */
    private int chunkFor(long key) {
        int last = chunks - 1;
        if (key >= firstKeyAt[last]) {
            return last;
        }
        // chunks before the first whose first key exceeds key; key + 1 cannot overflow as keys are +/- prices
        return Math.max(lowerBound(firstKeyAt, 0, last, key + 1) - 1, 0);
    }

    /** @return the pool index of level {@code level}, 0 being the best */
    private int locate(int level) {
        Objects.checkIndex(level, size);
        int p = chunks - 1;
        int start = 0;
        if (cursorPos >= 0 && level >= cursorLevel) {
            p = cursorPos;
            start = cursorLevel;
        }
        while (level >= start + sizeAt[p]) {
            start += sizeAt[p];
            p--;
        }
        cursorPos = p;
        cursorLevel = start;
        return (slotAt[p] << SHIFT) + sizeAt[p] - 1 - (level - start);
    }

    private void insertAt(int pos, int index, long key, long qty) {
        int p = pos;
        int i = index;
        if (sizeAt[p] == CHUNK) {
            split(p);
            if (i > HALF) {
                p++;
                i -= HALF;
            }
        }
        int base = slotAt[p] << SHIFT;
        int n = sizeAt[p];
        System.arraycopy(keys, base + i, keys, base + i + 1, n - i);
        System.arraycopy(qtys, base + i, qtys, base + i + 1, n - i);
        keys[base + i] = key;
        qtys[base + i] = qty;
        sizeAt[p] = n + 1;
        if (i == 0) {
            firstKeyAt[p] = key;
        }
        size++;
        cursorPos = -1;
    }

    private void removeAt(int p, int i) {
        int base = slotAt[p] << SHIFT;
        int n = sizeAt[p] - 1;
        System.arraycopy(keys, base + i + 1, keys, base + i, n - i);
        System.arraycopy(qtys, base + i + 1, qtys, base + i, n - i);
        sizeAt[p] = n;
        size--;
        cursorPos = -1;
        if (n == 0) {
            freeSlots[freeCount++] = slotAt[p];
            removeDirectory(p);
            return;
        }
        if (i == 0) {
            firstKeyAt[p] = keys[base];
        }
        if (p + 1 < chunks && n + sizeAt[p + 1] <= HALF) {
            mergeIntoPrevious(p + 1);
        } else if (p > 0 && sizeAt[p - 1] + n <= HALF) {
            mergeIntoPrevious(p);
        }
    }

    /** Keeps chunks at least a quarter full on average, so the directory stays short. */
    private void mergeIntoPrevious(int p) {
        int into = (slotAt[p - 1] << SHIFT) + sizeAt[p - 1];
        int from = slotAt[p] << SHIFT;
        System.arraycopy(keys, from, keys, into, sizeAt[p]);
        System.arraycopy(qtys, from, qtys, into, sizeAt[p]);
        sizeAt[p - 1] += sizeAt[p];
        freeSlots[freeCount++] = slotAt[p];
        removeDirectory(p);
    }

    private void split(int p) {
        int slot = takeSlot();
        int from = (slotAt[p] << SHIFT) + HALF;
        int to = slot << SHIFT;
        System.arraycopy(keys, from, keys, to, CHUNK - HALF);
        System.arraycopy(qtys, from, qtys, to, CHUNK - HALF);
        sizeAt[p] = HALF;
        insertDirectory(p + 1, slot, CHUNK - HALF, keys[to]);
    }

    private void insertDirectory(int p, int slot, int n, long firstKey) {
        int tail = chunks - p;
        System.arraycopy(slotAt, p, slotAt, p + 1, tail);
        System.arraycopy(sizeAt, p, sizeAt, p + 1, tail);
        System.arraycopy(firstKeyAt, p, firstKeyAt, p + 1, tail);
        slotAt[p] = slot;
        sizeAt[p] = n;
        firstKeyAt[p] = firstKey;
        chunks++;
    }

    private void removeDirectory(int p) {
        int tail = chunks - p - 1;
        System.arraycopy(slotAt, p + 1, slotAt, p, tail);
        System.arraycopy(sizeAt, p + 1, sizeAt, p, tail);
        System.arraycopy(firstKeyAt, p + 1, firstKeyAt, p, tail);
        chunks--;
    }

    private int takeSlot() {
        if (freeCount == 0) {
            grow();
        }
        return freeSlots[--freeCount];
    }

    /** Doubles the pool; the directory arrays are as long as the pool has slots, so they never overflow. */
    private void grow() {
        int old = slotAt.length;
        int slots = old * 2;
        keys = Arrays.copyOf(keys, slots << SHIFT);
        qtys = Arrays.copyOf(qtys, slots << SHIFT);
        slotAt = Arrays.copyOf(slotAt, slots);
        sizeAt = Arrays.copyOf(sizeAt, slots);
        firstKeyAt = Arrays.copyOf(firstKeyAt, slots);
        freeSlots = Arrays.copyOf(freeSlots, slots);
        for (int s = slots - 1; s >= old; s--) {
            freeSlots[freeCount++] = s;
        }
    }
}
