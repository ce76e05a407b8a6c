package fr.somme.ent.provisioning.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.provisioning.domain.PurgeRun;

/** Table {@code purge_run}: each purge of personal data (rule 12), recorded without any: when, cutoff, counts. */
@ApplicationScoped
public class PurgeRunRepository {

    private final Jdbc jdbc;

    public PurgeRunRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Instant ranAt, LocalDate cutoff, int accounts, int rosterEntries, int loginCounters) {
        jdbc.update("INSERT INTO purge_run (ran_at, cutoff, accounts_purged, roster_entries_deleted, login_counters_deleted) "
                + "VALUES (?, ?, ?, ?, ?)", ranAt, cutoff, accounts, rosterEntries, loginCounters);
    }

    /** The latest runs first. */
    public List<PurgeRun> latest(int limit, long offset) {
        return jdbc.list("SELECT * FROM purge_run ORDER BY ran_at DESC, id DESC LIMIT ? OFFSET ?",
                rs -> new PurgeRun(Jdbc.instant(rs, "ran_at"), rs.getObject("cutoff", LocalDate.class),
                        rs.getInt("accounts_purged"), rs.getInt("roster_entries_deleted"), rs.getInt("login_counters_deleted")),
                limit, offset);
    }

    public long count() {
        return jdbc.list("SELECT count(*) AS n FROM purge_run", rs -> rs.getLong("n")).get(0);
    }
}
