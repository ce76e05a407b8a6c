package fr.somme.ent.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/errors.md as the runtime check reads it: each row {@code | `slug` | statuses | when | what to do |} of its
 * tables (the SCIM section excepted: SCIM errors are not problems), a slug with the statuses its row gives. A row
 * {@code `http-<status>`} stands for every {@code http-NNN} answered with status NNN.
 */
final class ErrorsCatalogue {

    static final String TYPE_BASE = "https://ent.somme-numerique.fr/problems/";

    /**
     * The generic types of /tmp/helpers/problems-convention.md (issue #16 point 1): ent-commons answers them for any
     * operation and its OpenAPI filter documents them by itself, so no operation lists them in {@code x-ent-problems}.
     * {@code http-<status>} (any other error the framework raises) is generic too.
     */
    static final Set<String> GENERIC = Set.of("validation", "malformed-body", "bad-request", "invalid-character",
            "value-too-long", "invalid-value", "unauthorized", "forbidden", "not-found", "body-too-large",
            "unsupported-media-type", "internal", "service-unavailable", "concurrent-modification",
            "duplicate", "not-acceptable", "method-not-allowed");

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9<>-]+)`\\s*\\|([^|]*)\\|");
    private static final Pattern STATUS = Pattern.compile("\\b([1-5][0-9]{2})\\b");
    private static final String STATUS_PLACEHOLDER = "<status>";

    private final Map<String, Set<Integer>> rows;

    private ErrorsCatalogue(Map<String, Set<Integer>> rows) {
        this.rows = rows;
    }

    static ErrorsCatalogue read(Path markdown) {
        try {
            return parse(Files.readString(markdown));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the errors catalogue " + markdown, e);
        }
    }

    static ErrorsCatalogue parse(String markdown) {
        Map<String, Set<Integer>> rows = new TreeMap<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## SCIM")) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                Set<Integer> statuses = new LinkedHashSet<>();
                Matcher s = STATUS.matcher(m.group(2));
                while (s.find()) {
                    statuses.add(Integer.parseInt(s.group(1)));
                }
                rows.put(m.group(1), statuses);
            }
        }
        return new ErrorsCatalogue(rows);
    }

    /** The slug of a problem type of the suite, if it is one ({@code https://ent.somme-numerique.fr/problems/<slug>}). */
    static Optional<String> slug(String type) {
        return type != null && type.startsWith(TYPE_BASE) && type.length() > TYPE_BASE.length()
                ? Optional.of(type.substring(TYPE_BASE.length())) : Optional.empty();
    }

    /** The row of the slug: its own, or a pattern row such as {@code http-<status>}. */
    Optional<String> row(String slug) {
        if (rows.containsKey(slug)) {
            return Optional.of(slug);
        }
        return rows.keySet().stream().filter(r -> r.contains("<") && slug.startsWith(r.substring(0, r.indexOf('<')))
                && slug.length() > r.indexOf('<')).findFirst();
    }

    /** Whether the catalogue lists the slug with this status. */
    boolean allows(String slug, int status) {
        Optional<String> row = row(slug);
        if (row.isEmpty()) {
            return false;
        }
        String r = row.get();
        if (r.endsWith(STATUS_PLACEHOLDER) && !r.equals(slug)) {
            return slug.substring(r.indexOf('<')).equals(String.valueOf(status)) && status >= 400;
        }
        return rows.get(r).contains(status);
    }

    Set<Integer> statuses(String slug) {
        return row(slug).map(rows::get).orElse(Set.of());
    }

    static boolean ruleSpecific(String slug) {
        return !GENERIC.contains(slug) && !slug.startsWith("http-");
    }

    /** The rule-specific slugs of the catalogue (pattern rows excepted). */
    Set<String> ruleSpecificSlugs() {
        Set<String> out = new TreeSet<>();
        rows.keySet().stream().filter(s -> !s.contains("<") && ruleSpecific(s)).forEach(out::add);
        return out;
    }

    Set<String> slugs() {
        return rows.keySet();
    }
}
