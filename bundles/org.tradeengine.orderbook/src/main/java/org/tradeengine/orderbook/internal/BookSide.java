// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.orderbook.internal;

import java.util.Objects;

/**
 * One side of a book. Keys are raw prices for bids and negated raw prices for asks, so the best level is always
 * the largest key. Levels near the top live in a window of {@code width} consecutive keys addressed directly
 * (a ring: key {@code k} always sits in slot {@code k & mask}, so moving the window moves no data), with an
 * occupancy bitmap for ordered walks; every level below the window lives in a {@link ChunkedLevels}.
 *
 * <p>Why: on the bundled Binance futures recording 89 % of level updates land within 4096 ticks of the best
 * and 95 % within 16384; a window update is a couple of array writes, while any sorted structure pays a
 * binary search of thousands of levels (about 40 ns of dependent loads) per update.
 *
 * <p>Invariants: the window covers keys {@code [base, base + width)}; no level exists above it; every level
 * below {@code base} is in the overflow. The window moves up when a level arrives above it and down when the
 * best level sinks into its lowest quarter, each time leaving the best level three quarters up.
 *
 * <p>The window counts raw price units, not ticks, so it needs no assumption about the tick size. For a spec
 * much finer than the venue's prices (the 8-decimal default) most traffic falls into the overflow: still exact,
 * just at the speed of a sorted structure.
 */
final class BookSide {

    private static final long NONE = Long.MIN_VALUE;

    private final int width;
    private final int mask;
    private final int below;
    private final long[] qty;
    private final long[] bits;
    private final ChunkedLevels overflow;
    private long base;
    private int windowCount;
    private long windowBest = NONE;
    private int cursorLevel = -1;
    private long cursorKey;

    /**
     * @param width keys in the window, a power of two of at least 64
     * @param overflowCapacity starting capacity of the overflow in levels
     */
    BookSide(int width, int overflowCapacity) {
        if (width < 64 || Integer.bitCount(width) != 1) {
            throw new IllegalArgumentException("window width must be a power of two >= 64: " + width);
        }
        this.width = width;
        this.mask = width - 1;
        this.below = width - width / 4;
        this.qty = new long[width];
        this.bits = new long[width / 64];
        this.overflow = new ChunkedLevels(overflowCapacity);
    }

    int size() {
        return windowCount + overflow.size();
    }

    /** @return the best (largest) key; only valid when not empty */
    long bestKey() {
        return windowCount > 0 ? windowBest : overflow.bestKey();
    }

    void clear() {
        for (int w = 0; w < bits.length; w++) {
            for (long word = bits[w]; word != 0; word &= word - 1) {
                qty[(w << 6) + Long.numberOfTrailingZeros(word)] = 0;
            }
            bits[w] = 0;
        }
        windowCount = 0;
        windowBest = NONE;
        cursorLevel = -1;
        overflow.clear();
    }

    /**
     * Sets a level to an absolute quantity; 0 deletes it, and deleting a missing level does nothing.
     *
     * @param key the level's key
     * @param q absolute quantity, not negative
     */
    void set(long key, long q) {
        if (((key - base) & ~(long) mask) == 0 && windowCount != 0) {
            setInWindow(key, q);
            return;
        }
        if (q != 0 && size() == 0) {
            base = key - below; // centre an empty side on its first level
        } else if (key >= base + width) {
            if (q == 0) {
                return; // nothing exists above the window
            }
            moveUp(key - below);
        } else if (key < base) {
            overflow.set(key, q);
            return;
        }
        int s = (int) (key & mask);
        if (q != 0) {
            if (qty[s] == 0) {
                bits[s >>> 6] |= 1L << s;
                windowCount++;
                cursorLevel = -1;
                if (key > windowBest) {
                    windowBest = key;
                }
            }
            qty[s] = q;
        } else if (qty[s] != 0) {
            qty[s] = 0;
            bits[s >>> 6] &= ~(1L << s);
            windowCount--;
            cursorLevel = -1;
            if (key == windowBest) {
                windowBest = windowCount > 0 ? highestAtOrBelow(key - 1) : NONE;
                recentreIfBestSank();
            }
        }
    }

