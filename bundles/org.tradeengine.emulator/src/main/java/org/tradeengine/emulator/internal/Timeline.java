// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.emulator.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeengine.emulator.internal.recording.Frame;

/** The scheduler thread: walks the recorded frames at recorded pace divided by the speed factor. */
final class Timeline implements Runnable {

    private static final long MAX_PARK = TimeUnit.MILLISECONDS.toNanos(50);
    private final Logger logger = LoggerFactory.getLogger(Timeline.class);
    private final Engine engine;
    private long failures;

    Timeline(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void run() {
        try {
            while (pass() && engine.endOfPass()) {
                logger.debug("{} timeline starts again", engine.venue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            logger.error("{} timeline stopped by a bug", engine.venue(), e);
        }
    }

    /** @return false when the engine closes during the pass */
    private boolean pass() throws InterruptedException {
        List<Frame> frames = engine.recording().frames();
        int speed = engine.options().speed();
        long anchorWall = System.nanoTime();
        long anchorTs = frames.get(0).tsNanos();
        ReentrantLock lock = engine.lock();
        for (Frame f : frames) {
            long due = anchorWall + Math.max(0, f.tsNanos() - anchorTs) / speed;
            if (!sleepUntil(due)) {
                return false;
            }
            lock.lockInterruptibly();
            try {
                if (engine.awaitRunnable()) {
                    anchorWall = System.nanoTime();
                    anchorTs = f.tsNanos();
                }
                if (engine.isClosing()) {
                    return false;
                }
                process(f);
            } finally {
                lock.unlock();
            }
        }
        return true;
    }

    /** One bad frame must not stop the replay: say what and where once, then keep going. */
    private void process(Frame f) {
        try {
            engine.process(f);
        } catch (RuntimeException e) {
            if (failures++ == 0) {
                logger.warn("{} timeline skipped a {} frame of {} recorded at {} ns: {}", engine.venue(), f.channel(),
                        f.symbol(), f.tsNanos(), e.toString());
            } else {
                logger.debug("{} timeline skipped a {} frame of {}: {}", engine.venue(), f.channel(), f.symbol(),
                        e.toString());
            }
        }
    }

    private boolean sleepUntil(long due) {
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            if (engine.isClosing() || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(left, MAX_PARK));
        }
        return !engine.isClosing();
    }
}
