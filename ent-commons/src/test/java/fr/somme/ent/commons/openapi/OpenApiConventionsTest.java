package fr.somme.ent.commons.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.problem.Problem;

class OpenApiConventionsTest {

    private static final String BASE = Problem.TYPE_BASE;

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Operation post() {
        Schema body = OASFactory.createSchema().ref("#/components/schemas/SignRequest");
        return OASFactory.createOperation().operationId("signAdhesion").summary("Sign")
                .addParameter(OASFactory.createParameter().name("siren").in(Parameter.In.PATH).schema(string()))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer", List.of("member-agent")))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(body))))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("signed").content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/SignRequest"))))));
    }

    private static OpenAPI document(Operation op) {
        Schema request = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("label", string().pattern("\\S").maxLength(100))
                .addProperty("price", string().pattern("^[0-9]{1,8}\\.[0-9]{2}$"))
                .addProperty("uai", string())
                .required(List.of("label", "price", "uai"));
        return OASFactory.createOpenAPI().info(OASFactory.createInfo().title("t").version("1"))
                .components(OASFactory.createComponents().addSchema("SignRequest", request)
                        .addSchema("PageOf", OASFactory.createSchema().addType(SchemaType.OBJECT))
                        .addSecurityScheme("bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT").description("OIDC access token")))
                .paths(OASFactory.createPaths().addPathItem("/members/{siren}/adhesions",
                        OASFactory.createPathItem().POST(op)));
    }

    private static MediaType problem(Operation op, String code) {
        return op.getResponses().getAPIResponse(code).getContent().getMediaType(Problem.MEDIA_TYPE);
    }

    @Test
    void withoutTheExtensionAnOperationGetsTheGenericProblemsWithOneExample() {
        Operation op = post();
        new OpenApiConventions().filterOpenAPI(document(op));

        assertEquals(List.of("200", "400", "401", "403", "404", "406", "409", "413", "415", "500", "503"),
                List.copyOf(op.getResponses().getAPIResponses().keySet()));
        MediaType conflict = problem(op, "409");
        assertEquals(BASE + "concurrent-modification", ((Map<?, ?>) conflict.getExample()).get("type"));
        assertTrue(conflict.getExamples() == null || conflict.getExamples().isEmpty());
        assertNull(op.getResponses().getAPIResponse("422"));
    }

    @Test
    void xEntProblemsAddsTheResponsesAndOneNamedExamplePerTypeNextToTheGenericOne() {
        Operation op = post().addExtension("x-ent-problems", "409 adhesion-already-signed, 409 wrong-step,422 reason-required");
        new OpenApiConventions().filterOpenAPI(document(op));

        MediaType conflict = problem(op, "409");
        assertNull(conflict.getExample(), "example and examples are not allowed together");
        assertEquals(List.of("concurrent-modification", "adhesion-already-signed", "wrong-step"),
                List.copyOf(conflict.getExamples().keySet()));
        assertEquals(Map.of("type", BASE + "wrong-step", "title", "Conflict", "status", 409),
                conflict.getExamples().get("wrong-step").getValue());
        assertEquals("wrong step", conflict.getExamples().get("wrong-step").getSummary());

        MediaType rule = problem(op, "422");
        assertEquals(List.of("reason-required"), List.copyOf(rule.getExamples().keySet()));
        assertEquals(Map.of("type", BASE + "reason-required", "title", "Rule not satisfied", "status", 422),
                rule.getExamples().get("reason-required").getValue());
        assertNull(rule.getExample());
        assertTrue(op.getResponses().getAPIResponse("422").getDescription().contains("`reason-required`"));
        assertEquals("409 adhesion-already-signed, 409 wrong-step,422 reason-required", op.getExtensions().get("x-ent-problems"));
    }

    @Test
    void xEntProblemsKeepsWhatTheOperationDeclaredItself() {
        Operation op = post().addExtension("x-ent-problems", "422 reason-required");
        op.getResponses().addAPIResponse("422", OASFactory.createAPIResponse().description("a rule of the charter")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .addExample("own", OASFactory.createExample().value(Map.of("type", BASE + "own-rule"))))));
        new OpenApiConventions().filterOpenAPI(document(op));

        assertEquals("a rule of the charter", op.getResponses().getAPIResponse("422").getDescription());
        assertEquals(List.of("own", "reason-required"), List.copyOf(problem(op, "422").getExamples().keySet()));
    }

    @Test
    void aMalformedXEntProblemsFailsTheBuildWithTheOperationNamed() {
        Operation op = post().addExtension("x-ent-problems", "409wrong-step");
        OpenAPI doc = document(op);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OpenApiConventions().filterOpenAPI(doc));
        assertTrue(e.getMessage().contains("signAdhesion"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProblemResponses.listed(post().addExtension("x-ent-problems", "200 ok")));
        assertThrows(IllegalArgumentException.class, () -> ProblemResponses.listed(post().addExtension("x-ent-problems", "409 Wrong")));
        assertEquals(Map.of("409", List.of("a")), ProblemResponses.listed(post().addExtension("x-ent-problems", "409 a, 409 a")));
    }

    @Test
    void theDocumentHasAContactAServerAndAnOAuth2SchemeWhoseScopesAreTheRolesUsed() {
        Operation op = post();
        OpenAPI doc = document(op);
        new OpenApiConventions().filterOpenAPI(doc);

        assertNotNull(doc.getInfo().getContact().getName());
        assertEquals("/", doc.getServers().get(0).getUrl());
        SecurityScheme scheme = doc.getComponents().getSecuritySchemes().get("bearer");
        assertEquals(SecurityScheme.Type.OAUTH2, scheme.getType());
        assertNull(scheme.getBearerFormat());
        assertEquals(Map.of("member-agent", "realm role `member-agent`"), scheme.getFlows().getClientCredentials().getScopes());
        assertEquals(List.of("member-agent"), op.getSecurity().get(0).getScheme("bearer"));
        assertTrue(scheme.getFlows().getAuthorizationCode().getAuthorizationUrl().endsWith("/auth"));
    }

    @Test
    void identifiersReferToTheirSchemaUnusedSchemasGoAndEveryExampleHasTheRequiredProperties() {
        Operation op = post().addParameter(OASFactory.createParameter().name("size").in(Parameter.In.QUERY)
                .schema(OASFactory.createSchema().addType(SchemaType.INTEGER).minimum(java.math.BigDecimal.TEN)))
                .addParameter(OASFactory.createParameter().name("topic").in(Parameter.In.PATH)
                        .schema(string().pattern("[a-z0-9][a-z0-9._-]{0,120}")))
                .addParameter(OASFactory.createParameter().name("code").in(Parameter.In.QUERY)
                        .schema(string().pattern("[0-9A-Z-]{2,16}")));
        OpenAPI doc = document(op);
        new OpenApiConventions().filterOpenAPI(doc);

        Parameter siren = op.getParameters().get(0);
        assertEquals("#/components/schemas/Siren", siren.getSchema().getRef());
        assertEquals("218000198", siren.getExample());
        assertEquals(BigInteger.TEN, op.getParameters().get(1).getExample());
        assertEquals("texte", op.getParameters().get(2).getExample());
        assertEquals("11", op.getParameters().get(3).getExample());
        Map<String, Schema> schemas = doc.getComponents().getSchemas();
        assertTrue(schemas.containsKey("Siren") && schemas.containsKey("Uai") && schemas.containsKey("ProblemFieldError"));
        assertFalse(schemas.containsKey("PageOf") || schemas.containsKey("Siret"), schemas.keySet().toString());
        Map<?, ?> example = (Map<?, ?>) op.getRequestBody().getContent().getMediaType("application/json").getExample();
        assertEquals(Map.of("label", "texte", "price", "1.11", "uai", "0801234G"), example);
    }

    @Test
    void aPatternGivesAMatchingExampleOrNone() {
        assertEquals("texte", PatternExamples.of("\\S", null, null).orElseThrow());
        assertEquals("1.11", PatternExamples.of("^[0-9]{1,8}\\.[0-9]{2}$", null, null).orElseThrow());
        assertEquals("A", PatternExamples.of("^\\s*[A-Z]+\\s*$", null, 16).orElseThrow());
        assertEquals("ab-1", PatternExamples.of("^ab-\\d$", 1, 4).orElseThrow());
        assertEquals("SAML2", PatternExamples.of("^(SAML2|OIDC|CAS)$", null, null).orElseThrow());
        assertTrue(PatternExamples.of("^(a|b)c(d)$", null, null).isEmpty());
        assertTrue(PatternExamples.of("[", null, null).isEmpty());
        assertTrue(PatternExamples.of("^[^a]$", null, null).isEmpty());
        assertTrue(PatternExamples.of("^\\d{3}$", null, 2).isEmpty());
        assertEquals("x", PatternExamples.built("^.$"));
        assertEquals("", PatternExamples.built("^a?b*$"));
    }

    @Test
    void aReadWithoutParametersMayAnswer406ButNeither404Nor413() {
        Operation op = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("ok")));
        OpenAPI doc = document(post());
        doc.getPaths().addPathItem("/reports", OASFactory.createPathItem().GET(op));
        new OpenApiConventions().filterOpenAPI(doc);

        assertTrue(op.getResponses().getAPIResponses().containsKey("406"));
        assertNull(op.getResponses().getAPIResponse("404"));
        assertNull(op.getResponses().getAPIResponse("413"));
        assertNull(op.getResponses().getAPIResponse("409"));
    }
}
