package fr.somme.ent.billing.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.billing.domain.CallStatus;
import fr.somme.ent.billing.domain.ContributionCall;
import fr.somme.ent.billing.repository.ContributionCallRepository;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Role;

/**
 * Art. 4 / security: finance and operator see every call; a member-agent sees only its own issued, paid or cancelled
 * calls (drafts are work in progress); anything else answers 404, so existence does not leak.
 */
@ApplicationScoped
public class CallAccess {

    private final ContributionCallRepository calls;
    private final CallerScope caller;

    public CallAccess(ContributionCallRepository calls, CallerScope caller) {
        this.calls = calls;
        this.caller = caller;
    }

    /** True when the caller sees every call of every member, drafts included. */
    public boolean seesEverything() {
        return caller.hasAnyRole(Role.FINANCE, Role.OPERATOR);
    }

    /** The member whose calls the caller may see when it does not see everything ("-" matches no member). */
    public String ownMember() {
        return caller.memberId().orElse("-");
    }

    /** The call, its row locked for a change, if the caller may see it. */
    public ContributionCall lockVisible(UUID id) {
        return visible(calls.lock(id).orElseThrow(() -> notFound(id)));
    }

    public ContributionCall findVisible(UUID id) {
        return visible(calls.findByIdOptional(id).orElseThrow(() -> notFound(id)));
    }

    private ContributionCall visible(ContributionCall call) {
        if (seesEverything()) {
            return call;
        }
        if (caller.hasRole(Role.MEMBER_AGENT) && caller.memberId().filter(call.memberId()::equals).isPresent()
                && call.status() != CallStatus.DRAFT) {
            return call;
        }
        throw notFound(call.id());
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("contribution call", id);
    }
}
