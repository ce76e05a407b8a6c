package fr.somme.ent.provisioning.scim;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A SCIM PatchOp (RFC 7644 §3.5.2) on a User: only {@code replace} (or {@code add}) of {@code active}, as
 * {@code "path":"active","value":true} or {@code "value":{"active":true}}.
 */
final class ScimPatch {

    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final int MAX_OPERATIONS = 10;

    private ScimPatch() {
    }

    /** The value of {@code active} the operations set (the last one wins). */
    static boolean active(JsonNode body) {
        if (body == null || !body.path("schemas").toString().contains(PATCH_SCHEMA) || !body.path("Operations").isArray()
                || body.path("Operations").isEmpty() || body.path("Operations").size() > MAX_OPERATIONS) {
            throw new ScimException(400, "invalidSyntax", "a PatchOp with schemas [" + PATCH_SCHEMA + "] and 1 to "
                    + MAX_OPERATIONS + " Operations is required");
        }
        boolean active = false;
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
        return active;
    }
}
