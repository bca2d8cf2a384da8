package io.aiusage.connector.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.aiusage.domain.port.VendorException;
import io.quarkus.logging.Log;

/**
 * Refreshes entries that are still in use before they expire, on virtual threads, one task per run at a time. A
 * failed refresh changes nothing: the entry stays until it expires, and then stale-if-error takes over.
 */
final class BackgroundRefresh {

    private final ExecutorService executor;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    BackgroundRefresh(ExecutorService executor) {
        this.executor = executor;
    }

    /** Starts {@code refresh} unless one with the same key is still running. */
    void submit(String key, Runnable refresh) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (running.putIfAbsent(key, done) != null) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    refresh.run();
                } catch (VendorException e) {
                    Log.debugf("Background refresh of %s failed: %s", key, e.code());
                } catch (RuntimeException e) {
                    Log.warnf("Background refresh of %s failed: %s", key, e.getClass().getSimpleName());
                } finally {
                    running.remove(key, done);
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            running.remove(key, done);
            done.complete(null);
        }
    }

    /** Waits for every refresh started so far. */
    void await() {
        CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new)).join();
    }
}
