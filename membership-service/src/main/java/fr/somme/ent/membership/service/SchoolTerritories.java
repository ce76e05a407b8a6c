package fr.somme.ent.membership.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.membership.domain.DesignatedSchool;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.MemberKind;
import fr.somme.ent.membership.domain.School;
import fr.somme.ent.membership.domain.Territory;
import fr.somme.ent.membership.domain.TerritoryRules;
import fr.somme.ent.membership.domain.TerritoryViolation;
import fr.somme.ent.membership.repository.MemberRepository;
import fr.somme.ent.membership.repository.TerritoryViolationRepository;

/**
 * A member's territory (art. 3) from the member registry: a commune's EPCI is its {@code epciSiren} (the Somme import
 * fills it from the official Etalab list), an EPCI's communes are the communes registered with its SIREN.
 */
@ApplicationScoped
public class SchoolTerritories {

    private final MemberRepository members;
    private final SchoolReferenceService schools;
    private final TerritoryViolationRepository violations;

    public SchoolTerritories(MemberRepository members, SchoolReferenceService schools, TerritoryViolationRepository violations) {
        this.members = members;
        this.schools = schools;
        this.violations = violations;
    }

    /** The designations in force that break the territory rule (report of migration V4; listed, never deleted). */
    public PageOf<TerritoryViolation> violations(int page, int size) {
        return Pages.of(violations.count(), page, size, violations::list);
    }

    public Territory of(Member m) {
        boolean underCompetentEpci = m.kind == MemberKind.COMMUNE && m.epciSiren != null && members.findByIdOptional(m.epciSiren)
                .filter(e -> e.kind == MemberKind.EPCI && e.schoolCompetence).isPresent();
        Set<String> communes = m.kind == MemberKind.EPCI ? members.inseeCodesOfCommunesOf(m.id) : Set.of();
        return Territory.of(m, underCompetentEpci, communes);
    }

    /** Each school known, open and in the member's territory (else the rule's 422); the reference's schools by UAI. */
    public Map<String, School> checked(Member member, List<DesignatedSchool> designated) {
        Territory territory = of(member);
        Map<String, School> byUai = new LinkedHashMap<>();
        for (DesignatedSchool d : designated) {
            School s = TerritoryRules.aDesignatedSchoolIsKnownToTheReference(d.uai(), schools.find(d.uai()));
            TerritoryRules.aClosedSchoolIsNotDesignated(s);
            TerritoryRules.aMemberDesignatesOnlySchoolsOfItsTerritory(territory, s);
            byUai.put(s.uai, s);
        }
        return byUai;
    }
}
