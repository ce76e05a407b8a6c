package fr.somme.ent.billing.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.billing.service.ContributionService;
import fr.somme.ent.billing.service.ContributionService.CallView;
import fr.somme.ent.billing.service.Exports;
import fr.somme.ent.billing.service.UblInvoice;

@Path("/calls")
@Tag(name = "Contribution calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    public record ReasonRequest(@Size(max = 2000) String reason) {
    }

    public record PaymentRequest(LocalDate paidOn, @Size(max = 2000) String reason) {
    }

    private final ContributionService contributions;
    private final Exports exports;
    private final UblInvoice ubl;

    public CallResource(ContributionService contributions, Exports exports, UblInvoice ubl) {
        this.contributions = contributions;
        this.exports = exports;
        this.ubl = ubl;
    }

    @GET
    @RolesAllowed({ "finance", "operator", "member-agent" })
    @Operation(summary = "Calls, by school year and member; a member-agent sees only its own issued calls")
    public List<CallView> list(@QueryParam("schoolYear") String schoolYear, @QueryParam("memberId") String memberId) {
        return contributions.list(schoolYear == null ? null : Years.parse(schoolYear).name(), memberId);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "finance", "operator", "member-agent" })
    @Operation(summary = "A call with its derivation and audit trail (another member's: 404)")
    public CallView get(@PathParam("id") UUID id) {
        return contributions.view(id);
    }

    @GET
    @Path("/{id}/document")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ "finance", "operator", "member-agent" })
    @Operation(summary = "The printable call (HTML) a council can read")
    public String document(@PathParam("id") UUID id) {
        return exports.html(contributions.view(id));
    }

    @GET
    @Path("/{id}/ubl")
    @Produces(MediaType.APPLICATION_XML)
    @RolesAllowed({ "finance", "operator", "member-agent" })
    @Operation(summary = "The call as a UBL 2.1 Invoice (Chorus Pro); serviceCode goes to BuyerReference")
    public String ubl(@PathParam("id") UUID id, @QueryParam("serviceCode") String serviceCode) {
        return ubl.render(contributions.view(id), serviceCode);
    }

    @POST
    @Path("/{id}/issue")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "finance", "operator" })
    @Operation(summary = "Issue a draft: next number of the year's sequence; it never changes afterwards")
    public CallView issue(@PathParam("id") UUID id, ReasonRequest r) {
        return contributions.issue(id, r == null ? null : r.reason());
    }

    @POST
    @Path("/{id}/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "finance", "operator" })
    @Operation(summary = "Record the payment of an issued call")
    public CallView pay(@PathParam("id") UUID id, PaymentRequest r) {
        return contributions.markPaid(id, r == null ? null : r.paidOn(), r == null ? null : r.reason());
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "finance", "operator" })
    @Operation(summary = "Cancel an issued call by a credit note (reason required)")
    public CallView cancel(@PathParam("id") UUID id, ReasonRequest r) {
        return contributions.cancel(id, r == null ? null : r.reason());
    }
}
