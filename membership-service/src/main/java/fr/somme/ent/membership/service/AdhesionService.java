package fr.somme.ent.membership.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.membership.config.MembershipConfig;
import fr.somme.ent.membership.domain.Adhesion;
import fr.somme.ent.membership.domain.Adhesion.TerminationParty;
import fr.somme.ent.membership.domain.AdhesionState;
import fr.somme.ent.membership.domain.AdhesionTransition;
import fr.somme.ent.membership.domain.CharterRules;
import fr.somme.ent.membership.domain.CharterRules.DesignatedSchool;
import fr.somme.ent.membership.domain.DesignationRevision;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.SchoolDesignation;

import io.quarkus.panache.common.Sort;

/** The adhesion lifecycle (art. 3), designations per school year (rule 4) and termination (art. 6). */
@ApplicationScoped
public class AdhesionService {

    public enum Document { DELIBERATION, CHARTER }

    public record Termination(TerminationParty initiatedBy, String reason, LocalDate effectiveDate,
            LocalDate agreementAttemptFailedOn, String agreementAttemptSummary) {
    }

    public record CurrentDesignation(String memberId, UUID adhesionId, String schoolYear, int revision,
            List<DesignatedSchool> schools) {
    }

    private static final TypeReference<List<DesignatedSchool>> SCHOOLS = new TypeReference<>() {
    };

    private final Clock clock;
    private final MembershipEvents events;
    private final MembershipConfig config;
    private final ObjectMapper json;

    public AdhesionService(Clock clock, MembershipEvents events, MembershipConfig config, ObjectMapper json) {
        this.clock = clock;
        this.events = events;
        this.config = config;
        this.json = json;
    }

    @Transactional
    public Adhesion recordDeliberation(Member member, String number, LocalDate date, boolean charterApproved,
            boolean executiveAuthorised, String actor) {
        CharterRules.onlyMembersInsideThePerimeterCanAdhere(member.departement, config.perimeter());
        CharterRules.onlyMembersWithSchoolCompetenceCanAdhere(member);
        CharterRules.deliberationApprovesTheCharterAndAuthorisesTheExecutive(charterApproved, executiveAuthorised);
        CharterRules.legalDatesAreNotInTheFuture(date, today(), "deliberation date");
        CharterRules.oneOpenAdhesionPerMember(openAdhesion(member.id));
        Adhesion a = new Adhesion();
        a.id = UUID.randomUUID();
        a.memberId = member.id;
        a.state = AdhesionState.DELIBERATED;
        a.deliberationNumber = number;
        a.deliberationDate = date;
        a.charterApproved = true;
        a.executiveAuthorised = true;
        a.createdAt = clock.instant();
        a.persist();
        Races.flushOr(ProblemException.conflict("adhesion-already-open", "member " + member.id + " already has an open adhesion"));
        record(a, "DELIBERATION_RECORDED", null, actor, "deliberation " + number + " of " + date);
        return a;
    }

    public Adhesion find(Member member, UUID adhesionId) {
        Adhesion a = Adhesion.findById(adhesionId);
        if (a == null || !a.memberId.equals(member.id)) {
            throw ProblemException.notFound("adhesion", adhesionId);
        }
        return a;
    }

    public List<Adhesion> list(Member member) {
        return Adhesion.list("memberId", Sort.by("createdAt"), member.id);
    }

    public List<AdhesionTransition> history(Adhesion a) {
        return AdhesionTransition.list("adhesionId", Sort.by("id"), a.id);
    }

    @Transactional
    public Adhesion signCharter(Member member, UUID adhesionId, LocalDate signedOn, String actor) {
        Adhesion a = lock(member, adhesionId);
        CharterRules.legalDatesAreNotInTheFuture(signedOn, today(), "signature date");
        CharterRules.charterIsSignedAfterTheUsersAreDesignated(a, signedOn);
        AdhesionState from = a.state;
        a.charterSignedOn = signedOn;
        a.state = AdhesionState.CHARTER_SIGNED;
        record(a, "CHARTER_SIGNED", from, actor, "signed on " + signedOn);
        becomeEffectiveIfComplete(member, a, actor);
        return a;
    }

