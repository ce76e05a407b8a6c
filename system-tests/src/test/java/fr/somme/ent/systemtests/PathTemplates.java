package fr.somme.ent.systemtests;

import java.util.Collection;
import java.util.Optional;

/**
 * Matches a concrete request path ({@code /members/218000019/adhesions/0b5…}) to the path template of an OpenAPI
 * document ({@code /members/{siren}/adhesions/{id}}): same number of segments, each literal segment equal, each
 * {@code {variable}} segment any non-empty segment. When several templates match, the one whose first difference is a
 * literal wins ({@code /ops/outbox} over {@code /ops/{id}}), as JAX-RS chooses. The query string is ignored; the path
 * is compared as sent (still percent-encoded), so an encoded {@code /} stays inside its segment.
 */
final class PathTemplates {

    private PathTemplates() {
    }

    static Optional<String> match(Collection<String> templates, String target) {
        String[] path = segments(pathOf(target));
        String best = null;
        String bestShape = null;
        for (String template : templates) {
            String shape = shape(segments(template), path);
            if (shape != null && (bestShape == null || shape.compareTo(bestShape) < 0)) {
                best = template;
                bestShape = shape;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The path of a request target: without query string or fragment. */
    static String pathOf(String target) {
        int end = target.length();
        for (char c : new char[] {'?', '#'}) {
            int at = target.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return target.substring(0, end);
    }

    /** "0" per literal and "1" per variable segment when the template matches, else null. */
    private static String shape(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i < template.length; i++) {
            boolean variable = template[i].startsWith("{") && template[i].endsWith("}");
            if (variable ? path[i].isEmpty() : !template[i].equals(path[i])) {
                return null;
            }
            shape.append(variable ? '1' : '0');
        }
        return shape.toString();
    }

    private static String[] segments(String path) {
        return (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
    }
}
