package fr.somme.ent.provisioning.scim;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.PaginationConfig;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import com.unboundid.scim2.common.utils.JsonUtils;

/**
 * The discovery documents (RFC 7644 §4, RFC 7643 §5–7), written with the SCIM SDK's model, stating what this service
 * really does: filter yes ({@link ScimFilters}), PATCH yes (only {@code active}, which is read-only), index paging
 * (default {@value ScimResource#DEFAULT_COUNT}, at most {@value ScimResource#MAX_COUNT}); no bulk, sort, ETag or password
 * change; OAuth 2.0 bearer tokens. The schemas list only the attributes the service returns.
 */
final class ScimDiscovery {

    static final String BASE = "/scim/v2";

    private ScimDiscovery() {
    }

    static JsonNode serviceProviderConfig() {
        ServiceProviderConfigResource config = new ServiceProviderConfigResource(null, new PatchConfig(true),
                new BulkConfig(false, 0, 0), new FilterConfig(true, ScimResource.MAX_COUNT), new ChangePasswordConfig(false),
                new SortConfig(false), new ETagConfig(false),
                new PaginationConfig(false, true, "index", ScimResource.DEFAULT_COUNT, ScimResource.MAX_COUNT, null),
                List.of(oauthBearer()));
        config.setMeta(meta("ServiceProviderConfig", BASE + "/ServiceProviderConfig"));
        return JsonUtils.valueToNode(config);
    }

    private static AuthenticationScheme oauthBearer() {
        return new AuthenticationScheme("OAuth 2.0 Bearer Token",
                "An access token of the ENT realm (Keycloak, client credentials of the client ent-platform) holding the "
                        + "realm role ent-platform, sent as Authorization: Bearer <token> (RFC 6750).",
                URI.create("https://www.rfc-editor.org/rfc/rfc6750"), null, "oauthbearertoken", true);
    }

    static List<SchemaResource> schemas() {
        return List.of(userSchema(), groupSchema());
    }

    static Optional<SchemaResource> schema(String id) {
        return schemas().stream().filter(s -> s.getId().equals(id)).findFirst();
    }

    static List<ResourceTypeResource> resourceTypes() {
        return List.of(resourceType(ScimFilters.USER, "/Users", ScimJson.USER_SCHEMA,
                "Accounts of the deployed classes: a teacher and its students per class"),
                resourceType(ScimFilters.GROUP, "/Groups", ScimJson.GROUP_SCHEMA,
                        "Deployed or closed classes, with their accounts as members"));
    }

    static Optional<ResourceTypeResource> resourceType(String id) {
        return resourceTypes().stream().filter(r -> r.getId().equals(id)).findFirst();
    }

    /** A ListResponse of discovery resources: every one, on one page. */
    static <T> JsonNode list(List<T> resources) {
        return JsonUtils.valueToNode(new ListResponse<>(resources.size(), resources, 1, resources.size()));
    }

    static JsonNode node(Object resource) {
        return JsonUtils.valueToNode(resource);
    }

    private static ResourceTypeResource resourceType(String id, String endpoint, String schema, String description) {
        ResourceTypeResource type = new ResourceTypeResource(id, id, description, URI.create(endpoint), URI.create(schema), null);
        type.setMeta(meta("ResourceType", BASE + "/ResourceTypes/" + id));
        return type;
    }

    private static SchemaResource userSchema() {
        AttributeDefinition userName = text("userName", "The account's login (prenom.nom, unique on the platform)")
                .setRequired(true).setUniqueness(Uniqueness.SERVER).build();
        AttributeDefinition name = new AttributeDefinition.Builder().setName("name").setType(Type.COMPLEX)
                .setDescription("The person's names, when known (an anonymous seat has none)").setMutability(Mutability.READ_ONLY)
                .addSubAttributes(text("familyName", "Last name").build(), text("givenName", "First name").build()).build();
        AttributeDefinition userType = text("userType", "teacher or student").addCanonicalValues("teacher", "student").build();
        AttributeDefinition active = new AttributeDefinition.Builder().setName("active").setType(Type.BOOLEAN)
                .setMutability(Mutability.READ_ONLY)
                .setDescription("True once the account is activated with its code (POST /accounts/activation); read-only: "
                        + "a PATCH may only report the value it has (anything else is 400 mutability)")
                .build();
        AttributeDefinition groups = new AttributeDefinition.Builder().setName("groups").setType(Type.COMPLEX).setMultiValued(true)
                .setMutability(Mutability.READ_ONLY).setDescription("The account's class (one Group)")
                .addSubAttributes(text("value", "The Group's id (the class's project id)").setCaseExact(true).build(),
                        reference("$ref", "The Group's URI", "Group"))
                .build();
        SchemaResource schema = new SchemaResource(ScimJson.USER_SCHEMA, "User", "An account of a deployed class",
                List.of(userName, name, userType, active, groups));
        schema.setMeta(meta("Schema", BASE + "/Schemas/" + ScimJson.USER_SCHEMA));
        return schema;
    }

    private static SchemaResource groupSchema() {
        AttributeDefinition displayName = text("displayName", "<classLabel> - <school UAI> - <school year>").setRequired(true).build();
        AttributeDefinition members = new AttributeDefinition.Builder().setName("members").setType(Type.COMPLEX).setMultiValued(true)
                .setMutability(Mutability.READ_ONLY).setDescription("The class's accounts (teacher first, then students)")
                .addSubAttributes(text("value", "The User's id").setCaseExact(true).build(),
                        reference("$ref", "The User's URI", "User"), text("display", "The User's userName").build(),
                        text("type", "User").addCanonicalValues("User").build())
                .build();
        SchemaResource schema = new SchemaResource(ScimJson.GROUP_SCHEMA, "Group", "A deployed or closed class",
                List.of(displayName, members));
        schema.setMeta(meta("Schema", BASE + "/Schemas/" + ScimJson.GROUP_SCHEMA));
        return schema;
    }

    /** A read-only, single-valued string returned by default. */
    private static AttributeDefinition.Builder text(String name, String description) {
        return new AttributeDefinition.Builder().setName(name).setType(Type.STRING).setDescription(description)
                .setMutability(Mutability.READ_ONLY).setReturned(Returned.DEFAULT);
    }

    private static AttributeDefinition reference(String name, String description, String to) {
        return new AttributeDefinition.Builder().setName(name).setType(Type.REFERENCE).addReferenceTypes(to)
                .setDescription(description).setMutability(Mutability.READ_ONLY).setCaseExact(true).build();
    }

    private static Meta meta(String resourceType, String location) {
        Meta meta = new Meta();
        meta.setResourceType(resourceType);
        meta.setLocation(URI.create(location));
        return meta;
    }
}
