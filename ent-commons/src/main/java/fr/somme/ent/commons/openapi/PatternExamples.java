package fr.somme.ent.commons.openapi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A string that matches a schema's {@code pattern} (JSON Schema: the pattern is searched, not anchored), for the
 * examples of the OpenAPI documents: a plain word when it matches, else one built from the pattern's simple parts
 * (literals, {@code \d \w \s \S .}, one group of alternatives, character classes, {@code ? * + {m,n}} quantifiers, anchors). Every value is
 * checked against the pattern; a pattern too rich for the builder gives none.
 */
final class PatternExamples {

    private static final String WORD = "texte";
    /** A whole pattern that is one group of alternatives, {@code ^(SAML2|OIDC|CAS)$}: its first one is an example. */
    private static final Pattern ALTERNATIVES = Pattern.compile("\\^?\\(([^()]+)\\)\\$?");

    private PatternExamples() {
    }

    static Optional<String> of(String pattern, Integer minLength, Integer maxLength) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
        Matcher alternatives = ALTERNATIVES.matcher(pattern);
        String first = alternatives.matches() ? built(alternatives.group(1).split("\\|", -1)[0]) : null;
        for (String candidate : new String[] {WORD, built(pattern), first}) {
            if (candidate != null && compiled.matcher(candidate).find() && fits(candidate, minLength, maxLength)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean fits(String value, Integer min, Integer max) {
        return (min == null || value.length() >= min) && (max == null || value.length() <= max);
    }

    /** One character per atom, repeated the quantifier's minimum, or null when the pattern is beyond the builder. */
    static String built(String pattern) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            String atom;
            if (c == '^' || c == '$') {
                i++;
                continue;
            } else if (c == '\\' && i + 1 < pattern.length()) {
                atom = escaped(pattern.charAt(i + 1));
                i += 2;
            } else if (c == '[') {
                int end = pattern.indexOf(']', i + 2);
                if (end < 0) {
                    return null;
                }
                atom = classMember(pattern.substring(i + 1, end));
                i = end + 1;
            } else if (c == '.') {
                atom = "x";
                i++;
            } else if ("()|?*+{}".indexOf(c) >= 0) {
                return null;
            } else {
                atom = String.valueOf(c);
                i++;
            }
            if (atom == null) {
                return null;
            }
            int repeat = 1;
            if (i < pattern.length()) {
                char q = pattern.charAt(i);
                if (q == '?' || q == '*' || q == '+') {
                    repeat = q == '+' ? 1 : 0;
                    i++;
                } else if (q == '{') {
                    int end = pattern.indexOf('}', i);
                    if (end < 0) {
                        return null;
                    }
                    String min = pattern.substring(i + 1, end).split(",", -1)[0];
                    repeat = min.isEmpty() ? 0 : Integer.parseInt(min);
                    i = end + 1;
                }
            }
            out.append(atom.repeat(repeat));
        }
        return out.toString();
    }

    private static String escaped(char c) {
        return switch (c) {
            case 'd' -> "1";
            case 'w', 'S' -> "a";
            case 's' -> " ";
            case 'D', 'W' -> "-";
            default -> Character.isLetterOrDigit(c) ? null : String.valueOf(c);
        };
    }

    private static String classMember(String body) {
        if (body.startsWith("^")) {
            return null;
        }
        if (body.startsWith("\\")) {
            return body.length() > 1 ? escaped(body.charAt(1)) : null;
        }
        if (body.length() >= 3 && body.charAt(1) == '-') {
            char from = body.charAt(0);
            char to = body.charAt(2);
            return from <= '1' && to >= '1' ? "1" : String.valueOf(from);
        }
        return String.valueOf(body.charAt(0));
    }
}
