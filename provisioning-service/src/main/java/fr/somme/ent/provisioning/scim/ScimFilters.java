package fr.somme.ent.provisioning.scim;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.somme.ent.provisioning.domain.Directory.Filter;

/**
 * The SCIM filters this service understands (RFC 7644 §3.4.2.2): {@code userName eq "..."} (Users),
 * {@code displayName eq "..."} (Groups), {@code meta.lastModified gt "<RFC 3339 instant>"}, joined by {@code and}.
 * Anything else is {@code invalidFilter}.
 */
final class ScimFilters {

    static final String USER = "User";
    static final String GROUP = "Group";

    private static final Pattern TERM = Pattern.compile(
            "^\\s*(userName|meta\\.lastModified|displayName)\\s+(eq|gt)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$", Pattern.CASE_INSENSITIVE);

    private ScimFilters() {
    }

    /** The filter of a search on {@code resource} (User or Group). */
    static final int MAX_LENGTH = 1000;

    static Filter parse(String filter, String resource) {
        if (filter == null || filter.isBlank()) {
            return Filter.ALL;
        }
        if (filter.length() > MAX_LENGTH) {
            throw new ScimException(400, "invalidFilter", "a filter has at most " + MAX_LENGTH + " characters");
        }
        List<String> names = new ArrayList<>();
        List<Instant> modifiedAfter = new ArrayList<>();
        for (String term : filter.split("(?i)\\s+and\\s+")) {
            Matcher m = TERM.matcher(term);
            if (!m.matches()) {
                throw new ScimException(400, "invalidFilter", "supported filters: userName eq \"...\", displayName eq \"...\", "
                        + "meta.lastModified gt \"<RFC 3339 instant>\", joined by and");
            }
            String attr = m.group(1).toLowerCase(Locale.ROOT);
            String op = m.group(2).toLowerCase(Locale.ROOT);
            String value = m.group(3).replace("\\\"", "\"").replace("\\\\", "\\");
            if (op.equals("eq") && (attr.equals("username") && resource.equals(USER)
                    || attr.equals("displayname") && resource.equals(GROUP))) {
                names.add(value);
            } else if (attr.equals("meta.lastmodified") && op.equals("gt")) {
                modifiedAfter.add(instant(value));
            } else {
                throw new ScimException(400, "invalidFilter", attr + " " + op + " is not supported on " + resource + "s");
            }
        }
        return new Filter(names, modifiedAfter);
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ScimException(400, "invalidValue", "meta.lastModified must be an RFC 3339 instant");
        }
    }
}
