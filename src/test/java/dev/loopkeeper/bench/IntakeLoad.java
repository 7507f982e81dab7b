package dev.loopkeeper.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** Load on an intake door: closed-loop clients as fast as they can, or an open-loop fixed rate. */
final class IntakeLoad {

    /**
     * What a load produced. tasksExpected counts the successful responses whose case opens a claimable task;
     * tasksUncertain the failed ones that would have: a request the client gave up on (timeout) may still have
     * been stored by the server, so its task may or may not exist.
     */
    record Outcome(int ok, int failed, int tasksExpected, int tasksUncertain, double seconds, Latencies latencies) {

        double perSecond() {
            return ok / seconds;
        }
    }

    private IntakeLoad() {}

    /** N clients, each sending its next response as soon as the previous one is answered. */
    static Outcome closedLoop(IntakeDoor door, NpsResponses responses, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients + 2);
        HttpClient http = IntakeDoor.client(pool);
        Latencies latencies = new Latencies();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger tasks = new AtomicInteger();
        AtomicInteger uncertain = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(CompletableFuture.runAsync(
                    () -> {
                        while (System.nanoTime() < end) {
                            NpsResponses.Response response = responses.next();
                            long sent = System.nanoTime();
                            try {
                                if (door.send(http, responses, response)) {
                                    latencies.record(System.nanoTime() - sent);
                                    ok.incrementAndGet();
                                    if (response.opensTask()) {
                                        tasks.incrementAndGet();
                                    }
                                } else {
                                    failed.incrementAndGet();
                                }
                            } catch (Exception e) {
                                failed.incrementAndGet();
                                if (response.opensTask()) {
                                    uncertain.incrementAndGet();
                                }
                            }
                        }
                    },
                    pool));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        return new Outcome(ok.get(), failed.get(), tasks.get(), uncertain.get(), elapsed, latencies);
    }

    /**
     * A send scheduled every 1/rate seconds whether or not earlier ones are answered; latency counts from the
     * intended send time, so a stalled server shows as queueing rather than as a slower client.
     */
    static Outcome openLoop(IntakeDoor door, NpsResponses responses, int rate, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        HttpClient http = IntakeDoor.client(pool);
        Latencies latencies = new Latencies();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger tasks = new AtomicInteger();
        AtomicInteger uncertain = new AtomicInteger();
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        int total = rate * seconds;
        List<CompletableFuture<Void>> sends = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            NpsResponses.Response response = responses.next();
            sends.add(door.sendAsync(http, responses, response).handle((success, error) -> {
                if (error == null && success) {
                    latencies.record(System.nanoTime() - intended);
                    ok.incrementAndGet();
                    if (response.opensTask()) {
                        tasks.incrementAndGet();
                    }
                } else {
                    failed.incrementAndGet();
                    if (error != null && response.opensTask()) {
                        uncertain.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        return new Outcome(ok.get(), failed.get(), tasks.get(), uncertain.get(), elapsed, latencies);
    }
}
