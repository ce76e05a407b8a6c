package fr.somme.ent.billing.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.BillingProfile;
import fr.somme.ent.billing.domain.MemberIds;
import fr.somme.ent.billing.repository.BillingProfileRepository;
import fr.somme.ent.billing.domain.StoredBillingProfile;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;

/**
 * Reading and setting a member's billing profile (Chorus Pro SIRET, service code, engagement number): finance and
 * operator for every member, a member-agent for its own member only (any other member answers 404).
 */
@ApplicationScoped
public class BillingProfiles {

    private final BillingProfileRepository profiles;
    private final CallAccess access;
    private final CallerScope caller;
    private final AuditTrail audit;
    private final Clock clock;

    public BillingProfiles(BillingProfileRepository profiles, CallAccess access, CallerScope caller, AuditTrail audit,
            Clock clock) {
        this.profiles = profiles;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public StoredBillingProfile get(String memberId) {
        checkAllowed(memberId);
        return profiles.find(memberId).orElseThrow(() -> ProblemException.notFound("billing profile", memberId));
    }

    /** Replaces the member's profile; a refused profile stores nothing. */
    @Transactional
    public StoredBillingProfile put(String memberId, String siret, String serviceCode, String engagementNumber) {
        checkAllowed(memberId);
        BillingProfile p = BillingProfile.of(memberId, siret, serviceCode, engagementNumber);
        profiles.save(p, clock.instant(), caller.actor());
        audit.record(null, null, "BILLING_PROFILE_SET", null, "member " + memberId + ", SIRET " + p.siret()
                + ", service code " + p.serviceCode() + ", engagement number " + p.engagementNumber());
        return profiles.find(memberId).orElseThrow();
    }

    /** The profile used by a document of a call the caller was already allowed to see. */
    @Transactional
    public Optional<BillingProfile> ofMember(String memberId) {
        return profiles.find(memberId).map(StoredBillingProfile::profile);
    }

    private void checkAllowed(String memberId) {
        MemberIds.requireSiren(memberId);
        if (!access.seesEverything() && !access.ownMember().equals(memberId)) {
            throw ProblemException.notFound("billing profile", memberId);
        }
    }
}
