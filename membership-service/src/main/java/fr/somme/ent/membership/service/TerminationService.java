package fr.somme.ent.membership.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.membership.domain.Adhesion;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.Termination;
import fr.somme.ent.membership.messaging.MembershipEvents;
import fr.somme.ent.membership.repository.AdhesionRepository;
import fr.somme.ent.membership.repository.AdhesionTransitionRepository;
import fr.somme.ent.membership.repository.SchoolDesignationRepository;

/** Termination of an effective adhesion (art. 6), by the member or by the syndicat. */
@ApplicationScoped
public class TerminationService {

    private final Clock clock;
    private final MembershipEvents events;
    private final AdhesionRepository adhesions;
    private final AdhesionTransitionRepository history;
    private final SchoolDesignationRepository schoolDesignations;

    public TerminationService(Clock clock, MembershipEvents events, AdhesionRepository adhesions,
            AdhesionTransitionRepository history, SchoolDesignationRepository schoolDesignations) {
        this.clock = clock;
        this.events = events;
        this.adhesions = adhesions;
        this.history = history;
        this.schoolDesignations = schoolDesignations;
    }

    @Transactional
    public Adhesion terminate(Member member, UUID adhesionId, Termination termination, String actor) {
        Adhesion a = adhesions.lockOfMember(member.id, adhesionId)
                .orElseThrow(() -> ProblemException.notFound("adhesion", adhesionId));
        history.persist(a.terminate(termination, LocalDate.now(clock), actor, clock.instant()));
        // The member keeps its schools up to the end of the school year the termination takes effect in; later years
        // are freed for another member (their revisions stay in the history).
        schoolDesignations.deleteAfter(member.id, SchoolYear.containing(termination.effectiveDate()).name());
        events.membershipTerminated(a);
        return a;
    }
}
