package fr.somme.ent.billing.rest;

import fr.somme.ent.billing.service.CallQueries.CallDetails;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import fr.somme.ent.commons.rest.PageOf;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.billing.rest.CallDtos.CallView;
import fr.somme.ent.billing.rest.CallDtos.PaymentRequest;
import fr.somme.ent.billing.rest.CallDtos.ReasonRequest;
import fr.somme.ent.billing.service.BillingProfiles;
import fr.somme.ent.billing.service.CallQueries;
import fr.somme.ent.billing.service.CancelCall;
import fr.somme.ent.billing.service.IssueCalls;
import fr.somme.ent.billing.service.PayCall;
import fr.somme.ent.commons.security.Roles;

@Path("/calls")
@Tag(name = "Contribution calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    static final String PDF = "application/pdf";

    private final CallQueries queries;
    private final IssueCalls issuing;
    private final PayCall paying;
    private final CancelCall cancelling;
    private final CallMapper mapper;
    private final CallDocuments documents;
    private final UblInvoice ubl;
    private final BillingProfiles profiles;
    private final IdempotentAnswers answers;

    public CallResource(CallQueries queries, IssueCalls issuing, PayCall paying, CancelCall cancelling, CallMapper mapper,
            CallDocuments documents, UblInvoice ubl, BillingProfiles profiles, IdempotentAnswers answers) {
        this.answers = answers;
        this.queries = queries;
        this.issuing = issuing;
        this.paying = paying;
        this.cancelling = cancelling;
        this.mapper = mapper;
        this.documents = documents;
        this.ubl = ubl;
        this.profiles = profiles;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE, Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Extension(name = "x-ent-problems", value = "400 invalid-member-id, 400 invalid-school-year")
    @Operation(summary = "Calls, by school year and member (a SIREN: 9 digits, Luhn); a member-agent sees only its own "
            + "issued calls")
    public PageOf<CallView> list(@QueryParam("schoolYear") String schoolYear,
            @QueryParam("memberId") @Pattern(regexp = "[0-9]{9}", message = "a SIREN: 9 digits") String memberId,
            @QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        PageOf<CallDetails> found = queries.list(schoolYear == null ? null : Years.parse(schoolYear).name(), memberId, page, size);
        return new PageOf<>(mapper.views(found.items()), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.FINANCE, Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Operation(summary = "A call with its derivation and audit trail (another member's: 404)")
    public CallView get(@PathParam("id") UUID id) {
        return mapper.view(queries.view(id));
    }

    @GET
    @Path("/{id}/document")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.FINANCE, Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Operation(summary = "The printable call (HTML, in French) with every figure of its derivation")
    public String document(@PathParam("id") UUID id) {
        return documents.callHtml(mapper.view(queries.view(id)));
    }

    @GET
    @Path("/{id}/document.pdf")
    @Produces(PDF)
    @RolesAllowed({ Roles.FINANCE, Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Operation(summary = "The printable call as PDF (same template as the HTML)")
    public Response documentPdf(@PathParam("id") UUID id) {
        CallView call = mapper.view(queries.view(id));
        return pdf(documents.pdf(documents.callHtml(call)), call.number() == null ? "projet-" + call.id() : call.number());
    }

    @GET
    @Path("/{id}/credit-note")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.FINANCE, Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Extension(name = "x-ent-problems", value = "409 credit-note-missing")
    @Operation(summary = "The credit note of a cancelled call (HTML, in French); a call not cancelled: 409")
    public String creditNote(@PathParam("id") UUID id) {
        return documents.creditNoteHtml(mapper.view(queries.view(id)));
    }

    @GET
    @Path("/{id}/credit-note.pdf")
    @Produces(PDF)
    @RolesAllowed({ Roles.FINANCE, Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Extension(name = "x-ent-problems", value = "409 credit-note-missing")
    @Operation(summary = "The credit note of a cancelled call as PDF")
    public Response creditNotePdf(@PathParam("id") UUID id) {
        CallView call = mapper.view(queries.view(id));
        return pdf(documents.pdf(documents.creditNoteHtml(call)), call.creditNoteNumber());
    }

    @GET
    @Path("/{id}/ubl")
    @Produces(MediaType.APPLICATION_XML)
    @RolesAllowed({ Roles.FINANCE, Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Extension(name = "x-ent-problems", value = "409 billing-profile-missing, 409 call-not-issued")
    @Operation(summary = "The call as a UBL 2.1 Invoice (Chorus Pro: buyer SIRET, service code and engagement number "
            + "from the member's billing profile; none: 409 billing-profile-missing)")
    public String ubl(@PathParam("id") UUID id) {
        CallView call = mapper.view(queries.view(id));
        return ubl.invoice(call, profiles.ofMember(call.memberId()));
    }

    @GET
    @Path("/{id}/credit-note/ubl")
    @Produces(MediaType.APPLICATION_XML)
    @RolesAllowed({ Roles.FINANCE, Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Extension(name = "x-ent-problems", value = "409 billing-profile-missing, 409 credit-note-missing")
    @Operation(summary = "The credit note of a cancelled call as a UBL 2.1 CreditNote (type 381) referencing the call")
    public String creditNoteUbl(@PathParam("id") UUID id) {
        CallView call = mapper.view(queries.view(id));
        return ubl.creditNote(call, profiles.ofMember(call.memberId()));
    }

    private static Response pdf(byte[] pdf, String name) {
        return Response.ok(pdf, PDF).header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"").build();
    }

    @POST
    @Path("/{id}/issue")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE, Roles.OPERATOR })
    @Extension(name = "x-ent-problems", value = "400 invalid-idempotency-key, "
            + "409 call-not-draft, 422 idempotency-key-reused")
    @Operation(summary = "Issue a draft: next number of the year's sequence; it never changes afterwards")
    public Response issue(@PathParam("id") UUID id, @Valid ReasonRequest r, @HeaderParam(IdempotentAnswers.HEADER) String key,
            @Context UriInfo uri) {
        return answers.post(key, uri, r, 200, () -> mapper.view(issuing.issue(id, r == null ? null : r.reason())));
    }

    @POST
    @Path("/{id}/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE, Roles.OPERATOR })
    @Extension(name = "x-ent-problems", value = "400 invalid-idempotency-key, "
            + "409 call-not-issued, 422 idempotency-key-reused")
    @Operation(summary = "Record the payment of an issued call (event contribution-call-paid); honours Idempotency-Key")
    public Response pay(@PathParam("id") UUID id, @Valid PaymentRequest r, @HeaderParam(IdempotentAnswers.HEADER) String key,
            @Context UriInfo uri) {
        return answers.post(key, uri, r, 200,
                () -> mapper.view(paying.markPaid(id, r == null ? null : r.paidOn(), r == null ? null : r.reason())));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE, Roles.OPERATOR })
    @Extension(name = "x-ent-problems", value = "400 invalid-idempotency-key, 400 reason-required, "
            + "409 call-not-issued, 422 idempotency-key-reused")
    @Operation(summary = "Cancel an issued call by a credit note (reason required)")
    public Response cancel(@PathParam("id") UUID id, @Valid ReasonRequest r, @HeaderParam(IdempotentAnswers.HEADER) String key,
            @Context UriInfo uri) {
        return answers.post(key, uri, r, 200, () -> mapper.view(cancelling.cancel(id, r == null ? null : r.reason())));
    }
}
