package fr.somme.ent.provisioning.scim;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;

import fr.somme.ent.provisioning.domain.Directory.Field;
import fr.somme.ent.provisioning.domain.Directory.Filter;
import fr.somme.ent.provisioning.domain.Directory.Operator;

/**
 * SCIM filters (RFC 7644 §3.4.2.2), parsed by the UnboundID SCIM SDK, turned into a {@link Filter} of the directory.
 * Supported: {@code eq}, {@code co}, {@code sw}, {@code pr} on the texts, {@code eq}, {@code gt}, {@code ge},
 * {@code lt}, {@code le}, {@code pr} on the instants, joined by {@code and} / {@code or} (with parentheses). Users:
 * {@code userName}, {@code externalId}, {@code name.familyName}, {@code name.givenName}, {@code meta.lastModified},
 * {@code meta.created}; Groups: {@code displayName}, {@code meta.lastModified}. Attribute names are case-insensitive and
 * may carry their schema URN. Anything else ({@code ne}, {@code ew}, {@code not}, {@code emails[...]}, another
 * attribute) is {@code 400 invalidFilter}; an instant that is not RFC 3339 is {@code 400 invalidValue}.
 */
final class ScimFilters {

    static final String USER = "User";
    static final String GROUP = "Group";

    /** A filter has at most this many characters... */
    static final int MAX_LENGTH = 1000;
    /** ...and at most this many comparisons. */
    static final int MAX_TERMS = 20;

    /** The attributes a search may name, per resource type, lower-cased (SCIM attribute names ignore case). */
    private static final Map<String, Map<String, Field>> FIELDS = Map.of(
            USER, Map.of("username", Field.USER_NAME, "externalid", Field.EXTERNAL_ID, "name.familyname", Field.FAMILY_NAME,
                    "name.givenname", Field.GIVEN_NAME, "meta.lastmodified", Field.LAST_MODIFIED, "meta.created", Field.CREATED),
            GROUP, Map.of("displayname", Field.DISPLAY_NAME, "meta.lastmodified", Field.LAST_MODIFIED));

    private static final Map<String, String> SCHEMAS = Map.of(USER, ScimJson.USER_SCHEMA, GROUP, ScimJson.GROUP_SCHEMA);

    private ScimFilters() {
    }

    /** The filter of a search on {@code resource} (User or Group); none (null or blank): everything. */
    static Filter parse(String filter, String resource) {
        if (filter == null || filter.isBlank()) {
            return Filter.ALL;
        }
        if (filter.length() > MAX_LENGTH) {
            throw invalid("a filter has at most " + MAX_LENGTH + " characters");
        }
        com.unboundid.scim2.common.filters.Filter parsed;
        try {
            parsed = com.unboundid.scim2.common.filters.Filter.fromString(filter);
        } catch (BadRequestException e) {
            throw invalid("the filter is not a SCIM filter (RFC 7644 §3.4.2.2): " + e.getMessage());
        } catch (RuntimeException e) {
            throw invalid("the filter is not a SCIM filter (RFC 7644 §3.4.2.2)");
        }
        int[] terms = { 0 };
        return convert(parsed, resource, terms);
    }

    private static Filter convert(com.unboundid.scim2.common.filters.Filter f, String resource, int[] terms) {
        switch (f.getFilterType()) {
            case AND, OR -> {
                List<Filter> parts = new ArrayList<>();
                for (com.unboundid.scim2.common.filters.Filter part : f.getCombinedFilters()) {
                    parts.add(convert(part, resource, terms));
                }
                return f.getFilterType() == com.unboundid.scim2.common.filters.FilterType.AND ? new Filter.And(parts)
                        : new Filter.Or(parts);
            }
            case PRESENT -> {
                count(terms);
                return new Filter.Present(field(f.getAttributePath(), resource));
            }
            case EQUAL, CONTAINS, STARTS_WITH, GREATER_THAN, GREATER_OR_EQUAL, LESS_THAN, LESS_OR_EQUAL -> {
                count(terms);
                Field field = field(f.getAttributePath(), resource);
                Operator op = operator(f.getFilterType());
                if (field.isInstant() ? !op.onInstant() : !op.onText()) {
                    throw invalid(f.getFilterType().toString() + " does not compare " + f.getAttributePath() + " (supported: "
                            + (field.isInstant() ? "eq, gt, ge, lt, le, pr" : "eq, co, sw, pr") + ")");
                }
                return new Filter.Compare(field, op, value(f.getComparisonValue(), field, f.getAttributePath()));
            }
            default -> throw invalid(f.getFilterType().toString() + " is not supported (supported: eq, co, sw, pr on texts; "
                    + "eq, gt, ge, lt, le, pr on instants; and, or)");
        }
    }

    private static void count(int[] terms) {
        if (++terms[0] > MAX_TERMS) {
            throw invalid("a filter has at most " + MAX_TERMS + " comparisons");
        }
    }

    private static Operator operator(com.unboundid.scim2.common.filters.FilterType type) {
        return switch (type) {
            case EQUAL -> Operator.EQUAL;
            case CONTAINS -> Operator.CONTAINS;
            case STARTS_WITH -> Operator.STARTS_WITH;
            case GREATER_THAN -> Operator.AFTER;
            case GREATER_OR_EQUAL -> Operator.FROM;
            case LESS_THAN -> Operator.BEFORE;
            case LESS_OR_EQUAL -> Operator.UNTIL;
            default -> throw invalid(type + " is not supported");
        };
    }

    /** The field an attribute path names on this resource: {@code name.familyName}, or with its schema URN. */
    private static Field field(Path path, String resource) {
        String urn = path.getSchemaUrn();
        if (urn != null && !urn.equalsIgnoreCase(SCHEMAS.get(resource))) {
            throw invalid("the schema " + urn + " is not that of " + resource + "s");
        }
        List<String> names = new ArrayList<>();
        for (Path.Element e : path) {
            if (e.getValueFilter() != null) {
                throw invalid("value filters (attribute[...]) are not supported");
            }
            names.add(e.getAttribute().toLowerCase(Locale.ROOT));
        }
        Field field = FIELDS.get(resource).get(String.join(".", names));
        if (field == null) {
            throw invalid(path + " cannot be searched on " + resource + "s (supported: " + supported(resource) + ")");
        }
        return field;
    }

    private static String supported(String resource) {
        return USER.equals(resource) ? "userName, externalId, name.familyName, name.givenName, meta.lastModified, meta.created"
                : "displayName, meta.lastModified";
    }

    private static Object value(ValueNode value, Field field, Path path) {
        if (value == null || !value.isTextual()) {
            throw invalid(path + " is compared with a string");
        }
        String text = value.textValue();
        if (!field.isInstant()) {
            return text;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw new ScimException(400, "invalidValue", path + " is compared with an RFC 3339 instant");
            }
        }
    }

    private static ScimException invalid(String detail) {
        return new ScimException(400, "invalidFilter", detail);
    }
}
