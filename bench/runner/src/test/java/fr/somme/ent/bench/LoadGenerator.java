package fr.somme.ent.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load in plain Java (no external tool): {@code connections} client threads, each with its own
 * HttpClient (one keep-alive HTTP/1.1 connection) sending the next GET as soon as the previous answer is read, for a
 * fixed duration after a warm-up. Every latency is recorded (sorted array, exact percentiles); any answer but 200
 * counts as an error.
 */
final class LoadGenerator {

    /** What a load measured. */
    record Result(long requests, long errors, double seconds, long p50, long p99, long max, String firstError) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private final int connections;

    LoadGenerator(int connections) {
        this.connections = connections;
    }

    Result run(String url, String token, Duration warmup, Duration duration) {
        load(url, token, warmup);
        return load(url, token, duration);
    }

    private Result load(String url, String token, Duration duration) {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            Future<?>[] futures = new Future<?>[connections];
            long[][] latencies = new long[connections][];
            int[] counts = new int[connections];
            for (int t = 0; t < connections; t++) {
                int slot = t;
                futures[t] = pool.submit(() -> {
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5)).build();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30)).GET().build();
                    long[] mine = new long[4096];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                        } catch (IOException e) {
                            status = -1;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        long took = System.nanoTime() - t0;
                        if (status != 200) {
                            if (errors.getAndIncrement() == 0) {
                                firstError[0] = "HTTP " + status;
                            }
                            continue;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                    }
                    latencies[slot] = mine;
                    counts[slot] = n;
                });
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int total = Arrays.stream(counts).sum();
            long[] all = new long[total];
            int at = 0;
            for (int t = 0; t < connections; t++) {
                System.arraycopy(latencies[t], 0, all, at, counts[t]);
                at += counts[t];
            }
            Arrays.sort(all);
            return new Result(total, errors.get(), seconds, Report.quantile(all, 0.50), Report.quantile(all, 0.99),
                    total == 0 ? 0 : all[total - 1], firstError[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("load on " + url + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
