package fr.somme.ent.provisioning.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.provisioning.config.PlatformRole;
import fr.somme.ent.provisioning.domain.Activation;
import fr.somme.ent.provisioning.rest.AccountDtos.ActivationBody;
import fr.somme.ent.provisioning.rest.AccountDtos.ActivationView;
import fr.somme.ent.provisioning.service.ActivationService;

/**
 * The ENT platform reports that a user typed its login and activation code (role {@code ent-platform} only): the
 * account is activated when the code is right; 5 wrong codes lock it until a new code is issued.
 */
@Path("/accounts")
@Tag(name = "accounts", description = "Activation of an account with its code, by the ENT platform")
@Produces(MediaType.APPLICATION_JSON)
public class AccountActivationResource {

    private final ActivationService activations;
    private final CallerScope caller;

    public AccountActivationResource(ActivationService activations, CallerScope caller) {
        this.activations = activations;
        this.caller = caller;
    }

    @POST
    @Path("/activation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRole.ENT_PLATFORM)
    @Operation(summary = "Activate an account with its login and activation code ({login, code}): 200 activated; "
            + "422 activation-code-invalid (attempts left); 409 activation-locked, account-already-active, "
            + "account-closed, activation-code-not-issued; 404 unknown login")
    @Extension(name = "x-ent-problems", value = "409 account-already-active, 409 account-closed, "
            + "409 activation-code-not-issued, 409 activation-locked, 422 activation-code-invalid")
    public ActivationView activate(@Valid @NotNull ActivationBody body) {
        ActivationService.Attempt attempt = activations.activate(body.login(), body.code(), caller.actor());
        Activation.Result r = attempt.result();
        return switch (r.outcome()) {
            case ACTIVATED -> new ActivationView(attempt.accountId(), "ACTIVE");
            case WRONG_CODE -> throw ProblemException.unprocessable("activation-code-invalid", r.locked()
                    ? "wrong activation code: the account is now locked until a new code is issued"
                    : "wrong activation code: " + r.attemptsLeft() + " attempt(s) left before the account is locked");
            case LOCKED -> throw ProblemException.conflict("activation-locked",
                    Activation.MAX_FAILURES + " wrong codes: the account is locked until a new code is issued");
            case ALREADY_ACTIVE -> throw ProblemException.conflict("account-already-active", "the account is already active");
            case CLOSED -> throw ProblemException.conflict("account-closed", "a closed account cannot be activated");
            case NO_CODE -> throw ProblemException.conflict("activation-code-not-issued",
                    "no activation code was issued for this account yet (login sheet)");
        };
    }
}
