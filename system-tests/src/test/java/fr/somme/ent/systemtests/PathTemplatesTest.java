package fr.somme.ent.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PathTemplatesTest {

    private static final List<String> TEMPLATES = List.of("/members", "/members/{siren}", "/members/{siren}/adhesions",
            "/members/{siren}/adhesions/{id}", "/members/{siren}/adhesions/{id}/charter-signature", "/ops/{id}",
            "/ops/outbox", "/calls/{id}/lines/{line}");

    private static Optional<String> match(String path) {
        return PathTemplates.match(TEMPLATES, path);
    }

    @Test
    void aConcretePathMatchesTheTemplateWithItsVariables() {
        assertEquals(Optional.of("/members/{siren}/adhesions/{id}"),
                match("/members/218000019/adhesions/0b1f0f4e-9c1e-4a5e-9a57-3c1b4fbd6a10"));
        assertEquals(Optional.of("/members/{siren}/adhesions/{id}/charter-signature"),
                match("/members/218000019/adhesions/42/charter-signature"));
        assertEquals(Optional.of("/members"), match("/members"));
        assertEquals(Optional.of("/members/{siren}"), match("/members/not-a-siren"));
    }

    @Test
    void theQueryStringAndFragmentAreIgnored() {
        assertEquals(Optional.of("/members"), match("/members?page=0&size=50"));
        assertEquals(Optional.of("/members/{siren}"), match("/members/218000019#top"));
        assertEquals("/members", PathTemplates.pathOf("/members?x=/y"));
    }

    @Test
    void aLiteralSegmentWinsOverAVariableOne() {
        assertEquals(Optional.of("/ops/outbox"), match("/ops/outbox"));
        assertEquals(Optional.of("/ops/{id}"), match("/ops/outboxes"));
    }

    @Test
    void anEncodedSlashStaysInItsSegment() {
        assertEquals(Optional.of("/members/{siren}"), match("/members/..%2F..%2Fetc%2Fpasswd"));
        assertEquals(Optional.of("/calls/{id}/lines/{line}"), match("/calls/%00/lines/'%20OR%201=1--"));
    }

    @Test
    void aPathOfAnotherShapeMatchesNothing() {
        assertEquals(Optional.empty(), match("/members/218000019/unknown"));
        assertEquals(Optional.empty(), match("/members/"), "an empty segment is no value of a variable");
        assertEquals(Optional.empty(), match("/members//adhesions"));
        assertEquals(Optional.empty(), match("/q/health/ready"));
        assertEquals(Optional.empty(), match("/"));
    }
}
