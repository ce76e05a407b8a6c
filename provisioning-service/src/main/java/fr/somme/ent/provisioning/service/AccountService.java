package fr.somme.ent.provisioning.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.somme.ent.provisioning.domain.Account;
import fr.somme.ent.provisioning.domain.LoginRule;
import fr.somme.ent.provisioning.domain.Person;
import fr.somme.ent.provisioning.domain.PersonName;
import fr.somme.ent.provisioning.repository.AccountRepository;
import fr.somme.ent.provisioning.repository.LoginCounterRepository;

/**
 * Individual accounts (rule 10, art. 2): the teacher's and one per student, with logins unique across the
 * platform. Allocation is one statement for all login bases of the classes deployed together (counter rows advanced
 * atomically, locked until commit), then multi-row inserts; the unique index on the login is the last guard (a login
 * taken by another base is re-drawn).
 */
@ApplicationScoped
public class AccountService {

    private static final int ATTEMPTS = 10;

    private final AccountRepository accounts;
    private final LoginCounterRepository counters;
    private final Clock clock;

    public AccountService(AccountRepository accounts, LoginCounterRepository counters, Clock clock) {
        this.accounts = accounts;
        this.counters = counters;
        this.clock = clock;
    }

    /** The people of one class to open accounts for, teacher first. */
    public record Seats(UUID projectId, String memberId, List<Person> people) {
    }

    /**
     * Creates the accounts of these classes in the caller's transaction, in this order: the logins are numbered as if
     * the classes were provisioned one after the other (a base's counter advances class by class, person by person);
     * returns the accounts with their logins.
     */
    @Transactional(TxType.MANDATORY)
    public List<Account> createAll(List<Seats> classes) {
        Instant now = clock.instant();
        List<Account> created = new ArrayList<>();
        List<Seat> todo = new ArrayList<>();
        for (Seats s : classes) {
            s.people().forEach(p -> todo.add(new Seat(s, p)));
        }
        List<Seat> left = todo;
        for (int attempt = 0; attempt < ATTEMPTS && !left.isEmpty(); attempt++) {
            Map<Person, String> logins = allocate(left.stream().map(Seat::person).toList());
            List<Account> candidates = left.stream()
                    .map(s -> Account.open(logins.get(s.person()), s.of().projectId(), s.of().memberId(), s.person(), now)).toList();
            boolean[] stored = accounts.insertAll(candidates);
            List<Seat> again = new ArrayList<>();
            for (int i = 0; i < stored.length; i++) {
                if (stored[i]) {
                    created.add(candidates.get(i));
                } else {
                    again.add(left.get(i));
                }
            }
            left = again;
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("could not allocate unique logins for " + left.size() + " account(s)");
        }
        return created;
    }

    private record Seat(Seats of, Person person) {
    }

    /** Each base's counter advances by the number of people sharing it; login n of a base per LoginRule. */
    private Map<Person, String> allocate(List<Person> people) {
        Map<String, List<Person>> byBase = new TreeMap<>();
        for (Person p : people) {
            byBase.computeIfAbsent(p.base(), b -> new ArrayList<>()).add(p);
        }
        SortedMap<String, Integer> counts = new TreeMap<>();
        byBase.forEach((base, group) -> counts.put(base, group.size()));
        Map<String, Integer> last = counters.advance(counts);
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
     * Empty if the account is not an anonymous, pending student account of the class.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<Account> nameSeat(UUID projectId, UUID accountId, PersonName name) {
        Optional<Account> seat = accounts.findForUpdate(accountId).filter(a -> a.isAnonymousSeatOf(projectId));
        if (seat.isEmpty()) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Person p = Person.student(name.firstName(), name.lastName());
            Account named = seat.get().namedAs(name, allocate(List.of(p)).get(p), clock.instant());
            if (accounts.saveName(named)) {
                return Optional.of(named);
            }
        }
        throw new IllegalStateException("could not allocate a unique login for seat " + accountId);
    }
}
