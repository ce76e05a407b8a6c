package fr.somme.ent.membership.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.membership.domain.Adhesion;
import fr.somme.ent.membership.domain.DesignationRevision;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.Termination;
import fr.somme.ent.membership.domain.TerminationRules;
import fr.somme.ent.membership.messaging.MembershipEvents;
import fr.somme.ent.membership.repository.AdhesionRepository;
import fr.somme.ent.membership.repository.AdhesionTransitionRepository;
import fr.somme.ent.membership.repository.DesignationRevisionRepository;
import fr.somme.ent.membership.repository.SchoolDesignationRepository;

/**
 * Termination of an effective adhesion (art. 6), by the member (general interest) or by the syndicat (non-compliance,
 * after a failed attempt at agreement). The member's designations from the effective date are released: for every school
 * year whose end is on or after it, a revision with no school and its {@code designations-changed} event (empty list).
 */
@ApplicationScoped
@RefusesConcurrentUpdates
public class TerminationService {

    private final Clock clock;
    private final MembershipEvents events;
    private final AdhesionRepository adhesions;
    private final AdhesionTransitionRepository history;
    private final SchoolDesignationRepository schoolDesignations;
    private final DesignationRevisionRepository revisions;

    public TerminationService(Clock clock, MembershipEvents events, AdhesionRepository adhesions,
            AdhesionTransitionRepository history, SchoolDesignationRepository schoolDesignations,
            DesignationRevisionRepository revisions) {
        this.clock = clock;
        this.events = events;
        this.adhesions = adhesions;
        this.history = history;
        this.schoolDesignations = schoolDesignations;
        this.revisions = revisions;
    }

    @Transactional
    public Adhesion terminate(Member member, UUID adhesionId, Termination termination, String actor) {
        Adhesion a = adhesions.lockOfMember(member.id, adhesionId)
                .orElseThrow(() -> ProblemException.notFound("adhesion", adhesionId));
        history.persist(a.terminate(termination, LocalDate.now(clock), actor, clock.instant()));
        events.membershipTerminated(a);
        for (String year : TerminationRules.designationsReleasedFrom(a.terminationEffectiveDate, schoolDesignations.yearsOf(member.id))) {
            schoolDesignations.deleteOf(member.id, year);
            DesignationRevision r = revisions.recordNext(member.id, a.id, year, List.of(), actor, clock.instant());
            events.designationsChanged(member.id, a.id, year, r.revision, List.of());
        }
        return a;
    }
}
