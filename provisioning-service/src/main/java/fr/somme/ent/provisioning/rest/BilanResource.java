package fr.somme.ent.provisioning.rest;

import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.provisioning.rest.BilanCsv.By;
import fr.somme.ent.provisioning.rest.BilanDtos.BilanView;
import fr.somme.ent.provisioning.service.BilanService;

@Path("/reports")
@Tag(name = "reports", description = "Bilans for the Comité Départemental du Numérique (art. 5)")
public class BilanResource {

    private final BilanService bilans;
    private final CallerScope caller;

    public BilanResource(BilanService bilans, CallerScope caller) {
        this.bilans = bilans;
        this.caller = caller;
    }

    @GET
    @Path("/bilans")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPERATOR, Roles.DSDEN, Roles.MEMBER_AGENT })
    @Operation(summary = "Bilan of a school year per member and circonscription: classes, accounts, licences, contributions")
    @Extension(name = "x-ent-problems", value = "400 school-year")
    public BilanView bilan(@QueryParam("schoolYear") String schoolYear) {
        return BilanView.of(bilans.bilan(year(schoolYear), caller));
    }

    @GET
    @Path("/bilans.csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.OPERATOR, Roles.DSDEN, Roles.MEMBER_AGENT })
    @Operation(summary = "The same bilan as a CSV file (';', decimal comma), by=member (default) or by=circonscription")
    @Extension(name = "x-ent-problems", value = "400 by, 400 school-year")
    public Response csv(@QueryParam("schoolYear") String schoolYear, @QueryParam("by") @DefaultValue("member") String by) {
        SchoolYear year = year(schoolYear);
        By cut = by(by);
        String csv = BilanCsv.csv(bilans.bilan(year, caller), cut);
        return Response.ok(csv, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"bilan-"
                + year.name() + "-" + cut.name().toLowerCase(Locale.ROOT) + ".csv\"").build();
    }

    private static SchoolYear year(String schoolYear) {
        if (!SchoolYear.isValid(schoolYear)) {
            throw ProblemException.badRequest("school-year", "schoolYear is required, a school year like 2026-2027");
        }
        return SchoolYear.parse(schoolYear);
    }

    private static By by(String by) {
        for (By b : By.values()) {
            if (b.name().toLowerCase(Locale.ROOT).equals(by)) {
                return b;
            }
        }
        throw ProblemException.badRequest("by", "by is member or circonscription");
    }
}
