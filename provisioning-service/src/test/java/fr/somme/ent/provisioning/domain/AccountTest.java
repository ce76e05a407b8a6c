package fr.somme.ent.provisioning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.rules.Rejection;

/** An account: PENDING_ACTIVATION → ACTIVE with its activation code only; closed only by the syndicat. */
class AccountTest {

    static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    static final UUID CLASS = UUID.randomUUID();

    static Account seat() {
        return Account.open("eleve.0801234a", CLASS, "228000014", Person.anonymousSeat("0801234A"), T0);
    }

    @Test
    void thePlatformCannotActivateAPendingAccountWithoutItsCode() {
        Account pending = seat();
        Rejection refused = assertThrows(Rejection.class, pending::confirmActive);
        assertEquals("mutability", refused.slug());
        assertEquals(Rejection.Kind.INVALID_INPUT, refused.kind());
        assertEquals(AccountState.PENDING_ACTIVATION, pending.state());
        Account active = new Account(UUID.randomUUID(), "jean.dupont", CLASS, "228000014", AccountRole.STUDENT,
                AccountState.ACTIVE, "Dupont", "Jean", null, T0, T0);
        active.confirmActive(); // reporting what is: nothing to refuse, nothing changes
        assertEquals(AccountState.ACTIVE, active.state());
        assertEquals(T0, active.lastModified());
    }

    @Test
    void thePlatformCannotReopenNorCloseAnAccount() {
        Account closed = new Account(UUID.randomUUID(), "jean.dupont", CLASS, "228000014", AccountRole.STUDENT,
                AccountState.CLOSED, "Dupont", "Jean", null, T0, T0);
        Rejection reopen = assertThrows(Rejection.class, closed::confirmActive);
        assertEquals("mutability", reopen.slug());
        assertEquals(Rejection.Kind.INVALID_INPUT, reopen.kind());
        closed.deactivate(); // already inactive: nothing to refuse
        assertEquals("mutability", assertThrows(Rejection.class, () -> seat().deactivate()).slug());
    }

    @Test
    void aNewActivationCodeIsDrawnOnlyForAnAccountPendingActivation() {
        seat().requirePendingActivation();
        for (AccountState state : new AccountState[] { AccountState.ACTIVE, AccountState.CLOSED }) {
            Account a = new Account(UUID.randomUUID(), "jean.dupont", CLASS, "228000014", AccountRole.STUDENT, state,
                    "Dupont", "Jean", null, T0, T0);
            Rejection refused = assertThrows(Rejection.class, a::requirePendingActivation);
            assertEquals("account-not-pending", refused.slug());
            assertEquals(Rejection.Kind.CONFLICT, refused.kind());
        }
    }

    @Test
    void onlyAnAnonymousPendingSeatOfTheClassIsNamed() {
        Account a = seat();
        assertTrue(a.isAnonymousSeatOf(CLASS));
        assertFalse(a.isAnonymousSeatOf(UUID.randomUUID()));
        Account named = a.namedAs(new PersonName("Durand", "Émile"), "emile.durand", T0.plusSeconds(5));
        assertEquals("emile.durand", named.login());
        assertEquals("Durand", named.lastName());
        assertEquals(a.id(), named.id());
        assertEquals("eleve.0801234a", a.login(), "the seat itself is unchanged until the new login is stored");
        assertFalse(named.isAnonymousSeatOf(CLASS));
        assertEquals("seat-not-anonymous",
                assertThrows(Rejection.class, () -> named.namedAs(new PersonName("X", "Y"), "y.x", T0)).slug());
    }

    @Test
    void aRosterHasOneToAHundredNamedStudents() {
        assertEquals(List.of(new PersonName("Dupont", "Jean")), PersonName.roster(List.of(new PersonName(" Dupont ", "Jean "))));
        assertEquals("roster-size", assertThrows(Rejection.class, () -> PersonName.roster(List.of())).slug());
        Rejection line = assertThrows(Rejection.class,
                () -> PersonName.roster(List.of(new PersonName("Dupont", "Jean"), new PersonName(" ", "Marie"))));
        assertEquals("roster-line", line.slug());
        assertTrue(line.reason().startsWith("line 2:"), line.reason());
        assertEquals("roster-line", assertThrows(Rejection.class, () -> PersonName.validated(null)).slug());
    }
}
