package fr.somme.ent.provisioning.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.domain.Directory.Filter;

/** SCIM filters become a typed filter; what is not supported is invalidFilter / invalidValue. */
class ScimFiltersTest {

    @Test
    void supportedTermsJoinedByAndBecomeAFilter() {
        assertEquals(Filter.ALL, ScimFilters.parse(null, ScimFilters.USER));
        assertEquals(new Filter(List.of("jean.dupont"), List.of(Instant.parse("2026-09-01T00:00:00Z"))),
                ScimFilters.parse("userName eq \"jean.dupont\" AND meta.lastModified gt \"2026-09-01T00:00:00Z\"",
                        ScimFilters.USER));
        assertEquals(new Filter(List.of("CM2 A - 0801234A - 2026-2027"), List.of()),
                ScimFilters.parse("displayName eq \"CM2 A - 0801234A - 2026-2027\"", ScimFilters.GROUP));
        assertEquals(new Filter(List.of("a\"b"), List.of()), ScimFilters.parse("userName eq \"a\\\"b\"", ScimFilters.USER));
    }

    @Test
    void anythingElseIsRefusedInScimTerms() {
        assertEquals("invalidFilter", scimType(() -> ScimFilters.parse("displayName eq \"x\"", ScimFilters.USER)));
        assertEquals("invalidFilter", scimType(() -> ScimFilters.parse("userName co \"x\"", ScimFilters.USER)));
        assertEquals("invalidFilter", scimType(() -> ScimFilters.parse("userName eq \"x\" or userName eq \"y\"", ScimFilters.USER)));
        assertEquals("invalidValue", scimType(() -> ScimFilters.parse("meta.lastModified gt \"yesterday\"", ScimFilters.GROUP)));
    }

    private static String scimType(Runnable parse) {
        ScimException e = assertThrows(ScimException.class, parse::run);
        return e.scimType();
    }
}
