package fr.somme.ent.membership.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.somme.ent.membership.domain.Adhesion;
import fr.somme.ent.membership.domain.DesignatedSchool;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.MemberKind;

/**
 * {@code fr.ent.membership.adhesion-effective.v1}: the adhesion took effect (art. 3), with its legal dates and the
 * designation it takes effect with.
 */
public record AdhesionEffective(String memberId, UUID adhesionId, MemberKind memberKind, LocalDate effectiveDate,
        Deliberation deliberation, LocalDate charterSignedOn, LocalDate deliberationTransmittedOn,
        LocalDate charterTransmittedOn, String schoolYear, List<DesignatedSchool> schools) {

    public static final String TYPE = "fr.ent.membership.adhesion-effective.v1";

    public record Deliberation(String number, LocalDate date) {
    }

    public static AdhesionEffective of(Member m, Adhesion a, String schoolYear, List<DesignatedSchool> schools) {
        return new AdhesionEffective(m.id, a.id, m.kind, a.effectiveDate, new Deliberation(a.deliberationNumber, a.deliberationDate),
                a.charterSignedOn, a.deliberationTransmittedOn, a.charterTransmittedOn, schoolYear, schools);
    }
}
