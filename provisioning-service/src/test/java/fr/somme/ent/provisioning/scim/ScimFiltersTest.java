package fr.somme.ent.provisioning.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.domain.Directory.Field;
import fr.somme.ent.provisioning.domain.Directory.Filter;
import fr.somme.ent.provisioning.domain.Directory.Operator;

/** SCIM filters, parsed by the SCIM SDK, become a directory filter; what is not supported is invalidFilter / invalidValue. */
class ScimFiltersTest {

    static final Instant SEPT = Instant.parse("2026-09-01T00:00:00Z");

    @Test
    void supportedComparisonsJoinedByAndOrBecomeAFilter() {
        assertEquals(Filter.ALL, ScimFilters.parse(null, ScimFilters.USER));
        assertEquals(Filter.ALL, ScimFilters.parse("  ", ScimFilters.USER));
        assertEquals(new Filter.And(List.of(new Filter.Compare(Field.USER_NAME, Operator.EQUAL, "jean.dupont"),
                new Filter.Compare(Field.LAST_MODIFIED, Operator.AFTER, SEPT))),
                ScimFilters.parse("userName eq \"jean.dupont\" AND meta.lastModified gt \"2026-09-01T00:00:00Z\"", ScimFilters.USER));
        assertEquals(new Filter.Compare(Field.DISPLAY_NAME, Operator.EQUAL, "CM2 A - 0801234A - 2026-2027"),
                ScimFilters.parse("displayName eq \"CM2 A - 0801234A - 2026-2027\"", ScimFilters.GROUP));
        assertEquals(new Filter.Compare(Field.USER_NAME, Operator.EQUAL, "a\"b"),
                ScimFilters.parse("userName eq \"a\\\"b\"", ScimFilters.USER));
        assertEquals(new Filter.Or(List.of(new Filter.Compare(Field.FAMILY_NAME, Operator.CONTAINS, "mor"),
                new Filter.And(List.of(new Filter.Compare(Field.GIVEN_NAME, Operator.STARTS_WITH, "Lé"),
                        new Filter.Present(Field.EXTERNAL_ID))))),
                ScimFilters.parse("name.familyName co \"mor\" or (name.givenName sw \"Lé\" and externalId pr)", ScimFilters.USER));
    }

    @Test
    void attributeNamesIgnoreCaseMayCarryTheirSchemaAndInstantsTakeEveryOrder() {
        assertEquals(new Filter.Compare(Field.USER_NAME, Operator.EQUAL, "x"),
                ScimFilters.parse("USERNAME eq \"x\"", ScimFilters.USER));
        assertEquals(new Filter.Compare(Field.USER_NAME, Operator.STARTS_WITH, "x"),
                ScimFilters.parse("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"x\"", ScimFilters.USER));
        assertEquals(new Filter.Compare(Field.CREATED, Operator.UNTIL, SEPT),
                ScimFilters.parse("meta.created le \"2026-09-01T02:00:00+02:00\"", ScimFilters.USER));
        assertEquals(new Filter.Compare(Field.LAST_MODIFIED, Operator.FROM, SEPT),
                ScimFilters.parse("meta.lastModified ge \"2026-09-01T00:00:00Z\"", ScimFilters.GROUP));
        assertEquals(new Filter.Compare(Field.LAST_MODIFIED, Operator.BEFORE, SEPT),
                ScimFilters.parse("meta.lastModified lt \"2026-09-01T00:00:00Z\"", ScimFilters.GROUP));
    }

    @Test
    void anythingElseIsRefusedInScimTerms() {
        for (String unsupported : List.of("displayName eq \"x\"", "emails co \"x\"", "userName ne \"x\"", "userName ew \"x\"",
                "not (userName eq \"x\")", "emails[type eq \"work\"]", "userName gt \"x\"", "meta.lastModified co \"2026\"",
                "userName eq 5", "userName eq true", "userName eq null",
                "urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq \"x\"", "userName eq", "userName eq \"x",
                "(userName eq \"x\"", "userName eq \"x\" and", "'; DROP TABLE account; --")) {
            assertEquals("invalidFilter", scimType(() -> ScimFilters.parse(unsupported, ScimFilters.USER)), unsupported);
        }
        assertEquals("invalidFilter", scimType(() -> ScimFilters.parse("userName eq \"x\"", ScimFilters.GROUP)));
        assertEquals("invalidValue", scimType(() -> ScimFilters.parse("meta.lastModified gt \"yesterday\"", ScimFilters.GROUP)));
        assertEquals("invalidFilter", scimType(() -> ScimFilters.parse("userName eq \"" + "x".repeat(1000) + "\"", ScimFilters.USER)));
        String many = String.join(" or ", java.util.Collections.nCopies(21, "userName eq \"x\""));
        assertEquals("invalidFilter", scimType(() -> ScimFilters.parse(many, ScimFilters.USER)));
        String twenty = String.join(" or ", java.util.Collections.nCopies(20, "userName eq \"x\""));
        assertEquals(20, ((Filter.Or) ScimFilters.parse(twenty, ScimFilters.USER)).filters().size());
        // deep parentheses within the length limit are parsed, not a stack overflow
        assertEquals(new Filter.Compare(Field.USER_NAME, Operator.EQUAL, "x"),
                ScimFilters.parse("(".repeat(490) + "userName eq \"x\"" + ")".repeat(490), ScimFilters.USER));
    }

    private static String scimType(Runnable parse) {
        ScimException e = assertThrows(ScimException.class, parse::run);
        assertEquals(400, e.status());
        return e.scimType();
    }
}
