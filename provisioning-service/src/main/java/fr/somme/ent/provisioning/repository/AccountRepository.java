package fr.somme.ent.provisioning.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.provisioning.domain.Account;
import fr.somme.ent.provisioning.domain.AccountRole;
import fr.somme.ent.provisioning.domain.AccountState;

/**
 * Table {@code account}. Bulk work stays set-based (multi-row inserts, one statement to close or purge); the
 * unique index on the login is the last guard of login uniqueness.
 */
@ApplicationScoped
public class AccountRepository {

    /** Accounts per multi-row insert. */
    static final int ROWS = 5_000;

    private final Jdbc jdbc;

    public AccountRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Multi-row inserts ({@link #ROWS} accounts per statement); for each account, whether it was stored (false: its
     * login was taken meanwhile, by another transaction or by another account of the same list).
     */
    public boolean[] insertAll(List<Account> accounts) {
        Set<UUID> stored = new HashSet<>();
        for (int from = 0; from < accounts.size(); from += ROWS) {
            List<Account> rows = accounts.subList(from, Math.min(accounts.size(), from + ROWS));
            stored.addAll(jdbc.list("INSERT INTO account (id, login, project_id, member_id, role, last_name, first_name, "
                    + "external_id, state, created_at, last_modified) SELECT * FROM unnest(?::uuid[], ?::text[], ?::uuid[], "
                    + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) "
                    + "ON CONFLICT (login) DO NOTHING RETURNING id", rs -> rs.getObject("id", UUID.class),
                    column(rows, Account::id), column(rows, Account::login), column(rows, Account::projectId),
                    column(rows, Account::memberId), column(rows, Account::role), column(rows, Account::lastName),
                    column(rows, Account::firstName), column(rows, Account::externalId), column(rows, Account::state),
                    column(rows, Account::createdAt), column(rows, Account::lastModified)));
        }
        boolean[] out = new boolean[accounts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = stored.contains(accounts.get(i).id());
        }
        return out;
    }

    /** One column of the rows as a text array (cast in SQL), nulls kept. */
    private static Object column(List<Account> rows, Function<Account, Object> value) {
        return rows.stream().map(value).map(v -> v == null ? null : v instanceof Enum<?> e ? e.name() : v.toString())
                .toArray(String[]::new);
    }

    /** The account (not purged), locked until commit. */
    public Optional<Account> findForUpdate(UUID id) {
        return jdbc.one("SELECT * FROM account WHERE id = ? AND purged_at IS NULL FOR UPDATE", AccountRepository::map, id);
    }

    /** The class's accounts, teacher first, then by login. */
    public List<Account> ofClass(UUID projectId) {
        return jdbc.list("SELECT * FROM account WHERE project_id = ? ORDER BY role DESC, login", AccountRepository::map,
                projectId);
    }

    public List<Account> pendingActivationOfClass(UUID projectId) {
        return jdbc.list("SELECT * FROM account WHERE project_id = ? AND state = 'PENDING_ACTIVATION' "
                + "ORDER BY role DESC, login", AccountRepository::map, projectId);
    }

    public int countStudents(UUID projectId) {
        return jdbc.one("SELECT count(*) AS students FROM account WHERE project_id = ? AND role = 'STUDENT'",
                rs -> rs.getInt("students"), projectId).orElse(0);
    }

    /** Stores a named seat under its new login; false when that login was taken meanwhile (draw another). */
    public boolean saveName(Account a) {
        return jdbc.update("UPDATE account SET login = ?, last_name = ?, first_name = ?, last_modified = ? "
                + "WHERE id = ? AND NOT EXISTS (SELECT 1 FROM account o WHERE o.login = ?)", a.login(), a.lastName(),
                a.firstName(), a.lastModified(), a.id(), a.login()) == 1;
    }

    /** The HMAC of each account's fresh activation code, by account id (failed attempts forgotten, lock lifted). */
    public void saveActivationCodeHashes(Map<UUID, String> hashes, Instant now) {
        jdbc.batch("UPDATE account SET activation_code_hash = ?, activation_failures = 0, activation_locked_at = NULL, "
                + "last_modified = ? WHERE id = ?", hashes.entrySet(),
                e -> Arrays.asList(e.getValue(), now, e.getKey()));
    }

    /** Closes the class's open accounts on that date; returns the role of each account closed. */
    public List<AccountRole> closeAll(UUID projectId, LocalDate on, Instant now) {
        return jdbc.list("UPDATE account SET state = 'CLOSED', closed_on = ?, last_modified = ? WHERE project_id = ? "
                + "AND state <> 'CLOSED' RETURNING role", rs -> AccountRole.valueOf(rs.getString("role")), on, now, projectId);
    }

    /** The logins of the accounts the purge is about to erase (their login counters may go with them). */
    public List<String> loginsClosedOnOrBefore(LocalDate cutoff) {
        return jdbc.list("SELECT login FROM account WHERE state = 'CLOSED' AND purged_at IS NULL AND closed_on <= ?",
                rs -> rs.getString("login"), cutoff);
    }

    /** Rule 12: erases the personal data of accounts closed on or before the cutoff; the rows stay for counts. */
    public int purgeClosedOnOrBefore(LocalDate cutoff, Instant now) {
        return jdbc.update("UPDATE account SET last_name = NULL, first_name = NULL, external_id = NULL, "
                + "activation_code_hash = NULL, login = 'purged.' || id, purged_at = ?, last_modified = ? "
                + "WHERE state = 'CLOSED' AND purged_at IS NULL AND closed_on <= ?", now, now, cutoff);
    }

    /** An {@code account} row (all its columns selected), by column name. */
    static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("login"), rs.getObject("project_id", UUID.class),
                rs.getString("member_id"), AccountRole.valueOf(rs.getString("role")),
                AccountState.valueOf(rs.getString("state")), rs.getString("last_name"), rs.getString("first_name"),
                rs.getString("external_id"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "last_modified"));
    }
}
