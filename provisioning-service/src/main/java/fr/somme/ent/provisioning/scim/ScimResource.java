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
 * as Users, deployed classes as Groups. Subset: GET list with {@code filter} ({@code userName eq "..."},
 * {@code meta.lastModified gt "..."}, joined by {@code and}), {@code startIndex}/{@code count}; GET by id; PATCH
 * {@code active}, which is read-only (an account is activated with its code: {@code POST /accounts/activation}).
 * An adapter: it maps SCIM to the directory use cases and back, and answers errors in the SCIM format.
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
    @Path("/Users")
    @Operation(summary = "SCIM Users (accounts): filter userName eq / meta.lastModified gt, startIndex, count")
    public Map<String, Object> users(@QueryParam("filter") String filter, @QueryParam("startIndex") Integer startIndex,
            @QueryParam("count") Integer count) {
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
    @Operation(summary = "SCIM Groups (deployed classes): filter displayName eq / meta.lastModified gt, startIndex, count")
    public Map<String, Object> groups(@QueryParam("filter") String filter, @QueryParam("startIndex") Integer startIndex,
            @QueryParam("count") Integer count) {
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

    /** startIndex is 1-based; below 1 means 1. */
    private static int start(Integer startIndex) {
        return startIndex == null || startIndex < 1 ? 1 : startIndex;
    }

    /** count: default 100, at most 200, below 0 means 0. */
    private static PageRequest page(int start, Integer count) {
        return new PageRequest(start - 1, count == null ? DEFAULT_COUNT : Math.max(0, Math.min(count, MAX_COUNT)));
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
