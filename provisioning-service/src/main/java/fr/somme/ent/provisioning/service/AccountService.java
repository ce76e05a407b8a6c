package fr.somme.ent.provisioning.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.somme.ent.provisioning.domain.LoginRule;

/**
 * Individual accounts (rule 10, art. 2): the teacher's and one per student, with logins unique across the
 * platform. Allocation is one statement for all login bases of a class (counter rows incremented atomically,
 * locked until commit, in base order so that concurrent provisionings cannot deadlock), then one batch insert;
 * the unique index on the login is the last guard (a login taken by another base is re-drawn).
 */
@ApplicationScoped
public class AccountService {

    public static final String TEACHER = "TEACHER";
    public static final String STUDENT = "STUDENT";
    public static final String PENDING_ACTIVATION = "PENDING_ACTIVATION";
    public static final String ACTIVE = "ACTIVE";
    public static final String CLOSED = "CLOSED";

    /** A person to create an account for: names may be null for an anonymous seat (named later). */
    public record Person(String role, String base, String lastName, String firstName, String externalId) {
    }

    public record Created(UUID id, String login, String role) {
    }

    private final Sql sql;
    private final Clock clock;

    public AccountService(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public static Person teacher(String teacherId) {
        String[] parts = teacherId.split("\\.", 2);
        String base = parts.length == 2 ? LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30(parts[0], parts[1])
                : LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30("enseignant", teacherId);
        return new Person(TEACHER, base, null, null, teacherId);
    }

    public static Person student(String firstName, String lastName) {
        return new Person(STUDENT, LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30(firstName, lastName),
                lastName, firstName, null);
    }

    public static Person anonymousSeat(String schoolUai) {
        return new Person(STUDENT, "eleve." + schoolUai.toLowerCase(Locale.ROOT), null, null, null);
    }

    /** Creates the accounts of a class in the caller's transaction; returns them with their logins. */
    @Transactional(TxType.MANDATORY)
    public List<Created> create(UUID projectId, String memberId, List<Person> people) {
        Instant now = clock.instant();
        List<Created> created = new ArrayList<>();
        List<Person> todo = people;
        for (int attempt = 0; attempt < 10 && !todo.isEmpty(); attempt++) {
            Map<Person, String> logins = allocate(todo);
            List<Object[]> rows = new ArrayList<>();
            List<Created> candidates = new ArrayList<>();
            for (Person p : todo) {
                UUID id = UUID.randomUUID();
                String login = logins.get(p);
                rows.add(new Object[] { id, login, projectId, memberId, p.role(), p.lastName(), p.firstName(),
                        p.externalId(), PENDING_ACTIVATION, now, now });
                candidates.add(new Created(id, login, p.role()));
            }
            int[] counts = sql.batch("INSERT INTO account (id, login, project_id, member_id, role, last_name, first_name, "
                    + "external_id, state, created_at, last_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (login) DO NOTHING", rows);
            List<Person> again = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    again.add(todo.get(i));
                } else {
                    created.add(candidates.get(i));
                }
            }
            todo = again;
        }
        if (!todo.isEmpty()) {
            throw new IllegalStateException("could not allocate unique logins for " + todo.size() + " account(s)");
        }
        return created;
    }

    /** One statement: each base's counter advances by the number of people sharing it; login n of a base per LoginRule. */
    private Map<Person, String> allocate(List<Person> people) {
        Map<String, List<Person>> byBase = new TreeMap<>();
        for (Person p : people) {
            byBase.computeIfAbsent(p.base(), b -> new ArrayList<>()).add(p);
        }
        String[] bases = byBase.keySet().toArray(String[]::new);
        Integer[] counts = byBase.values().stream().map(List::size).toArray(Integer[]::new);
        Map<String, Integer> last = new HashMap<>();
        sql.list("INSERT INTO login_counter (base, last_used) SELECT b, n FROM unnest(?::text[], ?::int[]) AS u(b, n) ORDER BY b "
                + "ON CONFLICT (base) DO UPDATE SET last_used = login_counter.last_used + EXCLUDED.last_used "
                + "RETURNING base, last_used", rs -> last.put(rs.getString(1), rs.getInt(2)), bases, counts);
        Map<Person, String> out = new IdentityHashMap<>(); // two "Jean Dupont" are two people
        byBase.forEach((base, group) -> {
            int first = last.get(base) - group.size() + 1;
            for (int i = 0; i < group.size(); i++) {
                out.put(group.get(i), LoginRule.withCollisionSuffix(base, first + i));
            }
        });
        return out;
    }

    /**
     * Names an anonymous seat (still pending activation): its login is drawn from the names by the same rule.
     * Returns the new login, or empty if the seat is not an anonymous, pending student account of the class.
     */
    @Transactional(TxType.MANDATORY)
    public java.util.Optional<String> nameSeat(UUID projectId, UUID accountId, String firstName, String lastName) {
        boolean anonymous = sql.one("SELECT 1 FROM account WHERE id = ? AND project_id = ? AND role = 'STUDENT' "
                + "AND last_name IS NULL AND state = 'PENDING_ACTIVATION' FOR UPDATE", rs -> true, accountId, projectId)
                .isPresent();
        if (!anonymous) {
            return java.util.Optional.empty();
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            Person p = student(firstName, lastName);
            String login = allocate(List.of(p)).get(p);
            int updated = sql.update("UPDATE account SET login = ?, last_name = ?, first_name = ?, last_modified = ? "
                    + "WHERE id = ? AND NOT EXISTS (SELECT 1 FROM account o WHERE o.login = ?)", login, lastName, firstName,
                    clock.instant(), accountId, login);
            if (updated == 1) {
                return java.util.Optional.of(login);
            }
        }
        throw new IllegalStateException("could not allocate a unique login for seat " + accountId);
    }

    /** Closes the accounts of a class; returns [teacher accounts, student accounts] closed. */
    @Transactional(TxType.MANDATORY)
    public int[] closeClass(UUID projectId, LocalDate closedOn) {
        int[] counts = new int[2];
        sql.list("UPDATE account SET state = 'CLOSED', closed_on = ?, last_modified = ? WHERE project_id = ? "
                + "AND state <> 'CLOSED' RETURNING role", rs -> {
                    counts[TEACHER.equals(rs.getString(1)) ? 0 : 1]++;
                    return null;
                }, closedOn, clock.instant(), projectId);
        return counts;
    }
}
