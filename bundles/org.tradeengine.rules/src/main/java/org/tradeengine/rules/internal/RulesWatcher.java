// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the folders of the rules folder on one thread, {@value #THREAD}, and reports changed files once
 * they have been quiet for the debounce time: an editor's save (often several events, or a temp file renamed
 * over the original) becomes one report. Also watches the rules folder itself, so a folder created or deleted
 * later is noticed.
 */
final class RulesWatcher implements AutoCloseable {

    static final String THREAD = "rules-watcher";

    private final Logger logger = LoggerFactory.getLogger(RulesWatcher.class);
    private final Path root;
    private final Map<String, String> suffixes;
    private final long debounceNanos;
    private final Listener listener;
    private final WatchService watchService;
    /** Key → watched folder name; the rules folder itself is "". */
    private final Map<WatchKey, String> keys = new ConcurrentHashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD);
        t.setDaemon(true);
        return t;
    });

    /** Receives the changes. */
    @FunctionalInterface
    interface Listener {

        /**
         * Called on the watcher thread with the changes of one quiet period.
         *
         * @param changes folder name → changed file names relative to the rules folder ({@code entry/imbalance.drl});
         *     the folder name with a slash ({@code entry/}) means "anything in it may have changed"
         */
        void onChanges(Map<String, Set<String>> changes);
    }

    /**
     * Starts watching.
     *
     * @param root the rules folder
     * @param suffixes watched folder name → suffix of the files that count in it ({@code entry} → {@code .drl})
     * @param debounce quiet time before a change is reported
     * @param listener receives the changes
     * @throws IOException if the rules folder cannot be watched (e.g. it does not exist)
     */
    RulesWatcher(Path root, Map<String, String> suffixes, Duration debounce, Listener listener) throws IOException {
        this.root = root;
        this.suffixes = Map.copyOf(suffixes);
        this.debounceNanos = debounce.toNanos();
        this.listener = listener;
        this.watchService = root.getFileSystem().newWatchService();
        try {
            keys.put(root.register(watchService, ENTRY_CREATE, ENTRY_DELETE), "");
            for (String folder : suffixes.keySet()) {
                register(folder);
            }
        } catch (IOException e) {
            watchService.close();
            throw e;
        }
        thread.execute(this::run);
    }

    private void register(String folder) throws IOException {
        Path dir = root.resolve(folder);
        if (Files.isDirectory(dir)) {
            keys.put(dir.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), folder);
        }
    }

    private void run() {
        Map<String, Set<String>> pending = new TreeMap<>();
        long deadline = 0;
        while (true) {
            WatchKey key;
            try {
                long wait = deadline - System.nanoTime();
                key = pending.isEmpty() ? watchService.take() : wait > 0 ? watchService.poll(wait, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            if (key != null) {
                collect(key, pending);
                deadline = System.nanoTime() + debounceNanos;
            } else {
                report(pending);
                pending = new TreeMap<>();
            }
        }
    }

    private void collect(WatchKey key, Map<String, Set<String>> pending) {
        String folder = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || folder == null) {
                suffixes.keySet().forEach(f -> add(pending, f, f + "/"));
                continue;
            }
            String name = ((Path) event.context()).getFileName().toString();
            if (folder.isEmpty()) {
                folderEvent(event, name, pending);
            } else if (SourceFile.isCandidateName(name, suffixes.get(folder))) {
                add(pending, folder, folder + "/" + name);
            }
        }
        // a key that is not reset never reports again; an invalid one belongs to a deleted folder
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    private void folderEvent(WatchEvent<?> event, String name, Map<String, Set<String>> pending) {
        if (!suffixes.containsKey(name)) {
            return;
        }
        if (event.kind() == ENTRY_CREATE) {
            try {
                register(name);
            } catch (IOException e) {
                logger.warn("Cannot watch the new rules folder {}: {}", root.resolve(name), e.toString());
            }
        }
        add(pending, name, name + "/");
    }

    private static void add(Map<String, Set<String>> pending, String folder, String file) {
        pending.computeIfAbsent(folder, f -> new TreeSet<>()).add(file);
    }

    private void report(Map<String, Set<String>> changes) {
        try {
            listener.onChanges(changes);
        } catch (RuntimeException e) {
            logger.error("Rule reload after a file change failed unexpectedly; watching goes on", e);
        }
    }

    /** Stops the thread, after the reload it may be running. */
    @Override
    public void close() {
        try {
            watchService.close();
        } catch (IOException e) {
            logger.debug("Closing the rules watch service: {}", e.toString());
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
