package fr.somme.ent.provisioning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.rules.Rejection;

/** The values of the domain: who gets an account under which login base, names, resources, prices, groups. */
class ValuesTest {

    @Test
    void theTeachersLoginComesFromTheTeacherIdAndItsExternalIdIsTheTeachersSubjectElseTheTeacherId() {
        Person named = Person.teacher("Marie.Durand-Lefèvre", "5b8f0c1e-2d3a-4c5b-9e6f-7a8b9c0d1e2f");
        assertEquals(new Person(AccountRole.TEACHER, "marie.durandlefevre", null, null, "5b8f0c1e-2d3a-4c5b-9e6f-7a8b9c0d1e2f"),
                named);
        assertEquals(new Person(AccountRole.TEACHER, "enseignant.t4521", null, null, "T4521"), Person.teacher("T4521", null),
                "a project written before subjects were recorded: the user name");
    }

    @Test
    void aStudentIsNamedAndAnAnonymousSeatLogsInAsEleveDotTheSchoolsUai() {
        assertEquals(new Person(AccountRole.STUDENT, "emile.durand", "Durand", "Émile", null), Person.student("Émile", "Durand"));
        assertEquals(new Person(AccountRole.STUDENT, "eleve.0801234a", null, null, null), Person.anonymousSeat("0801234A"));
    }

    @Test
    void anAccountOpensPendingActivationWithThePersonsRoleNamesAndExternalId() {
        UUID project = UUID.randomUUID();
        Instant now = Instant.parse("2026-10-05T08:00:00Z");
        Account teacher = Account.open("marie.durand2", project, "218000198", Person.teacher("marie.durand", null), now);
        assertEquals("marie.durand2", teacher.login());
        assertEquals(project, teacher.projectId());
        assertEquals("218000198", teacher.memberId());
        assertEquals(AccountRole.TEACHER, teacher.role());
        assertEquals(AccountState.PENDING_ACTIVATION, teacher.state());
        assertEquals("marie.durand", teacher.externalId());
        assertEquals(now, teacher.createdAt());
        assertEquals(now, teacher.lastModified());
        Account student = Account.open("emile.durand", project, "218000198", Person.student("Émile", "Durand"), now);
        assertEquals(AccountRole.STUDENT, student.role());
        assertEquals("Durand", student.lastName());
        assertEquals("Émile", student.firstName());
        assertEquals(null, student.externalId());
        assertFalse(student.isAnonymousSeatOf(project), "a named student is not a seat");
        assertFalse(teacher.isAnonymousSeatOf(project), "nor is a teacher");
        assertTrue(!teacher.id().equals(student.id()), "each account its own id");
    }

    @Test
    void namesHaveAtMostAHundredCharactersAndRostersAtMostAHundredLines() {
        String hundred = "A".repeat(100);
        assertEquals(new PersonName(hundred, "Jean"), PersonName.validated(new PersonName(hundred, " Jean ")));
        assertEquals("roster-line", assertThrows(Rejection.class,
                () -> PersonName.validated(new PersonName(hundred + "B", "Jean"))).slug());
        assertEquals("roster-line", assertThrows(Rejection.class, () -> PersonName.validated(new PersonName("Dupont", " "))).slug());
        assertEquals("roster-line", assertThrows(Rejection.class, () -> PersonName.validated(new PersonName(null, "Jean"))).slug());
        assertEquals(Rejection.Kind.INVALID_INPUT,
                assertThrows(Rejection.class, () -> PersonName.validated(new PersonName("Dupont", null))).kind());

        List<PersonName> full = new ArrayList<>(Collections.nCopies(100, new PersonName("Dupont", "Jean")));
        assertEquals(100, PersonName.roster(full).size());
        full.add(new PersonName("Dupont", "Jean"));
        assertEquals("roster-size", assertThrows(Rejection.class, () -> PersonName.roster(full)).slug());
        assertEquals("roster-line", assertThrows(Rejection.class,
                () -> PersonName.roster(List.of(new PersonName("Dupont", hundred + "B")))).slug());
        List<PersonName> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals("line 1: last name and first name are required (at most 100 characters)",
                assertThrows(Rejection.class, () -> PersonName.roster(withNull)).reason());
    }

    @Test
    void aResourceHasACodeOfTheCatalogueAndPricesForSchoolYears() {
        Resource r = new Resource("LIRE-CM_2", "Lire", "Éditions X", "SAML2", true,
                List.of(new Resource.Price("2026-2027", new BigDecimal("12.50"))));
        assertEquals(List.of(new Resource.Price("2026-2027", new BigDecimal("12.50"))), r.prices());
        assertEquals("LIRE-CM_2", new Resource("LIRE-CM_2", "t", "s", "OIDC", false, List.of()).code());
        for (String bad : List.of("L", "lire", "-LIRE", "ACCOUNTS", "A".repeat(41))) {
            Rejection refused = assertThrows(Rejection.class, () -> new Resource(bad, "t", "s", "OIDC", false, List.of()), bad);
            assertEquals("resource-code", refused.slug());
            assertEquals(Rejection.Kind.INVALID_INPUT, refused.kind());
        }
        assertEquals("A".repeat(40), new Resource("A".repeat(40), "t", "s", "OIDC", false, List.of()).code());
        Rejection year = assertThrows(Rejection.class, () -> new Resource("LIRE", "t", "s", "OIDC", false,
                List.of(new Resource.Price("2026-2027", BigDecimal.ONE), new Resource.Price("2026-2028", BigDecimal.ONE))));
        assertEquals("school-year", year.slug());
        assertTrue(year.reason().startsWith("2026-2028 "), year.reason());
    }

    @Test
    void pricesAreWrittenWithTwoDecimalsAndNeverRounded() {
        assertEquals("12.50", Money.text(new BigDecimal("12.5")));
        assertEquals("3.00", Money.text(new BigDecimal("3")));
        assertEquals("0.07", Money.text(new BigDecimal("0.070")));
        assertThrows(ArithmeticException.class, () -> Money.text(new BigDecimal("1.005")));
    }

    @Test
    void aGroupIsNamedByClassSchoolAndSchoolYear() {
        Directory.Group g = new Directory.Group(UUID.randomUUID(), "CM2 A", "0801234A", "2026-2027", Instant.EPOCH, List.of());
        assertEquals("CM2 A - 0801234A - 2026-2027", g.displayName());
    }

    @Test
    void aSearchComparesTextsWithTextsAndInstantsWithInstants() {
        assertEquals(Directory.Field.USER_NAME, new Directory.Filter.Compare(Directory.Field.USER_NAME,
                Directory.Operator.STARTS_WITH, "jean").field());
        assertEquals(Instant.EPOCH, new Directory.Filter.Compare(Directory.Field.LAST_MODIFIED, Directory.Operator.FROM,
                Instant.EPOCH).value());
        assertThrows(IllegalArgumentException.class, () -> new Directory.Filter.Compare(Directory.Field.USER_NAME,
                Directory.Operator.EQUAL, Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> new Directory.Filter.Compare(Directory.Field.LAST_MODIFIED,
                Directory.Operator.EQUAL, "2026-09-01T00:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> new Directory.Filter.Compare(Directory.Field.FAMILY_NAME,
                Directory.Operator.AFTER, "Dupont"));
        assertThrows(IllegalArgumentException.class, () -> new Directory.Filter.Compare(Directory.Field.CREATED,
                Directory.Operator.CONTAINS, Instant.EPOCH));
        assertEquals(List.of(), new Directory.Filter.And(new ArrayList<>()).filters());
    }
}
