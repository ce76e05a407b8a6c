package fr.somme.ent.provisioning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.domain.LicenceRule.CatalogueEntry;
import fr.somme.ent.provisioning.domain.LicenceRule.Order;
import fr.somme.ent.provisioning.domain.LicenceRule.Skipped;

/** Rule 10 (art. 2) and rule 17 (art. 4.3). */
class LicenceRuleTest {

    static final Map<String, CatalogueEntry> CATALOGUE = Map.of(
            "LIRE", new CatalogueEntry("LIRE", new BigDecimal("12.50"), true),
            "MATHS", new CatalogueEntry("MATHS", new BigDecimal("3.00"), false));

    @Test
    void licencePerStudentForEachRequestedCatalogueResourceNotOptedOut() {
        var ecole = LicenceRule.licencePerStudentForEachRequestedCatalogueResourceNotOptedOut(List.of("LIRE", "MATHS", "AUTRE", "LIRE"),
                CATALOGUE, SchoolLevel.ECOLE, Set.of(), 24);
        assertEquals(List.of(new Order("LIRE", 24, new BigDecimal("12.50")), new Order("MATHS", 24, new BigDecimal("3.00"))),
                ecole.orders());
        assertEquals(List.of(new Skipped("AUTRE", "not-in-catalogue")), ecole.skipped());
    }

    @Test
    void collegesGetOnlyResourcesValidatedByTheDepartement() {
        var college = LicenceRule.licencePerStudentForEachRequestedCatalogueResourceNotOptedOut(List.of("LIRE", "MATHS"), CATALOGUE,
                SchoolLevel.COLLEGE, Set.of(), 30);
        assertEquals(List.of(new Order("LIRE", 30, new BigDecimal("12.50"))), college.orders());
        assertEquals(List.of(new Skipped("MATHS", "not-validated-by-departement")), college.skipped());
    }

    @Test
    void optedOutComponentsAreNotOrdered() {
        var college = LicenceRule.licencePerStudentForEachRequestedCatalogueResourceNotOptedOut(List.of("LIRE"), CATALOGUE,
                SchoolLevel.COLLEGE, Set.of("LIRE"), 30);
        assertEquals(List.of(), college.orders());
        assertEquals(List.of(new Skipped("LIRE", "component-opted-out")), college.skipped());
    }

    @Test
    void aClassWithoutStudentsGetsNoLicenceAndOneStudentGetsOne() {
        var none = LicenceRule.licencePerStudentForEachRequestedCatalogueResourceNotOptedOut(List.of("LIRE"), CATALOGUE,
                SchoolLevel.ECOLE, Set.of(), 0);
        assertEquals(List.of(), none.orders());
        assertEquals(List.of(new Skipped("LIRE", "no-students")), none.skipped());
        assertEquals(List.of(new Order("LIRE", 1, new BigDecimal("12.50"))), LicenceRule
                .licencePerStudentForEachRequestedCatalogueResourceNotOptedOut(List.of("LIRE"), CATALOGUE, SchoolLevel.ECOLE,
                        Set.of(), 1).orders());
    }

    @Test
    void anEcoleDoesNotNeedTheDepartementsValidationButItsOptOutsApply() {
        var ecole = LicenceRule.licencePerStudentForEachRequestedCatalogueResourceNotOptedOut(List.of("MATHS", "LIRE"), CATALOGUE,
                SchoolLevel.ECOLE, Set.of("LIRE"), 20);
        assertEquals(List.of(new Order("MATHS", 20, new BigDecimal("3.00"))), ecole.orders());
        assertEquals(List.of(new Skipped("LIRE", "component-opted-out")), ecole.skipped());
    }
}