    /**
     * The common case, a key inside a non-empty window, without a branch on whether the level appears, changes or
     * goes: on the bundled futures recording 19 % of updates add a level and 17 % delete one, so such branches
     * mispredict (end to end this saved ~3 ns per level update). The occupancy bit, count and best move by
     * arithmetic on the flags; only deleting the best level takes a branch, to find the next one.
     */
    private void setInWindow(long key, long q) {
        int s = (int) (key & mask);
        long old = qty[s];
        qty[s] = q;
        int was = (int) ((old | -old) >>> 63); // quantities are >= 0: 1 if non-zero
        int now = (int) ((q | -q) >>> 63);
        int flip = was ^ now;
        bits[s >>> 6] ^= (long) flip << s;
        windowCount += now - was;
        cursorLevel |= -flip;
        long rise = (key - windowBest) & -(long) now; // windowBest is a real key here, so no overflow
        windowBest += rise & ~(rise >> 63);
        if (q == 0 && key == windowBest) {
            windowBest = windowCount > 0 ? highestAtOrBelow(key - 1) : NONE;
            recentreIfBestSank();
        }
    }

    /** @return the key of level {@code level}, 0 being the best */
    long keyAt(int level) {
        Objects.checkIndex(level, size());
        return level < windowCount ? windowKeyAt(level) : overflow.keyAt(level - windowCount);
    }

    /** @return the quantity of level {@code level}, 0 being the best */
    long qtyAt(int level) {
        Objects.checkIndex(level, size());
        return level < windowCount ? qty[(int) (windowKeyAt(level) & mask)] : overflow.qtyAt(level - windowCount);
    }

    /** Walks down the bitmap from the best level, or from where the last read stopped if that is above. */
    private long windowKeyAt(int level) {
        int at = 0;
        long key = windowBest;
        if (cursorLevel >= 0 && cursorLevel <= level) {
            at = cursorLevel;
            key = cursorKey;
        }
        for (; at < level; at++) {
            key = highestAtOrBelow(key - 1);
        }
        cursorLevel = level;
        cursorKey = key;
        return key;
    }

    /** @return the highest occupied key in {@code [base, key]}, or NONE */
    private long highestAtOrBelow(long key) {
        long k = key;
        while (k >= base) {
            int s = (int) (k & mask);
            int b = s & 63;
            long word = bits[s >>> 6] & (-1L >>> (63 - b));
            if (word != 0) {
                long found = k - (b - (63 - Long.numberOfLeadingZeros(word)));
                return found >= base ? found : NONE;
            }
            k -= b + 1;
        }
        return NONE;
    }

    /** @return the lowest occupied key in {@code [key, limit)}, or NONE; {@code limit <= base + width} */
    private long lowestAtOrAbove(long key, long limit) {
        long k = key;
        while (k < limit) {
            int s = (int) (k & mask);
            int b = s & 63;
            long word = bits[s >>> 6] & (-1L << b);
            if (word != 0) {
                long found = k + (Long.numberOfTrailingZeros(word) - b);
                return found < limit ? found : NONE;
            }
            k += 64 - b;
        }
        return NONE;
    }

    /** Raises the window to start at {@code newBase}, handing the levels it leaves behind to the overflow. */
    private void moveUp(long newBase) {
        long limit = Math.min(newBase, base + width);
        for (long k = lowestAtOrAbove(base, limit); k != NONE; k = lowestAtOrAbove(k + 1, limit)) {
            int s = (int) (k & mask);
            overflow.set(k, qty[s]); // each is above every overflow key: an append to its top chunk
            qty[s] = 0;
            bits[s >>> 6] &= ~(1L << s);
            windowCount--;
        }
        if (windowCount == 0) {
            windowBest = NONE;
        }
        base = newBase;
        cursorLevel = -1;
    }

    /** Lowers the window when its best level sank into the lowest quarter, or left it for the overflow. */
    private void recentreIfBestSank() {
        long top;
        if (windowCount > 0) {
            if (windowBest >= base + width / 4) {
                return;
            }
            top = windowBest;
        } else if (overflow.size() > 0) {
            top = overflow.bestKey();
        } else {
            return;
        }
        long newBase = top - below;
        base = newBase;
        while (overflow.size() > 0 && overflow.bestKey() >= newBase) {
            long k = overflow.bestKey();
            long q = overflow.qtyAt(0);
            overflow.set(k, 0);
            int s = (int) (k & mask);
            qty[s] = q;
            bits[s >>> 6] |= 1L << s;
            windowCount++;
            if (k > windowBest) {
                windowBest = k;
            }
        }
        cursorLevel = -1;
    }

    @Override
    public String toString() {
        return "window [" + base + ", " + (base + width) + ") holds " + windowCount + ", overflow " + overflow.size();
    }
}
