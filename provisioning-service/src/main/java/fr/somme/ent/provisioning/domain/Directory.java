package fr.somme.ent.provisioning.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the ENT platform reads of accounts and classes (SCIM Users and Groups), as plain values. */
public final class Directory {

    private Directory() {
    }

    /**
     * A search, all conditions joined by "and": {@code names} are a User's login (case-insensitive) or a Group's
     * display name, {@code modifiedAfter} instants of last modification. No condition: everything.
     */
    public record Filter(List<String> names, List<Instant> modifiedAfter) {

        public static final Filter ALL = new Filter(List.of(), List.of());

        public Filter {
            names = List.copyOf(names);
            modifiedAfter = List.copyOf(modifiedAfter);
        }
    }

    /** One page of a search, 0-based offset. */
    public record PageRequest(int offset, int size) {
    }

    public record Page<T>(long total, List<T> items) {
    }

    /** A deployed or closed class as a group of accounts. */
    public record Group(UUID projectId, String classLabel, String schoolUai, String schoolYear, Instant updatedAt,
            List<Member> members) {

        /** {@code <classLabel> - <uai> - <schoolYear>}. */
        public String displayName() {
            return classLabel + " - " + schoolUai + " - " + schoolYear;
        }
    }

    public record Member(UUID accountId, String login) {
    }
}
