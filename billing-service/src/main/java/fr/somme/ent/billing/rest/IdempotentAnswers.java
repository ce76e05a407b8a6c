package fr.somme.ent.billing.rest;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fr.somme.ent.billing.service.IdempotentRequests;
import fr.somme.ent.billing.service.IdempotentRequests.Answer;

/** The answers of the money-moving POSTs, honouring the {@code Idempotency-Key} header (see {@link IdempotentRequests}). */
@ApplicationScoped
public class IdempotentAnswers {

    public static final String HEADER = "Idempotency-Key";

    private final IdempotentRequests requests;

    public IdempotentAnswers(IdempotentRequests requests) {
        this.requests = requests;
    }

    /** Runs the use case (or replays the first answer to the same key) and answers with its JSON. */
    Response post(String key, UriInfo uri, Object body, int status, Supplier<Object> useCase) {
        Answer answer = requests.run(key, "POST " + uri.getPath(), body, status, useCase);
        return Response.status(answer.status()).entity(answer.json()).type(MediaType.APPLICATION_JSON).build();
    }
}
