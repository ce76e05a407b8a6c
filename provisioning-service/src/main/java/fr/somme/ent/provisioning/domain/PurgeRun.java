package fr.somme.ent.provisioning.domain;

import java.time.Instant;
import java.time.LocalDate;

/** One purge of personal data (rule 12), as recorded: when, the closing-date cutoff, and counts only. */
public record PurgeRun(Instant ranAt, LocalDate cutoff, int accountsPurged, int rosterEntriesDeleted,
        int loginCountersDeleted) {
}
