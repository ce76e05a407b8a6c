package fr.somme.ent.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** REST calls of the set-up and the checks (not of the load, see {@link LoadGenerator}): JSON in, JSON out. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static JsonNode get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET(), 200, url);
    }

    /** The body of a GET answered 200, or null when it answers 404 (a class not known yet, ...). */
    static JsonNode getOrNull(String url, String token) {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                return null;
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " → " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode post(String url, String token, Object body, int expected) {
        return send(request(url, token, body).POST(HttpRequest.BodyPublishers.ofString(write(body))), expected, url);
    }

    static JsonNode put(String url, String token, Object body, int expected) {
        return send(request(url, token, body).PUT(HttpRequest.BodyPublishers.ofString(write(body))), expected, url);
    }

    private static HttpRequest.Builder request(String url, String token, Object body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private static JsonNode send(HttpRequest.Builder request, int expected, String url) {
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(r.request().method() + " " + url + " → " + r.statusCode() + " (expected "
                        + expected + "): " + r.body());
            }
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
