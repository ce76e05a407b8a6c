package fr.somme.ent.billing.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.billing.domain.BillingProfile;
import fr.somme.ent.billing.domain.StoredBillingProfile;
import fr.somme.ent.billing.service.BillingProfiles;
import fr.somme.ent.commons.security.Roles;

@Path("/members/{memberId}/billing-profile")
@Tag(name = "Billing profiles")
@Produces(MediaType.APPLICATION_JSON)
public class BillingProfileResource {

    /**
     * What the member gives for Chorus Pro: the SIRET that pays, its service code and engagement number (optional). The
     * sizes bound what is read at all (issue #14); the domain then trims blanks and applies Chorus Pro's own limits (14
     * digits, 100 and 50 characters) with its precise refusals ({@code invalid-siret}, {@code invalid-service-code},
     * {@code invalid-engagement-number}).
     */
    public record ProfileRequest(@Size(max = 32) String siret,
            @Size(max = 2 * BillingProfile.SERVICE_CODE_MAX) String serviceCode,
            @Size(max = 2 * BillingProfile.ENGAGEMENT_NUMBER_MAX) String engagementNumber) {
    }

    public record ProfileView(String memberId, String siret, String serviceCode, String engagementNumber,
            Instant updatedAt, String updatedBy) {
        static ProfileView of(StoredBillingProfile s) {
            return new ProfileView(s.profile().memberId(), s.profile().siret(), s.profile().serviceCode(),
                    s.profile().engagementNumber(), s.updatedAt(), s.updatedBy());
        }
    }

    private final BillingProfiles profiles;

    public BillingProfileResource(BillingProfiles profiles) {
        this.profiles = profiles;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE, Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Extension(name = "x-ent-problems", value = "400 invalid-member-id")
    @Operation(summary = "The member's billing profile (Chorus Pro); a member-agent reads only its own (others: 404)")
    public ProfileView get(@PathParam("memberId") String memberId) {
        return ProfileView.of(profiles.get(memberId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE, Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Extension(name = "x-ent-problems", value = "400 invalid-engagement-number, 400 invalid-member-id, "
            + "400 invalid-service-code, 400 invalid-siret, 422 siret-not-of-member")
    @Operation(summary = "Set the member's billing profile: SIRET of one of its establishments (14 digits, Luhn), "
            + "Chorus Pro service code and engagement number (optional); a member-agent for its own member only")
    public ProfileView put(@PathParam("memberId") String memberId, @Valid ProfileRequest r) {
        ProfileRequest req = r == null ? new ProfileRequest(null, null, null) : r;
        return ProfileView.of(profiles.put(memberId, req.siret(), req.serviceCode(), req.engagementNumber()));
    }
}
