package fr.somme.ent.commons.rules;

import java.util.Objects;

/**
 * A rule of the domain refused what was asked: a stable slug (the problem type clients rely on)
 * and a reason a person can read. It knows nothing of HTTP: {@code ProblemMappers} chooses the
 * status at the edge from its {@link Kind}. Thrown inside a transaction, it rolls it back.
 */
public class Rejection extends RuntimeException {

    /** Why the domain refused; the edge turns each kind into one HTTP status. */
    public enum Kind {
        /** The request is well formed but the current state forbids it (HTTP 409). */
        CONFLICT,
        /** The request breaks a rule of the charter or of the domain (HTTP 422). */
        RULE_NOT_SATISFIED,
        /** A value of the request cannot be understood at all (HTTP 400). */
        INVALID_INPUT
    }

    private final Kind kind;
    private final String slug;

    public Rejection(Kind kind, String slug, String reason) {
        super(Objects.requireNonNull(reason, "reason"), null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.slug = Objects.requireNonNull(slug, "slug");
    }

    public static Rejection conflict(String slug, String reason) {
        return new Rejection(Kind.CONFLICT, slug, reason);
    }

    public static Rejection ruleNotSatisfied(String slug, String reason) {
        return new Rejection(Kind.RULE_NOT_SATISFIED, slug, reason);
    }

    public static Rejection invalidInput(String slug, String reason) {
        return new Rejection(Kind.INVALID_INPUT, slug, reason);
    }

    public Kind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }

    public String reason() {
        return getMessage();
    }

    @Override
    public String toString() {
        return "Rejection[" + kind + ", " + slug + ": " + getMessage() + "]";
    }
}
