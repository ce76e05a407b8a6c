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

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.membership.domain.Adhesion;
import fr.somme.ent.membership.domain.CurrentDesignation;
import fr.somme.ent.membership.domain.DesignatedSchool;
import fr.somme.ent.membership.domain.DesignationRevision;
import fr.somme.ent.membership.domain.DesignationRules;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.School;
import fr.somme.ent.membership.domain.SchoolDesignation;
import fr.somme.ent.membership.messaging.DesignationsChanged;
import fr.somme.ent.membership.messaging.MembershipEvents;
import fr.somme.ent.membership.repository.AdhesionRepository;
import fr.somme.ent.membership.repository.AdhesionTransitionRepository;
import fr.somme.ent.membership.repository.DesignationRevisionRepository;
import fr.somme.ent.membership.repository.SchoolDesignationRepository;

/** The schools a member designates per school year (art. 3, rule 4): the list in force and every revision. */
@ApplicationScoped
@RefusesConcurrentUpdates
public class DesignationService {

    private final Clock clock;
    private final MembershipEvents events;
    private final AdhesionRepository adhesions;
    private final AdhesionTransitionRepository history;
    private final SchoolDesignationRepository schoolDesignations;
    private final DesignationRevisionRepository revisions;
    private final SchoolTerritories territories;

    public DesignationService(Clock clock, MembershipEvents events, AdhesionRepository adhesions,
            AdhesionTransitionRepository history, SchoolDesignationRepository schoolDesignations,
            DesignationRevisionRepository revisions, SchoolTerritories territories) {
        this.clock = clock;
        this.events = events;
        this.adhesions = adhesions;
        this.history = history;
        this.schoolDesignations = schoolDesignations;
        this.revisions = revisions;
        this.territories = territories;
    }

    /**
     * Replaces the member's schools for a school year with a new revision; the first one moves the adhesion on. Each
     * school must be known, open and of the member's territory (art. 3); its name is the reference's.
     */
    @Transactional
    public CurrentDesignation designate(Member member, String schoolYearName, List<DesignatedSchool> schools, String actor) {
        SchoolYear year = DesignationRules.designationsAreForTheCurrentOrALaterSchoolYear(schoolYearName, LocalDate.now(clock));
        DesignationRules.aDesignationNamesSchoolsWithTheirClassesAndStudents(schools);
        Adhesion a = DesignationRules.designationsBelongToAnOpenAdhesion(adhesions.findOpen(member.id), member.id);
        Map<String, School> reference = territories.checked(member, schools);
        adhesions.lock(a);
        List<String> uais = schools.stream().map(DesignatedSchool::uai).toList();
        DesignationRules.aSchoolIsDesignatedByOneMemberPerSchoolYear(year.name(),
                schoolDesignations.heldByOtherMembers(year.name(), uais, member.id));

        schoolDesignations.deleteOf(member.id, year.name());
        List<DesignatedSchool> sorted = schools.stream().sorted(Comparator.comparing(DesignatedSchool::uai))
                .map(s -> new DesignatedSchool(s.uai(), reference.get(s.uai()).name, s.classes(), s.students())).toList();
        sorted.forEach(s -> schoolDesignations.persist(SchoolDesignation.of(year.name(), member.id, a.id, s)));
        Races.flushOr(schoolDesignations, DesignationRules.aSchoolWasDesignatedByAnotherMemberMeanwhile(year));
        DesignationRevision r = revisions.recordNext(member.id, a.id, year.name(), sorted, actor, clock.instant());
        a.usersDesignated(sorted.size(), year.toString(), actor, clock.instant()).ifPresent(history::persist);
        events.designationsChanged(member.id, a.id, year.name(), r.revision, DesignationsChanged.items(sorted, reference));
        return new CurrentDesignation(member.id, a.id, year.name(), r.revision, sorted);
    }

    public Optional<CurrentDesignation> current(String memberId, String schoolYear) {
        return revisions.latest(memberId, schoolYear).map(last -> new CurrentDesignation(memberId, last.adhesionId, schoolYear,
                last.revision, schoolDesignations.listOf(memberId, schoolYear).stream().map(SchoolDesignation::school).toList()));
    }

    /** The designation of the school year containing the effective date, else the next designated one, else the last. */
    CurrentDesignation takingEffectWith(String memberId, UUID adhesionId, LocalDate effectiveDate) {
        TreeMap<String, List<SchoolDesignation>> byYear = schoolDesignations.listOfAdhesion(memberId, adhesionId).stream()
                .collect(Collectors.groupingBy(d -> d.schoolYear, TreeMap::new, Collectors.toList()));
        String containing = SchoolYear.containing(effectiveDate).name();
        String year = byYear.containsKey(containing) ? containing
                : byYear.keySet().stream().filter(y -> y.compareTo(containing) > 0).findFirst().orElseGet(byYear::lastKey);
        return current(memberId, year).orElseThrow();
    }

    public List<DesignationRevision> history(String memberId, String schoolYear) {
        return revisions.history(memberId, schoolYear);
    }

    public List<DesignatedSchool> schoolsOf(DesignationRevision r) {
        return revisions.schoolsOf(r);
    }
}
