package dev.loopkeeper.reporting.ui;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the dashboards' queries away from the screen's request, so that the page, its period picker and the sections
 * already counted answer while a long section still counts (at a million responses a dashboard's figures take
 * seconds). Two at a time per node: they are aggregates over many rows, and more at once would only queue in the
 * database and take the connections intake needs; a full queue is refused rather than left to grow.
 */
@Component
class DashboardQueries implements DisposableBean {

    static final int AT_ONCE = 2;
    static final int WAITING = 200;

    private final ThreadPoolExecutor pool;

    DashboardQueries() {
        AtomicInteger threads = new AtomicInteger();
        pool = new ThreadPoolExecutor(
                AT_ONCE, AT_ONCE, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WAITING), task -> {
                    Thread thread = new Thread(task, "dashboard-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The figures, counted on one of the pool's threads; failed at once when too many wait already. */
    <T> CompletableFuture<T> count(Supplier<T> figures) {
        try {
            return CompletableFuture.supplyAsync(figures, pool);
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.failedFuture(busy);
        }
    }

    /** Whether a query runs or waits. */
    boolean busy() {
        return pool.getActiveCount() > 0 || !pool.getQueue().isEmpty();
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
