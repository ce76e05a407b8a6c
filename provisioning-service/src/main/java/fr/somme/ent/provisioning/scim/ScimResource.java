package fr.somme.ent.provisioning.scim;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.provisioning.service.Sql;

/**
 * SCIM 2.0 (RFC 7643/7644) for the ENT platform, role {@code partner}: accounts as Users, deployed classes as Groups.
 * Subset: GET list with {@code filter} ({@code userName eq "..."}, {@code meta.lastModified gt "..."}, joined by
 * {@code and}), {@code startIndex}/{@code count}; GET by id; PATCH {@code active} (the platform reports activations).
 * Purged accounts are not exposed.
 */
@Path("/scim/v2")
@Tag(name = "scim", description = "SCIM 2.0 for the ENT platform (partner)")
@Produces({ ScimResource.SCIM_JSON, MediaType.APPLICATION_JSON })
@RolesAllowed({ "partner", "operator" })
public class ScimResource {

    public static final String SCIM_JSON = "application/scim+json";
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final int MAX_COUNT = 200;
    private static final Logger LOG = Logger.getLogger(ScimResource.class);
    private static final Pattern TERM = Pattern.compile(
            "^\\s*(userName|meta\\.lastModified|displayName)\\s+(eq|gt)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$", Pattern.CASE_INSENSITIVE);
    private static final String USER_COLUMNS = "SELECT id, login, role, state, last_name, first_name, external_id, "
            + "created_at, last_modified, project_id FROM account ";

    private final Sql sql;
    private final Clock clock;
    private final CallerScope caller;

    public ScimResource(Sql sql, Clock clock, CallerScope caller) {
        this.sql = sql;
        this.clock = clock;
        this.caller = caller;
    }

    record Filter(String where, List<Object> params) {
    }

    @GET
    @Path("/Users")
    @Transactional
    @Operation(summary = "SCIM Users (accounts): filter userName eq / meta.lastModified gt, startIndex, count")
    public Map<String, Object> users(@QueryParam("filter") String filter, @QueryParam("startIndex") Integer startIndex,
            @QueryParam("count") Integer count) {
        Filter f = parse(filter, "User");
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? 100 : Math.max(0, Math.min(count, MAX_COUNT));
        List<Object> params = new ArrayList<>(f.params());
        long total = sql.one("SELECT count(*) FROM account WHERE purged_at IS NULL" + f.where(), rs -> rs.getLong(1),
                params.toArray()).orElse(0L);
        params.add(size);
        params.add(start - 1);
        List<Map<String, Object>> resources = sql.list(USER_COLUMNS + "WHERE purged_at IS NULL" + f.where()
                + " ORDER BY created_at, id LIMIT ? OFFSET ?", rs -> user(rs), params.toArray());
        return list(total, start, resources);
    }

    @GET
    @Path("/Users/{id}")
    @Transactional
    @Operation(summary = "A SCIM User")
    public Map<String, Object> user(@PathParam("id") String id) {
        UUID uuid = uuid(id, "User");
        return sql.one(USER_COLUMNS + "WHERE id = ? AND purged_at IS NULL", rs -> user(rs), uuid)
                .orElseThrow(() -> new ScimException(404, null, "User " + id + " not found"));
    }

