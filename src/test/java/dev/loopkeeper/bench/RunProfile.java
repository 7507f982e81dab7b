package dev.loopkeeper.bench;

import dev.loopkeeper.StatementCounter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the time of a run went: SQL statements the app sent (all threads, job executor included), InnoDB row
 * lock waits on the server, GC pauses and CPU of this JVM.
 */
final class RunProfile {

    record Profiled<T>(T result, Map<String, Object> profile) {}

    private RunProfile() {}

    static <T> Profiled<T> of(JdbcTemplate jdbc, Callable<T> work) throws Exception {
        long lockWaits = status(jdbc, "Innodb_row_lock_waits");
        long lockMillis = status(jdbc, "Innodb_row_lock_time");
        long gcMillis = gcMillis();
        long gcCount = gcCount();
        long cpu = cpuNanos();
        Object[] result = new Object[1];
        int statements = StatementCounter.statementsOf(() -> {
            try {
                result[0] = work.call();
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("sqlStatements", statements);
        profile.put("rowLockWaits", status(jdbc, "Innodb_row_lock_waits") - lockWaits);
        profile.put("rowLockWaitMillis", status(jdbc, "Innodb_row_lock_time") - lockMillis);
        profile.put("gcCollections", gcCount() - gcCount);
        profile.put("gcMillis", gcMillis() - gcMillis);
        profile.put("jvmCpuSeconds", (cpuNanos() - cpu) / 1e9);
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return new Profiled<>(typed, profile);
    }

    private static long status(JdbcTemplate jdbc, String variable) {
        return Optional.ofNullable(jdbc.query(
                        "show global status like '" + variable + "'", rs -> rs.next() ? rs.getLong(2) : null))
                .orElse(0L);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    /** Heap in use after the collector has had its chance, in MiB. */
    static double heapAfterGcMiB() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
