package fr.somme.ent.membership.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import fr.somme.ent.commons.ids.InseeCode;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.membership.domain.Adhesion;
import fr.somme.ent.membership.domain.AdhesionTransition;
import fr.somme.ent.membership.domain.AgentNames;
import fr.somme.ent.membership.domain.ComponentOptOut;
import fr.somme.ent.membership.domain.CurrentDesignation;
import fr.somme.ent.membership.domain.DesignatedSchool;
import fr.somme.ent.membership.domain.DesignationRevision;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.Termination;
import fr.somme.ent.membership.rest.AdhesionDtos.AdhesionView;
import fr.somme.ent.membership.rest.AdhesionDtos.DeliberationView;
import fr.somme.ent.membership.rest.AdhesionDtos.TerminationRequest;
import fr.somme.ent.membership.rest.AdhesionDtos.TerminationView;
import fr.somme.ent.membership.rest.AdhesionDtos.TransitionView;
import fr.somme.ent.membership.rest.ComponentOptOutDtos.OptOutView;
import fr.somme.ent.membership.rest.DesignationDtos.DesignationRequest;
import fr.somme.ent.membership.rest.DesignationDtos.DesignationView;
import fr.somme.ent.membership.rest.DesignationDtos.RevisionView;
import fr.somme.ent.membership.rest.DesignationDtos.SchoolView;
import fr.somme.ent.membership.rest.MemberDtos.ImportReportView;
import fr.somme.ent.membership.rest.MemberDtos.MemberRequest;
import fr.somme.ent.membership.rest.MemberDtos.MemberView;
import fr.somme.ent.membership.service.MemberService.MemberFacts;
import fr.somme.ent.membership.service.SommeReferenceImport.Report;

/** Requests to the use cases' inputs, and their results to views: the only place the JSON shapes meet the domain. */
final class MembershipMapper {

    private MembershipMapper() {
    }

    /** The facts of a request, trimmed; a commune's département comes from its INSEE code when not given. */
    static MemberFacts facts(MemberRequest r) {
        String dep = r.departement();
        if ((dep == null || dep.isBlank()) && r.inseeCode() != null && InseeCode.isValid(r.inseeCode())) {
            dep = new InseeCode(r.inseeCode()).departement();
        }
        if (dep == null || dep.isBlank()) {
            throw ProblemException.unprocessable("departement-required", "the member's département is required");
        }
        return new MemberFacts(r.siren() == null ? null : r.siren().replace(" ", ""), r.kind(), r.name().trim(),
                blankToNull(r.inseeCode()), blankToNull(r.epciSiren()), dep.trim(), r.schoolCompetence());
    }

    static MemberView view(Member m) {
        return view(m, true);
    }

    /** {@code names}: false for a partner, who never reads who registered or updated the member. */
    static MemberView view(Member m, boolean names) {
        return new MemberView(m.id, m.kind, m.name, m.inseeCode, m.epciSiren, m.departement, m.schoolCompetence,
                m.createdAt, AgentNames.asRead(m.createdBy, names), m.updatedAt, AgentNames.asRead(m.updatedBy, names));
    }

    static ImportReportView view(Report r) {
        return new ImportReportView(r.communes(), r.epci(), r.departement(), r.created(), r.updated(), r.unchanged(),
                r.schools());
    }

    static Termination termination(TerminationRequest r) {
        LocalDate attemptOn = r.agreementAttemptOn() != null ? r.agreementAttemptOn() : r.agreementAttemptFailedOn();
        String outcome = r.agreementAttemptOutcome() != null ? r.agreementAttemptOutcome() : r.agreementAttemptSummary();
        return new Termination(r.initiatedBy(), r.ground(), r.reason().trim(), r.effectiveDate(), r.decidedOn(), attemptOn,
                outcome == null ? null : outcome.trim());
    }

    /** {@code names}: false for a partner, who never reads the agents' names of the history. */
    static AdhesionView view(Adhesion a, List<AdhesionTransition> history, boolean names) {
        TerminationView termination = a.terminationId == null ? null
                : new TerminationView(a.terminationId, a.terminationInitiatedBy, a.terminationGround, a.terminationReason,
                        a.terminationDecidedOn, a.terminationEffectiveDate, a.agreementAttemptFailedOn, a.agreementAttemptSummary,
                        a.agreementAttemptFailedOn, a.agreementAttemptSummary);
        return new AdhesionView(a.id, a.memberId, a.state,
                new DeliberationView(a.deliberationNumber, a.deliberationDate, a.charterApproved, a.executiveAuthorised),
                a.charterSignedOn, a.deliberationTransmittedOn, a.charterTransmittedOn, a.effectiveDate, termination,
                history.stream().map(t -> view(t, names)).toList());
    }

    static TransitionView view(AdhesionTransition t, boolean names) {
        return new TransitionView(t.action, t.fromState, t.toState, AgentNames.asRead(t.actor, names), t.at, t.detail);
    }

    /** The schools of a request: UAI trimmed and upper case (the name stored is the school reference's). */
    static List<DesignatedSchool> schools(DesignationRequest r) {
        return r.schools().stream()
                .map(s -> new DesignatedSchool(s.uai().trim().toUpperCase(Locale.ROOT), s.name() == null ? null : s.name().trim(),
                        s.classes(), s.students()))
                .toList();
    }

    static DesignationView view(CurrentDesignation d) {
        return new DesignationView(d.memberId(), d.adhesionId(), d.schoolYear(), d.revision(), views(d.schools()));
    }

    static RevisionView view(DesignationRevision r, List<DesignatedSchool> schools, boolean names) {
        return new RevisionView(r.revision, r.adhesionId, views(schools), AgentNames.asRead(r.designatedBy, names), r.designatedAt);
    }

    static OptOutView view(ComponentOptOut o, boolean names) {
        return new OptOutView(o.id, o.memberId, o.componentList(), o.notifiedOn, o.effectiveFromSchoolYear,
                AgentNames.asRead(o.recordedBy, names), o.recordedAt);
    }

    private static List<SchoolView> views(List<DesignatedSchool> schools) {
        return schools.stream().map(s -> new SchoolView(s.uai(), s.name(), s.classes(), s.students())).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
