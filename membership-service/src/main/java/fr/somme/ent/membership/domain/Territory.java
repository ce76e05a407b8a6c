package fr.somme.ent.membership.domain;

import java.util.Set;

/**
 * What the territory rule (art. 3) needs to know of a member: its kind, its commune (a commune), its département, its
 * school competence, whether the EPCI of a commune holds the school competence, and the communes of an EPCI (INSEE codes).
 */
public record Territory(String memberId, MemberKind kind, String inseeCode, String departement, boolean schoolCompetence,
        boolean communeUnderCompetentEpci, Set<String> epciCommunes) {

    public static Territory of(Member m, boolean communeUnderCompetentEpci, Set<String> epciCommunes) {
        return new Territory(m.id, m.kind, m.inseeCode, m.departement, m.schoolCompetence, communeUnderCompetentEpci,
                Set.copyOf(epciCommunes));
    }
}
