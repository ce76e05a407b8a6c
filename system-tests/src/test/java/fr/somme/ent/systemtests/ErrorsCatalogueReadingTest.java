package fr.somme.ent.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ErrorsCatalogueReadingTest {

    static final String MARKDOWN = """
            # Errors catalogue

            | status | meaning | in general, a client should |
            | --- | --- | --- |
            | 400 | the request cannot be understood | fix the request |

            ## Any service (ent-commons)

            | type | status | when | what the client should do |
            | --- | --- | --- | --- |
            | `validation` | 400 | A field breaks its constraints. | Fix the fields. |
            | `http-<status>` | 4xx, 5xx | Any other HTTP error (e.g. `http-411`). | Act according to the status. |

            ## membership-service

            | type | status | when | what the client should do |
            | --- | --- | --- | --- |
            | `invalid-uai` | 422; 400 *(DLQ)* | A UAI that is not valid. | Correct the UAI. |
            | `wrong-step` | 409 | Not at this step (not 422). | Read the adhesion. |

            ## SCIM errors (provisioning-service, `/scim/v2`)

            | `invalidValue` | 400 | SCIM's own. | Fix. |
            | `uniqueness` | 409 | SCIM's own. | Fix. |
            """;

    private final ErrorsCatalogue catalogue = ErrorsCatalogue.parse(MARKDOWN);

    @Test
    void eachRowGivesItsSlugAndStatusesAndTheScimSectionIsNotRead() {
        assertEquals(Set.of("validation", "http-<status>", "invalid-uai", "wrong-step"), catalogue.slugs());
        assertEquals(Set.of(422, 400), catalogue.statuses("invalid-uai"));
        assertEquals(Set.of(409), catalogue.statuses("wrong-step"), "a status in the text of another column is not read");
        assertEquals(Optional.empty(), catalogue.row("uniqueness"));
    }

    @Test
    void aSlugIsAllowedOnlyWithTheStatusesOfItsRow() {
        assertTrue(catalogue.allows("invalid-uai", 400));
        assertTrue(catalogue.allows("invalid-uai", 422));
        assertFalse(catalogue.allows("invalid-uai", 409));
        assertFalse(catalogue.allows("unknown-slug", 409));
    }

    @Test
    void thePatternRowCoversEachHttpStatusWithItsOwnStatus() {
        assertEquals(Optional.of("http-<status>"), catalogue.row("http-414"));
        assertTrue(catalogue.allows("http-414", 414));
        assertFalse(catalogue.allows("http-414", 400));
        assertFalse(catalogue.allows("http-", 400));
    }

    @Test
    void theSlugIsReadFromTheTypeOfTheSuiteOnly() {
        assertEquals(Optional.of("wrong-step"), ErrorsCatalogue.slug("https://ent.somme-numerique.fr/problems/wrong-step"));
        assertEquals(Optional.empty(), ErrorsCatalogue.slug("about:blank"));
        assertEquals(Optional.empty(), ErrorsCatalogue.slug(ErrorsCatalogue.TYPE_BASE));
        assertEquals(Optional.empty(), ErrorsCatalogue.slug(null));
    }

    @Test
    void genericTypesAndHttpStatusesAreNotRuleSpecific() {
        assertFalse(ErrorsCatalogue.ruleSpecific("validation"));
        assertFalse(ErrorsCatalogue.ruleSpecific("http-431"));
        assertTrue(ErrorsCatalogue.ruleSpecific("wrong-step"));
        assertEquals(Set.of("invalid-uai", "wrong-step"), catalogue.ruleSpecificSlugs());
    }

    @Test
    void theCatalogueOfTheSuiteReads() {
        ErrorsCatalogue real = ErrorsCatalogue.read(ServiceDocument.root().resolve("docs/errors.md"));
        assertEquals(Set.of(400), real.statuses("validation"));
        assertTrue(real.slugs().containsAll(ErrorsCatalogue.GENERIC), "every generic type has its row");
        assertTrue(real.ruleSpecificSlugs().size() > 30, "rule-specific rows: " + real.ruleSpecificSlugs().size());
    }
}
