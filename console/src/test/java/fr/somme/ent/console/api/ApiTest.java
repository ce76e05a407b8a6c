package fr.somme.ent.console.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ApiTest {

    private static JsonNode json(String text) throws Exception {
        return Api.mapper().readTree(text);
    }

    @Test
    void a_list_is_read_from_a_bare_array_or_from_the_paged_envelope() throws Exception {
        JsonNode bare = json("[{\"id\":\"a\"},{\"id\":\"b\"}]");
        JsonNode envelope = json("{\"items\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"page\":0,\"size\":2,\"total\":7}");
        assertEquals(2, Api.items(bare).size());
        assertEquals("b", Api.items(envelope).get(1).get("id"));
        assertEquals(2, Api.total(bare));
        assertEquals(7, Api.total(envelope));
        assertEquals(0, Api.items(json("{\"unexpected\":true}")).size());
    }

    @Test
    void a_service_that_cannot_be_reached_is_a_problem_of_status_zero() {
        ApiException e = assertThrows(ApiException.class, () -> Api.json(() -> {
            throw new ProcessingException("Connection refused");
        }));
        assertEquals(0, e.problem().status());
        assertEquals(ApiProblem.UNREACHABLE, e.problem().slug());
    }

    @Test
    void a_refusal_thrown_by_the_rest_clients_default_mapper_is_still_a_problem_with_its_status() {
        ApiException e = assertThrows(ApiException.class, () -> Api.json(() -> {
            throw new WebApplicationException(Response.status(409).build());
        }));
        assertEquals(409, e.problem().status());
    }
}
