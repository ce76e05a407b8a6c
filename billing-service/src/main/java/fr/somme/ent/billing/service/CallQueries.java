package fr.somme.ent.billing.service;

import fr.somme.ent.commons.rest.PageOf;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.AuditEntry;
import fr.somme.ent.billing.domain.ContributionCall;
import fr.somme.ent.billing.domain.MemberIds;
import fr.somme.ent.billing.repository.BeneficiaryRepository;
import fr.somme.ent.billing.repository.ContributionCallRepository;

/** Reading calls as the caller may see them (see {@link CallAccess}). */
@ApplicationScoped
public class CallQueries {

    /** A call with its member's name (when known) and its audit trail (empty in listings). */
    public record CallDetails(ContributionCall call, String memberName, List<AuditEntry> audit) {
    }

    private final ContributionCallRepository calls;
    private final BeneficiaryRepository beneficiaries;
    private final CallAccess access;
    private final AuditTrail audit;

    public CallQueries(ContributionCallRepository calls, BeneficiaryRepository beneficiaries, CallAccess access,
            AuditTrail audit) {
        this.calls = calls;
        this.beneficiaries = beneficiaries;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public CallDetails view(UUID id) {
        return details(access.findVisible(id));
    }

    /** Calls by year and member (each optional); a member-agent gets only its own calls, drafts left out. */
    @Transactional
    public List<CallDetails> list(String schoolYear, String memberId) {
        boolean all = access.seesEverything();
        String member = memberId;
        if (!all) {
            member = access.ownMember();
            if (memberId != null && !memberId.equals(member)) {
                return List.of();
            }
        }
        return details(calls.search(schoolYear, member, all));
    }

    /** A page of {@link #list(String, String)}; a member id that is not a SIREN is refused (400 invalid-member-id). */
    @Transactional
    public PageOf<CallDetails> list(String schoolYear, String memberId, int page, int size) {
        if (memberId != null) {
            MemberIds.requireSiren(memberId);
        }
        boolean all = access.seesEverything();
        String member = all ? memberId : access.ownMember();
        if (!all && memberId != null && !memberId.equals(member)) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        PageOf<ContributionCall> found = calls.search(schoolYear, member, all, page, size);
        return new PageOf<>(details(found.items()), page, size, found.total());
    }

    private List<CallDetails> details(List<ContributionCall> found) {
        Map<String, String> names = beneficiaries.names(found.stream().map(ContributionCall::memberId).distinct().toList());
        return found.stream().map(c -> new CallDetails(c, names.get(c.memberId()), List.of())).toList();
    }

    /** The details of a call the caller was already allowed to see, in the caller's transaction. */
    CallDetails details(ContributionCall call) {
        return new CallDetails(call, beneficiaries.names(List.of(call.memberId())).get(call.memberId()),
                audit.ofCall(call.id()));
    }
}