    @PATCH
    @Path("/Users/{id}")
    @Consumes({ SCIM_JSON, MediaType.APPLICATION_JSON })
    @Transactional
    @Operation(summary = "PATCH a SCIM User: only `active` (true = the user activated the account)")
    public Map<String, Object> patch(@PathParam("id") String id, JsonNode body) {
        UUID uuid = uuid(id, "User");
        if (body == null || !body.path("schemas").toString().contains(PATCH_SCHEMA) || !body.path("Operations").isArray()
                || body.path("Operations").isEmpty()) {
            throw new ScimException(400, "invalidSyntax", "a PatchOp with schemas [" + PATCH_SCHEMA + "] and Operations is required");
        }
        Boolean active = null;
        for (JsonNode op : body.path("Operations")) {
            String verb = op.path("op").asText("").toLowerCase(Locale.ROOT);
            if (!verb.equals("replace") && !verb.equals("add")) {
                throw new ScimException(400, "invalidSyntax", "only replace (or add) of active is supported");
            }
            String path = op.path("path").asText("");
            JsonNode value = op.path("value");
            if (path.equalsIgnoreCase("active") && value.isBoolean()) {
                active = value.asBoolean();
            } else if (path.isEmpty() && value.isObject() && value.size() == 1 && value.path("active").isBoolean()) {
                active = value.path("active").asBoolean();
            } else {
                throw new ScimException(400, "invalidPath", "only the attribute active (boolean) can be patched");
            }
        }
        String state = sql.one("SELECT state FROM account WHERE id = ? AND purged_at IS NULL FOR UPDATE", rs -> rs.getString(1), uuid)
                .orElseThrow(() -> new ScimException(404, null, "User " + id + " not found"));
        if (Boolean.TRUE.equals(active) && "PENDING_ACTIVATION".equals(state)) {
            Instant now = clock.instant();
            sql.update("UPDATE account SET state = 'ACTIVE', activated_at = ?, activation_code_hash = NULL, last_modified = ? "
                    + "WHERE id = ?", now, now, uuid);
            LOG.infof("account %s activated, reported by %s", uuid, caller.actor());
        } else if (Boolean.TRUE.equals(active) && "CLOSED".equals(state)) {
            throw new ScimException(400, "mutability", "a closed account cannot be activated");
        } else if (Boolean.FALSE.equals(active) && !"CLOSED".equals(state)) {
            throw new ScimException(400, "mutability", "accounts are closed by the syndicat (withdrawal, termination), "
                    + "not by the platform");
        }
        return user(id);
    }

    @GET
    @Path("/Groups")
    @Transactional
    @Operation(summary = "SCIM Groups (deployed classes): filter displayName eq / meta.lastModified gt, startIndex, count")
    public Map<String, Object> groups(@QueryParam("filter") String filter, @QueryParam("startIndex") Integer startIndex,
            @QueryParam("count") Integer count) {
        Filter f = parse(filter, "Group");
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? 100 : Math.max(0, Math.min(count, MAX_COUNT));
        String base = " FROM class_deployment WHERE status <> 'PENDING'" + f.where();
        List<Object> params = new ArrayList<>(f.params());
        long total = sql.one("SELECT count(*)" + base, rs -> rs.getLong(1), params.toArray()).orElse(0L);
        params.add(size);
        params.add(start - 1);
        List<UUID> ids = sql.list("SELECT project_id" + base + " ORDER BY project_id LIMIT ? OFFSET ?",
                rs -> rs.getObject(1, UUID.class), params.toArray());
        return list(total, start, groupsOf(ids));
    }

    @GET
    @Path("/Groups/{id}")
    @Transactional
    @Operation(summary = "A SCIM Group (a class) with its members")
    public Map<String, Object> group(@PathParam("id") String id) {
        UUID uuid = uuid(id, "Group");
        List<Map<String, Object>> found = groupsOf(sql.list("SELECT project_id FROM class_deployment WHERE project_id = ? "
                + "AND status <> 'PENDING'", rs -> rs.getObject(1, UUID.class), uuid));
        if (found.isEmpty()) {
            throw new ScimException(404, null, "Group " + id + " not found");
        }
        return found.get(0);
    }

