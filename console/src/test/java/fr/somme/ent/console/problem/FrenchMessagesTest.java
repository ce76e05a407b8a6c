package fr.somme.ent.console.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.somme.ent.console.api.Api;
import fr.somme.ent.console.api.ApiProblem;

class FrenchMessagesTest {

    @Test
    void a_rule_refusal_is_told_by_its_type_in_french() {
        ApiProblem p = Api.parse(422, """
                {"type":"https://ent.somme-numerique.fr/problems/reason-required","title":"Rule not satisfied","status":422,
                 "detail":"a reason is required to reject or ask for changes"}""");
        assertEquals("reason-required", p.slug());
        assertEquals("Un motif est obligatoire pour refuser un projet ou demander des modifications.", FrenchMessages.message(p));
        assertEquals(Map.of("reason", "Indiquez le motif."), FrenchMessages.fieldErrors(p));
    }

    @Test
    void validation_errors_are_shown_next_to_their_field_never_in_the_services_english() {
        ApiProblem p = Api.parse(400, """
                {"type":"https://ent.somme-numerique.fr/problems/validation","status":400,"detail":"the request has 2 invalid field(s)",
                 "errors":[{"field":"classLabel","message":"must not be blank"},
                           {"field":"schools[3].uai","message":"must match \\"[0-9]{7}[A-Z]\\""}]}""");
        Map<String, String> fields = FrenchMessages.fieldErrors(p);
        assertEquals("Ce champ est obligatoire.", fields.get("classLabel"));
        assertEquals("Ce champ n'a pas le format attendu.", fields.get("uai"));
        assertEquals("Certains champs sont incorrects : corrigez-les puis envoyez à nouveau.", FrenchMessages.message(p));
        fields.values().forEach(m -> assertFalse(m.contains("must"), m));
    }

    @Test
    void an_unknown_type_falls_back_on_the_status_then_on_a_generic_sentence() {
        assertEquals("Votre rôle ne permet pas cette opération.",
                FrenchMessages.message(new ApiProblem(403, "something-new", null, List.of())));
        assertEquals("Cet élément n'existe pas ou ne relève pas de votre périmètre.",
                FrenchMessages.message(new ApiProblem(404, null, null, List.of())));
        assertEquals(FrenchMessages.GENERIC, FrenchMessages.message(new ApiProblem(500, "boom", "NullPointerException", List.of())));
        assertTrue(FrenchMessages.message(new ApiProblem(418, null, null, List.of())).startsWith("La demande a été refusée"));
    }

    @Test
    void a_service_that_cannot_be_reached_is_said_so_plainly() {
        assertEquals("Le service est momentanément indisponible. Réessayez dans quelques instants.",
                FrenchMessages.message(ApiProblem.unreachable("Connection refused")));
    }

    @Test
    void a_body_that_is_not_a_problem_still_gives_a_sentence_by_status() {
        ApiProblem p = Api.parse(409, "<html>proxy error</html>");
        assertEquals(409, p.status());
        assertEquals("Cette opération entre en conflit avec l'état actuel : rechargez la page.", FrenchMessages.message(p));
        assertTrue(FrenchMessages.fieldErrors(p).isEmpty());
    }

    @Test
    void the_slug_is_the_last_segment_of_the_problem_type() {
        assertEquals("invalid-transition", ApiProblem.slugOf("https://ent.somme-numerique.fr/problems/invalid-transition"));
        assertEquals(null, ApiProblem.slugOf("about:blank"));
        assertEquals(null, ApiProblem.slugOf(null));
    }
}