    @Transactional
    public Adhesion recordTransmission(Member member, UUID adhesionId, Document document, LocalDate transmittedOn, String actor) {
        Adhesion a = lock(member, adhesionId);
        CharterRules.legalDatesAreNotInTheFuture(transmittedOn, today(), "transmission date");
        AdhesionState from = a.state;
        if (document == Document.DELIBERATION) {
            CharterRules.deliberationTransmittedNotBeforeItWasTaken(a, transmittedOn);
            a.deliberationTransmittedOn = transmittedOn;
        } else {
            CharterRules.signedCharterTransmittedAfterItsSignature(a, transmittedOn);
            a.charterTransmittedOn = transmittedOn;
        }
        record(a, document + "_TRANSMITTED", from, actor, "transmitted to the contrôle de légalité on " + transmittedOn);
        becomeEffectiveIfComplete(member, a, actor);
        return a;
    }

    private void becomeEffectiveIfComplete(Member member, Adhesion a, String actor) {
        Optional<LocalDate> effective = CharterRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(a);
        if (effective.isEmpty()) {
            return;
        }
        AdhesionState from = a.state;
        a.effectiveDate = effective.get();
        a.state = AdhesionState.EFFECTIVE;
        record(a, "BECAME_EFFECTIVE", from, actor, "effective on " + a.effectiveDate);
        CurrentDesignation d = designationTheAdhesionTakesEffectWith(member.id, a.id, a.effectiveDate);
        events.adhesionEffective(member, a, d.schoolYear(), d.schools());
    }

    /** The designation of the school year containing the effective date, else the next designated one, else the last. */
    private CurrentDesignation designationTheAdhesionTakesEffectWith(String memberId, UUID adhesionId, LocalDate effectiveDate) {
        Map<String, List<SchoolDesignation>> byYear = SchoolDesignation.<SchoolDesignation>list("memberId = ?1 and adhesionId = ?2",
                Sort.by("uai"), memberId, adhesionId)
                .stream().collect(Collectors.groupingBy(d -> d.schoolYear, TreeMap::new, Collectors.toList()));
        String containing = SchoolYear.containing(effectiveDate).name();
        String year = byYear.containsKey(containing) ? containing
                : byYear.keySet().stream().filter(y -> y.compareTo(containing) > 0).findFirst()
                        .orElseGet(() -> ((TreeMap<String, List<SchoolDesignation>>) byYear).lastKey());
        return current(memberId, year).orElseThrow();
    }

