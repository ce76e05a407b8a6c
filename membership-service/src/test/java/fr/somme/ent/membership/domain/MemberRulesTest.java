package fr.somme.ent.membership.domain;

import static fr.somme.ent.membership.domain.Refusals.conflict;
import static fr.somme.ent.membership.domain.Refusals.notSatisfied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.somme.ent.commons.rules.Rejection;

/** MemberRules (art. 3): who a member is and who may adhere. */
class MemberRulesTest {

    private static Member member(String siren, boolean schoolCompetence) {
        Member m = new Member();
        m.id = siren;
        m.kind = MemberKind.COMMUNE;
        m.departement = "80";
        m.schoolCompetence = schoolCompetence;
        return m;
    }

    @Test
    void aMemberIsIdentifiedByAValidSiren() {
        MemberRules.aMemberIsIdentifiedByAValidSiren("218000198");
        notSatisfied("invalid-siren", () -> MemberRules.aMemberIsIdentifiedByAValidSiren("218000199"));
        notSatisfied("invalid-siren", () -> MemberRules.aMemberIsIdentifiedByAValidSiren(null));
    }

    @Test
    void aMemberIsRegisteredOnce() {
        MemberRules.aMemberIsRegisteredOnce("218000198", Optional.empty());
        conflict("member-already-registered", () -> MemberRules.aMemberIsRegisteredOnce("218000198",
                Optional.of(member("218000198", true))));
        Rejection race = MemberRules.alreadyRegistered("218000198");
        assertEquals(Rejection.Kind.CONFLICT, race.kind());
        assertEquals("member-already-registered", race.slug());
    }

    @Test
    void aCommuneHasAnInseeCode() {
        MemberRules.aCommuneHasAnInseeCode(MemberKind.COMMUNE, "80021");
        notSatisfied("insee-code-required", () -> MemberRules.aCommuneHasAnInseeCode(MemberKind.COMMUNE, null));
        notSatisfied("insee-code-required", () -> MemberRules.aCommuneHasAnInseeCode(MemberKind.COMMUNE, " "));
        notSatisfied("invalid-insee-code", () -> MemberRules.aCommuneHasAnInseeCode(MemberKind.COMMUNE, "8X001"));
    }

    @ParameterizedTest
    @EnumSource(value = MemberKind.class, names = "COMMUNE", mode = EnumSource.Mode.EXCLUDE)
    void onlyACommuneHasAnInseeCode(MemberKind kind) {
        MemberRules.aCommuneHasAnInseeCode(kind, null);
        notSatisfied("insee-code-only-for-communes", () -> MemberRules.aCommuneHasAnInseeCode(kind, "80021"));
    }

    @Test
    void anInseeCodeBelongsToOneMember() {
        MemberRules.anInseeCodeBelongsToOneMember("80021", "218000198", Optional.empty());
        MemberRules.anInseeCodeBelongsToOneMember("80021", "218000198", Optional.of(member("218000198", true)));
        Rejection e = conflict("insee-code-already-registered",
                () -> MemberRules.anInseeCodeBelongsToOneMember("80021", "990000017", Optional.of(member("218000198", true))));
        assertTrue(e.reason().contains("218000198"), e.reason());
    }

    @Test
    void aCommuneLiesInTheDepartementOfItsInseeCode() {
        MemberRules.aCommuneLiesInTheDepartementOfItsInseeCode(null, "80");
        MemberRules.aCommuneLiesInTheDepartementOfItsInseeCode("80021", "80");
        notSatisfied("insee-code-outside-departement", () -> MemberRules.aCommuneLiesInTheDepartementOfItsInseeCode("80021", "02"));
    }

    @Test
    void onlyMembersInsideThePerimeterCanAdhere() {
        MemberRules.onlyMembersInsideThePerimeterCanAdhere("80", List.of("80"));
        MemberRules.onlyMembersInsideThePerimeterCanAdhere("60", List.of("80", "60"));
        notSatisfied("member-outside-perimeter", () -> MemberRules.onlyMembersInsideThePerimeterCanAdhere("60", List.of("80")));
    }

    @Test
    void onlyMembersWithSchoolCompetenceCanAdhere() {
        MemberRules.onlyMembersWithSchoolCompetenceCanAdhere(member("218000198", true));
        notSatisfied("member-without-school-competence",
                () -> MemberRules.onlyMembersWithSchoolCompetenceCanAdhere(member("218000016", false)));
    }
}
