package fr.somme.ent.membership.domain;

import java.util.Collection;
import java.util.Optional;

import fr.somme.ent.commons.ids.InseeCode;
import fr.somme.ent.commons.ids.Siren;
import fr.somme.ent.commons.rules.Rejection;

/**
 * The charter's rules on who a member is and who may adhere (art. 3), one method per rule, each named after it.
 * A broken rule is a {@link Rejection} with a stable slug; nothing is changed. Plain Java, unit-testable.
 */
public final class MemberRules {

    private MemberRules() {
    }

    /** Every member is identified by its SIREN (9 digits, Luhn checksum). */
    public static void aMemberIsIdentifiedByAValidSiren(String siren) {
        if (!Siren.isValid(siren)) {
            throw Rejection.ruleNotSatisfied("invalid-siren", "'" + siren + "' is not a valid SIREN (9 digits, Luhn checksum)");
        }
    }

    /** A member is registered once: its SIREN is its id. */
    public static void aMemberIsRegisteredOnce(String siren, Optional<Member> existing) {
        if (existing.isPresent()) {
            throw alreadyRegistered(siren);
        }
    }

    /** The refusal of a second registration, also when a concurrent one wins the race on the primary key. */
    public static Rejection alreadyRegistered(String siren) {
        return Rejection.conflict("member-already-registered", "member " + siren + " is already registered");
    }

    /** A commune has an INSEE code (5 characters) and only a commune has one. */
    public static void aCommuneHasAnInseeCode(MemberKind kind, String inseeCode) {
        if (kind == MemberKind.COMMUNE && (inseeCode == null || inseeCode.isBlank())) {
            throw Rejection.ruleNotSatisfied("insee-code-required", "a commune needs its INSEE code (5 characters)");
        }
        if (kind != MemberKind.COMMUNE && inseeCode != null) {
            throw Rejection.ruleNotSatisfied("insee-code-only-for-communes", "only a commune has an INSEE code");
        }
        if (inseeCode != null && !InseeCode.isValid(inseeCode)) {
            throw Rejection.ruleNotSatisfied("invalid-insee-code", "'" + inseeCode + "' is not an INSEE commune code (5 characters)");
        }
    }

    /** An INSEE code identifies one commune: no other member holds it. */
    public static void anInseeCodeBelongsToOneMember(String inseeCode, String siren, Optional<Member> holder) {
        holder.filter(other -> !other.id.equals(siren)).ifPresent(other -> {
            throw Rejection.conflict("insee-code-already-registered", "INSEE code " + inseeCode + " belongs to member " + other.id);
        });
    }

    /** A commune lies in the département of its INSEE code. */
    public static void aCommuneLiesInTheDepartementOfItsInseeCode(String inseeCode, String departement) {
        if (inseeCode != null && !new InseeCode(inseeCode).departement().equals(departement)) {
            throw Rejection.ruleNotSatisfied("insee-code-outside-departement",
                    "INSEE code " + inseeCode + " is not in département " + departement);
        }
    }

    /** Art. 3: beneficiaries are inside the syndicat's perimeter of intervention. */
    public static void onlyMembersInsideThePerimeterCanAdhere(String departement, Collection<String> perimeter) {
        if (!perimeter.contains(departement)) {
            throw Rejection.ruleNotSatisfied("member-outside-perimeter",
                    "département " + departement + " is outside the syndicat's perimeter " + perimeter + " (art. 3)");
        }
    }

    /** Art. 3: beneficiaries hold the school competence. */
    public static void onlyMembersWithSchoolCompetenceCanAdhere(Member member) {
        if (!member.schoolCompetence) {
            throw Rejection.ruleNotSatisfied("member-without-school-competence", "member " + member.id
                    + " does not hold the school competence: it cannot adhere for schools (art. 3)");
        }
    }
}
