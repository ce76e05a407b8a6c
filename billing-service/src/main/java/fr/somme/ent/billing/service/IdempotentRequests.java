package fr.somme.ent.billing.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.billing.domain.IdempotentRequest;
import fr.somme.ent.billing.repository.IdempotencyRepository;
import fr.somme.ent.commons.security.CallerScope;

/**
 * Idempotency-Key on the money-moving requests: the key (per caller) is claimed, the use case runs and its answer is
 * stored in one transaction, so a request is applied once: the same key with the same request (method, path, body)
 * gets the first answer again (status and body) without running anything; with another request, 422
 * {@code idempotency-key-reused}. A request that fails (refused, invalid) leaves no key behind: its retry runs again.
 * Without a key, the use case simply runs.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** The answer to send: its HTTP status and its JSON body. */
    public record Answer(int status, String json) {
    }

    private final IdempotencyRepository keys;
    private final CallerScope caller;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotentRequests(IdempotencyRepository keys, CallerScope caller, ObjectMapper json, Clock clock) {
        this.keys = keys;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param key     the Idempotency-Key header (null: no key)
     * @param request the method and path of the request
     * @param body    the request's body as read (serialised again to compare requests), may be null
     * @param status  the status of a first answer
     * @param useCase what the request does; its result is the body of the answer
     */
    @Transactional
    public Answer run(String key, String request, Object body, int status, Supplier<Object> useCase) {
        if (key == null) {
            return new Answer(status, write(useCase.get()));
        }
        IdempotentRequest.validKey(key);
        String hash = hash(request + "\n" + write(body));
        String actor = caller.actor();
        if (!keys.claim(actor, key, hash, clock.instant())) {
            Optional<IdempotentRequest> first = keys.answered(actor, key);
            IdempotentRequest replay = first.orElseThrow(() -> new IllegalStateException("key vanished: " + key))
                    .replayFor(hash);
            return new Answer(replay.status(), replay.body());
        }
        Answer answer = new Answer(status, write(useCase.get()));
        keys.answer(actor, key, answer.status(), answer.json());
        return answer;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
