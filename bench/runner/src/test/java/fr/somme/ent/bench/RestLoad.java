package fr.somme.ent.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Light REST load during a fault: each target is requested at a fixed rate from its own thread; the answers are
 * counted by target and status ("no answer" for a connection refused or a timeout). Only recorded, never a check:
 * what a fault does to the answers while it lasts is a figure, the recovery after it is checked elsewhere.
 */
final class RestLoad implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService threads;

    RestLoad(Map<String, Supplier<HttpRequest>> targets, Duration every) {
        threads = Executors.newScheduledThreadPool(targets.size());
        targets.forEach((name, request) -> threads.scheduleAtFixedRate(() -> {
            String outcome;
            try {
                outcome = String.valueOf(client.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode());
            } catch (IOException e) {
                outcome = "no answer";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            answers.computeIfAbsent(name + " → " + outcome, k -> new AtomicLong()).incrementAndGet();
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** "target → status" → count, sorted. */
    Map<String, Long> answers() {
        Map<String, Long> sorted = new TreeMap<>();
        answers.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
    }
}
