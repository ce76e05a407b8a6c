package fr.somme.ent.provisioning.scim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.somme.ent.provisioning.domain.Account;
import fr.somme.ent.provisioning.domain.AccountRole;
import fr.somme.ent.provisioning.domain.AccountState;
import fr.somme.ent.provisioning.domain.Directory.Group;
import fr.somme.ent.provisioning.domain.Directory.Member;
import fr.somme.ent.provisioning.domain.Directory.Page;

/** Accounts as SCIM Users, classes as SCIM Groups (RFC 7643), and list responses (RFC 7644 §3.4.2). */
final class ScimJson {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private ScimJson() {
    }

    static Map<String, Object> user(Account a) {
        Map<String, Object> u = new LinkedHashMap<>();
        String id = a.id().toString();
        u.put("schemas", List.of(USER_SCHEMA));
        u.put("id", id);
        if (a.externalId() != null) {
            u.put("externalId", a.externalId());
        }
        u.put("userName", a.login());
        if (a.lastName() != null || a.firstName() != null) {
            Map<String, Object> name = new LinkedHashMap<>();
            if (a.lastName() != null) {
                name.put("familyName", a.lastName());
            }
            if (a.firstName() != null) {
                name.put("givenName", a.firstName());
            }
            u.put("name", name);
        }
        u.put("userType", a.role() == AccountRole.TEACHER ? "teacher" : "student");
        u.put("active", a.state() == AccountState.ACTIVE);
        String group = a.projectId().toString();
        u.put("groups", List.of(Map.of("value", group, "$ref", "/scim/v2/Groups/" + group)));
        u.put("meta", meta("User", "/scim/v2/Users/" + id, a.createdAt(), a.lastModified()));
        return u;
    }

    static Map<String, Object> group(Group g) {
        Map<String, Object> out = new LinkedHashMap<>();
        String id = g.projectId().toString();
        out.put("schemas", List.of(GROUP_SCHEMA));
        out.put("id", id);
        out.put("externalId", id);
        out.put("displayName", g.displayName());
        out.put("members", g.members().stream().map(ScimJson::member).toList());
        out.put("meta", meta("Group", "/scim/v2/Groups/" + id, g.updatedAt(), g.updatedAt()));
        return out;
    }

    private static Map<String, Object> member(Member m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", m.accountId().toString());
        out.put("$ref", "/scim/v2/Users/" + m.accountId());
        out.put("display", m.login());
        out.put("type", "User");
        return out;
    }

    private static Map<String, Object> meta(String type, String location, Instant created, Instant lastModified) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("resourceType", type);
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("location", location);
        return meta;
    }

    /** A ListResponse; {@code start} is the 1-based index of the first resource. */
    static Map<String, Object> list(Page<Map<String, Object>> page, int start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of(LIST_SCHEMA));
        body.put("totalResults", page.total());
        body.put("startIndex", start);
        body.put("itemsPerPage", page.items().size());
        body.put("Resources", page.items());
        return body;
    }
}
