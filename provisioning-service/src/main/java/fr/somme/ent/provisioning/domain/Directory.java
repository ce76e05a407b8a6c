package fr.somme.ent.provisioning.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the ENT platform reads of accounts and classes (SCIM Users and Groups), as plain values. */
public final class Directory {

    private Directory() {
    }

    /** What a search may compare: a User's or a Group's attribute. */
    public enum Field {
        /** A User's login, compared without regard to case. */
        USER_NAME,
        /** A User's external id (a teacher's {@code sub}), compared exactly. */
        EXTERNAL_ID,
        /** A User's last name, compared without regard to case. */
        FAMILY_NAME,
        /** A User's first name, compared without regard to case. */
        GIVEN_NAME,
        /** A Group's display name ({@code <classLabel> - <uai> - <schoolYear>}), compared without regard to case. */
        DISPLAY_NAME,
        /** When a User or a Group was last modified (an instant). */
        LAST_MODIFIED,
        /** When a User was created (an instant). */
        CREATED;

        public boolean isInstant() {
            return this == LAST_MODIFIED || this == CREATED;
        }
    }

    /** How a {@link Filter.Compare} compares: equal, contains, starts with (texts); after, from, before, until (instants). */
    public enum Operator {
        EQUAL, CONTAINS, STARTS_WITH, AFTER, FROM, BEFORE, UNTIL;

        public boolean onText() {
            return this == EQUAL || this == CONTAINS || this == STARTS_WITH;
        }

        public boolean onInstant() {
            return this != CONTAINS && this != STARTS_WITH;
        }
    }

    /**
     * A search: comparisons of one field with one value, presence of a field, joined by "and" / "or". {@link #ALL}:
     * everything. The values are plain values (a text, an {@link Instant}); how they are stored is the repository's.
     */
    public sealed interface Filter {

        Filter ALL = new Everything();

        /** No condition. */
        record Everything() implements Filter {
        }

        /** {@code field operator value}: a text for a text field, an {@link Instant} for an instant. */
        record Compare(Field field, Operator operator, Object value) implements Filter {

            public Compare {
                boolean instant = field.isInstant();
                if (instant ? !(value instanceof Instant) || !operator.onInstant() : !(value instanceof String) || !operator.onText()) {
                    throw new IllegalArgumentException(field + " " + operator + " " + value + " is not a comparison of its kind");
                }
            }
        }

        /** The field has a value. */
        record Present(Field field) implements Filter {
        }

        /** Every one of the filters holds. */
        record And(List<Filter> filters) implements Filter {

            public And {
                filters = List.copyOf(filters);
            }
        }

        /** At least one of the filters holds. */
        record Or(List<Filter> filters) implements Filter {

            public Or {
                filters = List.copyOf(filters);
            }
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
