package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.domain.Membership.Change;
import fr.somme.ent.billing.domain.Membership.Event;
import fr.somme.ent.billing.domain.Membership.Interval;
import fr.somme.ent.commons.ids.SchoolYear;

/** Art. 3, 6; contracts-12 §4: adhesions and terminations read as intervals, in any order of arrival. */
class MembershipTest {

    static final LocalDate A1 = LocalDate.of(2020, 7, 1);
    static final LocalDate T1 = LocalDate.of(2022, 3, 1);
    static final LocalDate A2 = LocalDate.of(2023, 10, 2);

    @Test
    void adhesionsAndTerminationsAreIntervalsWhateverTheOrderOfArrival() {
        Membership m = Membership.of(List.of(new Event(Change.ADHESION, A2), new Event(Change.TERMINATION, T1),
                new Event(Change.ADHESION, A1)));
        assertEquals(List.of(new Interval(A1, T1), new Interval(A2, null)), m.intervals());
    }

    @Test
    void noChangeKnownIsAMemberAsFarAsBillingKnows() {
        assertEquals(Membership.AS_FAR_AS_KNOWN, Membership.of(List.of()));
        assertTrue(Membership.AS_FAR_AS_KNOWN.coversAnyDayOf(SchoolYear.parse("2010-2011")));
    }

    @Test
    void aTerminationWithoutAKnownAdhesionClosesAMembershipThatBeganBefore() {
        Membership m = Membership.of(List.of(new Event(Change.TERMINATION, T1)));
        assertEquals(List.of(new Interval(null, T1)), m.intervals());
        assertTrue(m.coversAnyDayOf(SchoolYear.parse("2021-2022")));
        assertFalse(m.coversAnyDayOf(SchoolYear.parse("2022-2023")));
        assertEquals(T1, m.terminationDuring(SchoolYear.parse("2021-2022")));
        assertEquals(null, m.terminationDuring(SchoolYear.parse("2022-2023")));
    }

    @Test
    void aSecondAdhesionIsIgnoredASecondTerminationMovesTheEndToTheLastOne() {
        Membership m = Membership.of(List.of(new Event(Change.ADHESION, A1), new Event(Change.ADHESION, T1),
                new Event(Change.TERMINATION, A2), new Event(Change.TERMINATION, A2.plusDays(3))));
        assertEquals(List.of(new Interval(A1, A2.plusDays(3))), m.intervals());
        Membership onlyTerminations = Membership.of(List.of(new Event(Change.TERMINATION, T1),
                new Event(Change.TERMINATION, A2)));
        assertEquals(List.of(new Interval(null, A2)), onlyTerminations.intervals());
    }

    /* On one date an adhesion comes before a termination: adhering and terminating the same day leaves no membership after. */
    @Test
    void onOneDateTheAdhesionComesBeforeTheTermination() {
        Membership m = Membership.of(List.of(new Event(Change.TERMINATION, A1), new Event(Change.ADHESION, A1)));
        assertEquals(List.of(new Interval(A1, A1)), m.intervals());
    }

    @Test
    void aMembershipCoversTheYearsItTouchesBoundariesIncluded() {
        Membership m = Membership.of(List.of(new Event(Change.ADHESION, LocalDate.of(2021, 8, 31)),
                new Event(Change.TERMINATION, LocalDate.of(2022, 9, 1))));
        assertFalse(m.coversAnyDayOf(SchoolYear.parse("2019-2020")));
        assertTrue(m.coversAnyDayOf(SchoolYear.parse("2020-2021")), "adhered on the last day of 2020-2021");
        assertTrue(m.coversAnyDayOf(SchoolYear.parse("2021-2022")));
        assertTrue(m.coversAnyDayOf(SchoolYear.parse("2022-2023")), "terminated on the first day of 2022-2023");
        assertFalse(m.coversAnyDayOf(SchoolYear.parse("2023-2024")));
        assertEquals(LocalDate.of(2022, 9, 1), m.terminationDuring(SchoolYear.parse("2022-2023")));
    }

    /* Terminated and adhering again within one year: the membership covering it last is still open. */
    @Test
    void theTerminationShownIsThatOfTheLatestMembershipCoveringTheYear() {
        SchoolYear y = SchoolYear.parse("2025-2026");
        Membership again = Membership.of(List.of(new Event(Change.ADHESION, LocalDate.of(2020, 7, 1)),
                new Event(Change.TERMINATION, LocalDate.of(2025, 10, 15)), new Event(Change.ADHESION, LocalDate.of(2026, 1, 5))));
        assertEquals(null, again.terminationDuring(y));
        Membership twice = Membership.of(List.of(new Event(Change.ADHESION, LocalDate.of(2020, 7, 1)),
                new Event(Change.TERMINATION, LocalDate.of(2025, 10, 15)), new Event(Change.ADHESION, LocalDate.of(2026, 1, 5)),
                new Event(Change.TERMINATION, LocalDate.of(2026, 3, 2))));
        assertEquals(LocalDate.of(2026, 3, 2), twice.terminationDuring(y));
    }
}
