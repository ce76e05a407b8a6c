package fr.somme.ent.provisioning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.ids.SchoolYear;

/** Rules 11 and 12, activation codes, school level. */
class SmallRulesTest {

    @Test
    void activationCodesAreEightUnambiguousCharactersFromSecureRandom() {
        ActivationCodes codes = new ActivationCodes("a-test-key-of-enough-length");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = codes.activationCodesAreEightUnambiguousCharactersFromSecureRandom();
            assertTrue(code.matches("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$"), code);
            seen.add(code);
        }
        assertEquals(2000, seen.size(), "no repeats in 2000 draws");
        String code = "ABCD2345";
        assertTrue(codes.hash(code).matches("^[0-9a-f]{64}$"));
        assertTrue(codes.matches(code, codes.hash(code)));
        assertNotEquals(codes.hash(code), new ActivationCodes("another-key-of-enough-length").hash(code), "keyed");
        assertThrows(IllegalArgumentException.class, () -> new ActivationCodes("short"));
    }

    @Test
    void closedAccountPersonalDataArePurgedThreeMonthsAfterClosing() {
        LocalDate closed = LocalDate.of(2026, 6, 30);
        assertFalse(Retention.closedAccountPersonalDataArePurgedThreeMonthsAfterClosing(closed, LocalDate.of(2026, 9, 29)));
        assertTrue(Retention.closedAccountPersonalDataArePurgedThreeMonthsAfterClosing(closed, LocalDate.of(2026, 9, 30)));
        assertFalse(Retention.closedAccountPersonalDataArePurgedThreeMonthsAfterClosing(null, LocalDate.of(2027, 1, 1)));
        assertEquals(LocalDate.of(2026, 6, 30), Retention.purgeClosedOnOrBefore(LocalDate.of(2026, 9, 30)));
    }

    @Test
    void theEndOfASchoolYearIsPurgedOnTheDayItsThreeMonthsAreOver() {
        LocalDate yearEnd = LocalDate.of(2027, 8, 31);
        assertTrue(Retention.closedAccountPersonalDataArePurgedThreeMonthsAfterClosing(yearEnd, LocalDate.of(2027, 11, 30)));
        assertFalse(Retention.closedAccountPersonalDataArePurgedThreeMonthsAfterClosing(yearEnd, LocalDate.of(2027, 11, 29)));
        assertEquals(yearEnd, Retention.purgeClosedOnOrBefore(LocalDate.of(2027, 11, 30)), "the cutoff agrees with the rule");
        assertEquals(LocalDate.of(2027, 8, 29), Retention.purgeClosedOnOrBefore(LocalDate.of(2027, 11, 29)));
        assertEquals(LocalDate.of(2027, 11, 30), Retention.purgeClosedOnOrBefore(LocalDate.of(2028, 2, 29)));
        assertEquals(LocalDate.of(2027, 11, 28), Retention.purgeClosedOnOrBefore(LocalDate.of(2028, 2, 28)));
        for (LocalDate today = LocalDate.of(2027, 1, 1); today.getYear() == 2027; today = today.plusDays(1)) {
            LocalDate cutoff = Retention.purgeClosedOnOrBefore(today);
            assertTrue(Retention.closedAccountPersonalDataArePurgedThreeMonthsAfterClosing(cutoff, today), today.toString());
            assertFalse(Retention.closedAccountPersonalDataArePurgedThreeMonthsAfterClosing(cutoff.plusDays(1), today),
                    today.toString());
        }
    }

    @Test
    void accessStartsOnDeploymentOrOnTheFirstDayOfTheSchoolYear() {
        SchoolYear y = SchoolYear.parse("2026-2027");
        assertEquals(LocalDate.of(2026, 9, 1), AccessStart.accessStartsOnDeploymentOrOnTheFirstDayOfTheSchoolYear(LocalDate.of(2026, 7, 3), y));
        assertEquals(LocalDate.of(2026, 10, 5), AccessStart.accessStartsOnDeploymentOrOnTheFirstDayOfTheSchoolYear(LocalDate.of(2026, 10, 5), y));
    }

    @Test
    void schoolsDesignatedByTheDepartementAreColleges() {
        assertEquals(SchoolLevel.COLLEGE, SchoolLevel.ofDesignatingMemberKind("DEPARTEMENT"));
        assertEquals(SchoolLevel.ECOLE, SchoolLevel.ofDesignatingMemberKind("COMMUNE"));
        assertEquals(SchoolLevel.ECOLE, SchoolLevel.ofDesignatingMemberKind("SCHOOL_SYNDICATE"));
    }

    @Test
    void theActivationKeyHasAtLeastSixteenCharactersAndOnlyTheRightCodeMatches() {
        ActivationCodes codes = new ActivationCodes("0123456789abcdef");
        assertThrows(IllegalArgumentException.class, () -> new ActivationCodes("0123456789abcde"));
        assertThrows(IllegalArgumentException.class, () -> new ActivationCodes(null));
        String stored = codes.hash("ABCD2345");
        assertTrue(codes.matches("ABCD2345", stored));
        assertFalse(codes.matches("ABCD2346", stored));
        assertFalse(codes.matches(null, stored));
        assertFalse(codes.matches("ABCD2345", null));
    }
}
