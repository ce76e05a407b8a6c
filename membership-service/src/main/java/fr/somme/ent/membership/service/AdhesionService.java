package fr.somme.ent.membership.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.membership.config.MembershipConfig;
import fr.somme.ent.membership.domain.Adhesion;
import fr.somme.ent.membership.domain.AdhesionRules;
import fr.somme.ent.membership.domain.AdhesionTransition;
import fr.somme.ent.membership.domain.CurrentDesignation;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.MemberRules;
import fr.somme.ent.membership.messaging.MembershipEvents;
import fr.somme.ent.membership.repository.AdhesionRepository;
import fr.somme.ent.membership.repository.AdhesionTransitionRepository;

/**
 * The adhesion lifecycle (art. 3): the deliberation opens it, the executive signs the charter, both are transmitted
 * to the contrôle de légalité and the adhesion takes effect. Designations: {@link DesignationService}; termination
 * (art. 6): {@link TerminationService}.
 */
@ApplicationScoped
@RefusesConcurrentUpdates
public class AdhesionService {

    private final Clock clock;
    private final MembershipEvents events;
    private final MembershipConfig config;
    private final AdhesionRepository adhesions;
    private final AdhesionTransitionRepository history;
    private final DesignationService designations;

    public AdhesionService(Clock clock, MembershipEvents events, MembershipConfig config, AdhesionRepository adhesions,
            AdhesionTransitionRepository history, DesignationService designations) {
        this.clock = clock;
        this.events = events;
        this.config = config;
        this.adhesions = adhesions;
        this.history = history;
        this.designations = designations;
    }

    @Transactional
    public Adhesion recordDeliberation(Member member, String number, LocalDate date, boolean charterApproved,
            boolean executiveAuthorised, String actor) {
        MemberRules.onlyMembersInsideThePerimeterCanAdhere(member.departement, config.perimeter());
        MemberRules.onlyMembersWithSchoolCompetenceCanAdhere(member);
        AdhesionRules.deliberationApprovesTheCharterAndAuthorisesTheExecutive(charterApproved, executiveAuthorised);
        AdhesionRules.legalDatesAreNotInTheFuture(date, today(), "deliberation date");
        AdhesionRules.oneOpenAdhesionPerMember(adhesions.findOpen(member.id));
        Adhesion a = Adhesion.deliberated(member.id, number, date, clock.instant());
        adhesions.persist(a);
        Races.flushOr(adhesions, AdhesionRules.anotherAdhesionOpenedMeanwhile(member.id));
        history.persist(a.deliberationRecorded(actor, clock.instant()));
        return a;
    }

    public Adhesion find(Member member, UUID adhesionId) {
        return adhesions.findOfMember(member.id, adhesionId).orElseThrow(() -> ProblemException.notFound("adhesion", adhesionId));
    }

    /** A page of the member's adhesions, oldest first. */
    public PageOf<Adhesion> list(Member member, int page, int size) {
        return Pages.of(adhesions.countOfMember(member.id), page, size,
                (offset, limit) -> adhesions.listOfMember(member.id, offset, limit));
    }

    public List<AdhesionTransition> history(Adhesion a) {
        return history.historyOf(a.id);
    }

    @Transactional
    public Adhesion signCharter(Member member, UUID adhesionId, LocalDate signedOn, String actor) {
        Adhesion a = lock(member, adhesionId);
        AdhesionRules.legalDatesAreNotInTheFuture(signedOn, today(), "signature date");
        history.persist(a.signCharter(signedOn, actor, clock.instant()));
        becomeEffectiveIfComplete(member, a, actor);
        return a;
    }

    @Transactional
    public Adhesion recordTransmission(Member member, UUID adhesionId, Adhesion.Document document, LocalDate transmittedOn,
            String actor) {
        Adhesion a = lock(member, adhesionId);
        AdhesionRules.legalDatesAreNotInTheFuture(transmittedOn, today(), "transmission date");
        history.persist(a.recordTransmission(document, transmittedOn, actor, clock.instant()));
        becomeEffectiveIfComplete(member, a, actor);
        return a;
    }

    /** The adhesion locked for this transaction, if it is the member's (else 404: existence does not leak). */
    private Adhesion lock(Member member, UUID adhesionId) {
        return adhesions.lockOfMember(member.id, adhesionId).orElseThrow(() -> ProblemException.notFound("adhesion", adhesionId));
    }

    private void becomeEffectiveIfComplete(Member member, Adhesion a, String actor) {
        a.becomeEffectiveIfComplete(actor, clock.instant()).ifPresent(step -> {
            history.persist(step);
            CurrentDesignation d = designations.takingEffectWith(member.id, a.id, a.effectiveDate);
            events.adhesionEffective(member, a, d.schoolYear(), d.schools());
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