    @Transactional
    public CurrentDesignation designate(Member member, String schoolYearName, List<DesignatedSchool> schools, String actor) {
        SchoolYear year = CharterRules.designationsAreForTheCurrentOrALaterSchoolYear(schoolYearName, today());
        CharterRules.aDesignationNamesSchoolsWithTheirClassesAndStudents(schools);
        Adhesion a = CharterRules.designationsBelongToAnOpenAdhesion(openAdhesion(member.id), member.id);
        Adhesion.getEntityManager().lock(a, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        List<String> uais = schools.stream().map(DesignatedSchool::uai).toList();
        List<SchoolDesignation> heldByOthers = SchoolDesignation.list("schoolYear = ?1 and uai in ?2 and memberId <> ?3",
                year.name(), uais, member.id);
        CharterRules.aSchoolIsDesignatedByOneMemberPerSchoolYear(year.name(), heldByOthers);

        SchoolDesignation.delete("memberId = ?1 and schoolYear = ?2", member.id, year.name());
        SchoolDesignation.flush();
        List<DesignatedSchool> sorted = schools.stream().sorted(Comparator.comparing(DesignatedSchool::uai)).toList();
        for (DesignatedSchool s : sorted) {
            SchoolDesignation d = new SchoolDesignation();
            d.schoolYear = year.name();
            d.uai = s.uai();
            d.memberId = member.id;
            d.adhesionId = a.id;
            d.name = s.name();
            d.classes = s.classes();
            d.students = s.students();
            d.persist();
        }
        Races.flushOr(ProblemException.conflict("school-designated-by-another-member",
                "a school of this list was designated by another member for " + year + " at the same time"));
        int revision = (int) DesignationRevision.count("memberId = ?1 and schoolYear = ?2", member.id, year.name()) + 1;
        DesignationRevision r = new DesignationRevision();
        r.id = UUID.randomUUID();
        r.memberId = member.id;
        r.adhesionId = a.id;
        r.schoolYear = year.name();
        r.revision = revision;
        r.schools = write(sorted);
        r.designatedBy = actor;
        r.designatedAt = clock.instant();
        r.persist();
        if (a.state == AdhesionState.DELIBERATED) {
            a.state = AdhesionState.USERS_DESIGNATED;
            record(a, "USERS_DESIGNATED", AdhesionState.DELIBERATED, actor, sorted.size() + " school(s) for " + year);
        }
        events.designationsChanged(member.id, a.id, year.name(), revision, sorted);
        return new CurrentDesignation(member.id, a.id, year.name(), revision, sorted);
    }

    public Optional<CurrentDesignation> current(String memberId, String schoolYear) {
        DesignationRevision last = DesignationRevision.find("memberId = ?1 and schoolYear = ?2",
                Sort.descending("revision"), memberId, schoolYear).firstResult();
        if (last == null) {
            return Optional.empty();
        }
        List<DesignatedSchool> schools = SchoolDesignation.<SchoolDesignation>list("memberId = ?1 and schoolYear = ?2",
                Sort.by("uai"), memberId, schoolYear).stream()
                .map(d -> new DesignatedSchool(d.uai, d.name, d.classes, d.students)).toList();
        return Optional.of(new CurrentDesignation(memberId, last.adhesionId, schoolYear, last.revision, schools));
    }

    public List<DesignationRevision> designationHistory(String memberId, String schoolYear) {
        return DesignationRevision.list("memberId = ?1 and schoolYear = ?2", Sort.by("revision"), memberId, schoolYear);
    }

    public List<DesignatedSchool> schoolsOf(DesignationRevision r) {
        try {
            return json.readValue(r.schools, SCHOOLS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable designation revision " + r.id, e);
        }
    }

    @Transactional
    public Adhesion terminate(Member member, UUID adhesionId, Termination t, String actor) {
        Adhesion a = lock(member, adhesionId);
        CharterRules.onlyAnEffectiveAdhesionIsTerminated(a);
        CharterRules.syndicatTerminatesOnlyAfterAFailedAttemptAtAgreement(t.initiatedBy(), t.agreementAttemptFailedOn(),
                t.agreementAttemptSummary());
        CharterRules.terminationTakesEffectAfterTheAdhesion(a, t.effectiveDate());
        if (t.agreementAttemptFailedOn() != null) {
            CharterRules.legalDatesAreNotInTheFuture(t.agreementAttemptFailedOn(), today(), "failed agreement attempt date");
        }
        AdhesionState from = a.state;
        a.state = AdhesionState.TERMINATED;
        a.terminationId = UUID.randomUUID();
        a.terminationInitiatedBy = t.initiatedBy();
        a.terminationReason = t.reason();
        a.terminationEffectiveDate = t.effectiveDate();
        a.agreementAttemptFailedOn = t.agreementAttemptFailedOn();
        a.agreementAttemptSummary = t.agreementAttemptSummary();
        record(a, "TERMINATED", from, actor, "by " + t.initiatedBy() + ", effective " + t.effectiveDate() + ": " + t.reason());
        // The member keeps its schools up to the end of the school year the termination takes effect in; later years
        // are freed for another member (their revisions stay in the history).
        SchoolDesignation.delete("memberId = ?1 and schoolYear > ?2", member.id,
                SchoolYear.containing(t.effectiveDate()).name());
        events.membershipTerminated(a);
        return a;
    }

    private Optional<Adhesion> openAdhesion(String memberId) {
        return Adhesion.find("memberId = ?1 and state <> ?2", memberId, AdhesionState.TERMINATED).firstResultOptional();
    }

    private Adhesion lock(Member member, UUID adhesionId) {
        Adhesion a = Adhesion.findById(adhesionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !a.memberId.equals(member.id)) {
            throw ProblemException.notFound("adhesion", adhesionId);
        }
        return a;
    }

    private void record(Adhesion a, String action, AdhesionState from, String actor, String detail) {
        AdhesionTransition t = new AdhesionTransition();
        t.adhesionId = a.id;
        t.action = action;
        t.fromState = from;
        t.toState = a.state;
        t.actor = actor;
        t.at = clock.instant();
        t.detail = detail;
        t.persist();
    }

    private String write(List<DesignatedSchool> schools) {
        try {
            return json.writeValueAsString(schools);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
