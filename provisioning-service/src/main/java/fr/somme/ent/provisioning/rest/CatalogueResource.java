package fr.somme.ent.provisioning.rest;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.provisioning.service.Sql;

/** The catalogue of paid pedagogical resources reached by SSO (art. 2), with the market unit price per school year. */
@Path("/resources")
@Tag(name = "resources", description = "Resource catalogue (operator)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    public record Price(@NotNull @Pattern(regexp = "^[0-9]{4}-[0-9]{4}$") String schoolYear,
            @NotNull @Pattern(regexp = "^[0-9]{1,8}\\.[0-9]{2}$", message = "euros with two decimals, e.g. 12.50") String unitPrice) {
    }

    public record ResourceBody(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 200) String supplier,
            @NotNull @Pattern(regexp = "^(SAML2|OIDC|CAS|GAR)$", message = "SAML2, OIDC, CAS or GAR") String ssoProtocol,
            boolean validatedByDepartement, @NotNull @Size(max = 20) List<@Valid @NotNull Price> prices) {
    }

    public record ResourceView(String code, String title, String supplier, String ssoProtocol,
            boolean validatedByDepartement, List<Price> prices) {
    }

    private final Sql sql;
    private final Clock clock;
    private final CallerScope caller;

    public CatalogueResource(Sql sql, Clock clock, CallerScope caller) {
        this.sql = sql;
        this.clock = clock;
        this.caller = caller;
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("operator")
    @Transactional
    @Operation(summary = "Create or replace a catalogue resource and its prices per school year")
    public ResourceView put(@PathParam("code") String code, @Valid @NotNull ResourceBody body) {
        if (!code.matches("^[A-Z0-9][A-Z0-9_-]{1,39}$") || "ACCOUNTS".equals(code)) {
            throw ProblemException.badRequest("resource-code", "a resource code is 2 to 40 characters A-Z, 0-9, '-', '_' "
                    + "(ACCOUNTS is reserved for the accounts component)");
        }
        for (Price p : body.prices()) {
            if (!SchoolYear.isValid(p.schoolYear())) {
                throw ProblemException.badRequest("school-year", p.schoolYear() + " is not a school year like 2026-2027");
            }
        }
        sql.update("INSERT INTO resource (code, title, supplier, sso_protocol, validated_by_departement, updated_by, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title, supplier = EXCLUDED.supplier, "
                + "sso_protocol = EXCLUDED.sso_protocol, validated_by_departement = EXCLUDED.validated_by_departement, "
                + "updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at", code, body.title(), body.supplier(),
                body.ssoProtocol(), body.validatedByDepartement(), caller.actor(), clock.instant());
        sql.update("DELETE FROM resource_price WHERE code = ?", code);
        List<Object[]> rows = new ArrayList<>();
        for (Price p : body.prices()) {
            rows.add(new Object[] { code, p.schoolYear(), new BigDecimal(p.unitPrice()) });
        }
        sql.batch("INSERT INTO resource_price (code, school_year, unit_price) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", rows);
        return get(code);
    }

    @GET
    @RolesAllowed("operator")
    @Transactional
    @Operation(summary = "The catalogue")
    public List<ResourceView> list() {
        return views(null);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed("operator")
    @Transactional
    @Operation(summary = "A catalogue resource")
    public ResourceView get(@PathParam("code") String code) {
        List<ResourceView> found = views(code);
        if (found.isEmpty()) {
            throw ProblemException.notFound("resource", code);
        }
        return found.get(0);
    }

    private List<ResourceView> views(String code) {
        Map<String, ResourceView> out = new LinkedHashMap<>();
        sql.list("SELECT r.code, r.title, r.supplier, r.sso_protocol, r.validated_by_departement, p.school_year, p.unit_price "
                + "FROM resource r LEFT JOIN resource_price p ON p.code = r.code WHERE (CAST(? AS TEXT) IS NULL OR r.code = ?) "
                + "ORDER BY r.code, p.school_year", rs -> {
                    ResourceView v = out.computeIfAbsent(rs.getString(1), k -> {
                        try {
                            return new ResourceView(k, rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                                    new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    if (rs.getString(6) != null) {
                        v.prices().add(new Price(rs.getString(6), rs.getBigDecimal(7).setScale(2).toPlainString()));
                    }
                    return null;
                }, code, code);
        return new ArrayList<>(out.values());
    }
}
