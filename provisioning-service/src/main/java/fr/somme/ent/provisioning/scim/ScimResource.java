package fr.somme.ent.provisioning.scim;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.provisioning.config.PlatformRole;
import fr.somme.ent.provisioning.domain.Directory.Page;
import fr.somme.ent.provisioning.domain.Directory.PageRequest;
import fr.somme.ent.provisioning.service.DirectoryService;

/**
 * SCIM 2.0 (RFC 7643/7644) for the ENT platform only (realm role {@code ent-platform}; other partners: 403): accounts
 * as Users, deployed classes as Groups. Subset: GET list with {@code filter} (see {@link ScimFilters}),
 * {@code startIndex}/{@code count}; GET by id; PATCH {@code active}, which is read-only (an account is activated with
 * its code: {@code POST /accounts/activation}); the discovery documents {@code /ServiceProviderConfig},
 * {@code /Schemas}, {@code /ResourceTypes} ({@link ScimDiscovery}). An adapter: it maps SCIM to the directory use cases
 * and back, and answers errors in the SCIM format (also those raised before it is reached: {@link ScimErrors}).
 */
@Path("/scim/v2")
@Tag(name = "scim", description = "SCIM 2.0 for the ENT platform (role ent-platform)")
@Produces({ ScimResource.SCIM_JSON, MediaType.APPLICATION_JSON })
@RolesAllowed(PlatformRole.ENT_PLATFORM)
public class ScimResource {

    public static final String SCIM_JSON = "application/scim+json";
    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 200;

    private final DirectoryService directory;

    public ScimResource(DirectoryService directory) {
        this.directory = directory;
    }

    @GET
    @Path("/ServiceProviderConfig")
    @Operation(summary = "What this SCIM service supports (RFC 7643 §5): filter, PATCH (active only), index paging; "
            + "no bulk, sort, ETag, password change; OAuth 2.0 bearer tokens")
    public JsonNode serviceProviderConfig(@QueryParam("filter") String filter) {
        noFilter(filter);
        return ScimDiscovery.serviceProviderConfig();
    }

    @GET
    @Path("/Schemas")
    @Operation(summary = "The User and Group schemas (RFC 7643 §7), with the attributes this service returns")
    public JsonNode schemas(@QueryParam("filter") String filter) {
        noFilter(filter);
        return ScimDiscovery.list(ScimDiscovery.schemas());
    }

    @GET
    @Path("/Schemas/{id}")
    @Operation(summary = "One schema, by its URN")
    public JsonNode schema(@PathParam("id") String id) {
        return ScimDiscovery.schema(id).map(ScimDiscovery::node).orElseThrow(() -> notFound("Schema", id));
    }

    @GET
    @Path("/ResourceTypes")
    @Operation(summary = "The resource types User (/Users) and Group (/Groups) (RFC 7643 §6)")
    public JsonNode resourceTypes(@QueryParam("filter") String filter) {
        noFilter(filter);
        return ScimDiscovery.list(ScimDiscovery.resourceTypes());
    }

    @GET
    @Path("/ResourceTypes/{id}")
    @Operation(summary = "One resource type: User or Group")
    public JsonNode resourceType(@PathParam("id") String id) {
        return ScimDiscovery.resourceType(id).map(ScimDiscovery::node).orElseThrow(() -> notFound("ResourceType", id));
    }

    @GET
    @Path("/Users")
    @Operation(summary = "SCIM Users (accounts): filter (eq, co, sw, pr, gt, ge, lt, le; and, or) on userName, externalId, "
            + "name.familyName, name.givenName, meta.lastModified, meta.created; startIndex, count")
    public Map<String, Object> users(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count) {
        int start = start(startIndex);
        var page = directory.users(ScimFilters.parse(filter, ScimFilters.USER), page(start, count));
        return ScimJson.list(new Page<>(page.total(), page.items().stream().map(ScimJson::user).toList()), start);
    }

    @GET
    @Path("/Users/{id}")
    @Operation(summary = "A SCIM User")
    public Map<String, Object> user(@PathParam("id") String id) {
        return directory.user(uuid(id, ScimFilters.USER)).map(ScimJson::user).orElseThrow(() -> notFound(ScimFilters.USER, id));
    }

    @PATCH
    @Path("/Users/{id}")
    @Consumes({ SCIM_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "PATCH a SCIM User: only `active`, read-only: reporting it as it is changes nothing, "
            + "anything else is 400 mutability (activation: POST /accounts/activation with the code)")
    public Map<String, Object> patch(@PathParam("id") String id, JsonNode body) {
        UUID uuid = uuid(id, ScimFilters.USER);
        boolean active = ScimPatch.active(body);
        return directory.reportActive(uuid, active).map(ScimJson::user)
                .orElseThrow(() -> notFound(ScimFilters.USER, id));
    }

    @GET
    @Path("/Groups")
    @Operation(summary = "SCIM Groups (deployed classes): filter (eq, co, sw, pr; gt, ge, lt, le; and, or) on displayName, "
            + "meta.lastModified; startIndex, count")
    public Map<String, Object> groups(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count) {
        int start = start(startIndex);
        var page = directory.groups(ScimFilters.parse(filter, ScimFilters.GROUP), page(start, count));
        return ScimJson.list(new Page<>(page.total(), page.items().stream().map(ScimJson::group).toList()), start);
    }

    @GET
    @Path("/Groups/{id}")
    @Operation(summary = "A SCIM Group (a class) with its members")
    public Map<String, Object> group(@PathParam("id") String id) {
        return directory.group(uuid(id, ScimFilters.GROUP)).map(ScimJson::group)
                .orElseThrow(() -> notFound(ScimFilters.GROUP, id));
    }

    /** A refusal of the domain (e.g. reactivating a closed account) answers in the SCIM error format here. */
    @ServerExceptionMapper
    public Response rejected(Rejection e) {
        return ScimException.of(e).toResponse();
    }

    /** startIndex is 1-based; below 1 means 1 (RFC 7644 §3.4.2.4). */
    private static int start(String startIndex) {
        Long start = integer("startIndex", startIndex);
        return start == null || start < 1 ? 1 : (int) Math.min(start, Integer.MAX_VALUE);
    }

    /** count: default 100, at most 200, below 0 means 0. */
    private static PageRequest page(int start, String count) {
        Long n = integer("count", count);
        return new PageRequest(start - 1, n == null ? DEFAULT_COUNT : (int) Math.max(0, Math.min(n, MAX_COUNT)));
    }

    /** An integer query parameter, or null when absent; anything else → 400 invalidValue (not JAX-RS' 404). */
    private static Long integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ScimException(400, "invalidValue", name + " is an integer");
        }
    }

    /** RFC 7644 §4: a filter on a discovery endpoint is refused with 403, so that no client believes it was applied. */
    private static void noFilter(String filter) {
        if (filter != null) {
            throw new ScimException(403, null, "the discovery endpoints take no filter");
        }
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(what, id);
        }
    }

    private static ScimException notFound(String what, String id) {
        return new ScimException(404, null, what + " " + id + " not found");
    }
}
