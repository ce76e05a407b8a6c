package fr.somme.ent.provisioning.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Table {@code login_counter}: one row per login base, advanced atomically. All bases of a class in one
 * {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING}: rows locked until commit, in base order, so that
 * concurrent provisionings cannot deadlock.
 */
@ApplicationScoped
public class LoginCounterRepository {

    private final Jdbc jdbc;

    public LoginCounterRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Advances each base's counter by its count; returns each base's last number now used. */
    public Map<String, Integer> advance(SortedMap<String, Integer> countsByBase) {
        String[] bases = countsByBase.keySet().toArray(String[]::new);
        Integer[] counts = countsByBase.values().toArray(Integer[]::new);
        Map<String, Integer> last = new HashMap<>();
        jdbc.list("INSERT INTO login_counter (base, last_used) SELECT b, n FROM unnest(?::text[], ?::int[]) AS u(b, n) ORDER BY b "
                + "ON CONFLICT (base) DO UPDATE SET last_used = login_counter.last_used + EXCLUDED.last_used "
                + "RETURNING base, last_used", rs -> last.put(rs.getString("base"), rs.getInt("last_used")), bases, counts);
        return last;
    }

    /**
     * Rule 12: the counters of the login bases of purged accounts (a base is a name: {@code jean.dupont}) are deleted
     * once no account that is not purged holds a login of that base; a later student of the same name starts again
     * from the base (the purged logins are {@code purged.<id>}, and the unique index re-draws any collision).
     */
    public int deleteUnusedBasesOf(List<String> purgedLogins) {
        if (purgedLogins.isEmpty()) {
            return 0;
        }
        return jdbc.update("DELETE FROM login_counter lc WHERE lc.base IN (SELECT l FROM unnest(?::text[]) AS u(l) "
                + "UNION SELECT regexp_replace(l, '[0-9]+$', '') FROM unnest(?::text[]) AS v(l)) "
                + "AND NOT EXISTS (SELECT 1 FROM account a WHERE a.purged_at IS NULL "
                + "AND a.login ~ ('^' || replace(lc.base, '.', '[.]') || '[0-9]*$'))",
                (Object) purgedLogins.toArray(String[]::new), (Object) purgedLogins.toArray(String[]::new));
    }
}
