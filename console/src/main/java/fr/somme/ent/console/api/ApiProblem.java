package fr.somme.ent.console.api;

import java.util.List;

/**
 * What a service answered instead of what was asked: its problem+json (RFC 9457) reduced to what the console shows.
 * {@code slug} is the last segment of the problem's {@code type} ({@code .../problems/reason-required} → reason-required);
 * {@code status} 0 means the service could not be reached.
 */
public record ApiProblem(int status, String slug, String detail, List<FieldError> errors) {

    public static final String UNREACHABLE = "service-unreachable";

    public ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiProblem unreachable(String detail) {
        return new ApiProblem(0, UNREACHABLE, detail, List.of());
    }

    public static String slugOf(String type) {
        if (type == null || type.isBlank() || "about:blank".equals(type)) {
            return null;
        }
        String t = type.endsWith("/") ? type.substring(0, type.length() - 1) : type;
        return t.substring(t.lastIndexOf('/') + 1);
    }

    /** A field-level error of a validation problem: the field's path in the request body and the service's message. */
    public record FieldError(String field, String message) {
    }
}