    private List<Map<String, Object>> groupsOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String[] keys = ids.stream().map(UUID::toString).toArray(String[]::new);
        Map<UUID, Map<String, Object>> groups = new LinkedHashMap<>();
        sql.list("SELECT project_id, class_label, school_uai, school_year, updated_at, deployed_on FROM class_deployment "
                + "WHERE project_id = ANY(?::uuid[]) ORDER BY project_id", rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Map<String, Object> g = new LinkedHashMap<>();
                    g.put("schemas", List.of(GROUP_SCHEMA));
                    g.put("id", id.toString());
                    g.put("externalId", id.toString());
                    g.put("displayName", displayName(rs.getString(2), rs.getString(3), rs.getString(4)));
                    g.put("members", new ArrayList<Map<String, Object>>());
                    g.put("meta", meta("Group", "/scim/v2/Groups/" + id, rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(5).toInstant()));
                    groups.put(id, g);
                    return null;
                }, (Object) keys);
        sql.list("SELECT project_id, id, login FROM account WHERE project_id = ANY(?::uuid[]) AND purged_at IS NULL "
                + "ORDER BY role DESC, login", rs -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> members = (List<Map<String, Object>>) groups.get(rs.getObject(1, UUID.class))
                            .get("members");
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("value", rs.getString(2));
                    m.put("$ref", "/scim/v2/Users/" + rs.getString(2));
                    m.put("display", rs.getString(3));
                    m.put("type", "User");
                    members.add(m);
                    return null;
                }, (Object) keys);
        return new ArrayList<>(groups.values());
    }

    static String displayName(String classLabel, String uai, String year) {
        return classLabel + " - " + uai + " - " + year;
    }

    private Map<String, Object> user(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, Object> u = new LinkedHashMap<>();
        String id = rs.getString(1);
        u.put("schemas", List.of(USER_SCHEMA));
        u.put("id", id);
        if (rs.getString(7) != null) {
            u.put("externalId", rs.getString(7));
        }
        u.put("userName", rs.getString(2));
        if (rs.getString(5) != null || rs.getString(6) != null) {
            Map<String, Object> name = new LinkedHashMap<>();
            if (rs.getString(5) != null) {
                name.put("familyName", rs.getString(5));
            }
            if (rs.getString(6) != null) {
                name.put("givenName", rs.getString(6));
            }
            u.put("name", name);
        }
        u.put("userType", "TEACHER".equals(rs.getString(3)) ? "teacher" : "student");
        u.put("active", "ACTIVE".equals(rs.getString(4)));
        u.put("groups", List.of(Map.of("value", rs.getString(10), "$ref", "/scim/v2/Groups/" + rs.getString(10))));
        u.put("meta", meta("User", "/scim/v2/Users/" + id, rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant()));
        return u;
    }

    private static Map<String, Object> meta(String type, String location, Instant created, Instant lastModified) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("resourceType", type);
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("location", location);
        return meta;
    }

    private static Map<String, Object> list(long total, int start, List<Map<String, Object>> resources) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of(LIST_SCHEMA));
        body.put("totalResults", total);
        body.put("startIndex", start);
        body.put("itemsPerPage", resources.size());
        body.put("Resources", resources);
        return body;
    }

    /** {@code attr op "value"} terms joined by {@code and}; anything else is invalidFilter (RFC 7644 §3.4.2.2). */
    static Filter parse(String filter, String resource) {
        if (filter == null || filter.isBlank()) {
            return new Filter("", List.of());
        }
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (String term : filter.split("(?i)\\s+and\\s+")) {
            Matcher m = TERM.matcher(term);
            if (!m.matches()) {
                throw new ScimException(400, "invalidFilter", "supported filters: userName eq \"...\", displayName eq \"...\", "
                        + "meta.lastModified gt \"<RFC 3339 instant>\", joined by and");
            }
            String attr = m.group(1).toLowerCase(Locale.ROOT);
            String op = m.group(2).toLowerCase(Locale.ROOT);
            String value = m.group(3).replace("\\\"", "\"").replace("\\\\", "\\");
            if (attr.equals("username") && op.equals("eq") && resource.equals("User")) {
                where.append(" AND lower(login) = lower(?)");
                params.add(value);
            } else if (attr.equals("displayname") && op.equals("eq") && resource.equals("Group")) {
                where.append(" AND (class_label || ' - ' || school_uai || ' - ' || school_year) = ?");
                params.add(value);
            } else if (attr.equals("meta.lastmodified") && op.equals("gt")) {
                try {
                    params.add(Instant.parse(value));
                } catch (DateTimeParseException e) {
                    throw new ScimException(400, "invalidValue", "meta.lastModified must be an RFC 3339 instant");
                }
                where.append(resource.equals("User") ? " AND last_modified > ?" : " AND updated_at > ?");
            } else {
                throw new ScimException(400, "invalidFilter", attr + " " + op + " is not supported on " + resource + "s");
            }
        }
        return new Filter(where.toString(), params);
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ScimException(404, null, what + " " + id + " not found");
        }
    }
}
