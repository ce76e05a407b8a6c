package fr.somme.ent.membership.messaging;

import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.MemberKind;

/** {@code fr.ent.membership.member-registered.v1}: a member was registered (REST or reference import). */
public record MemberRegistered(String memberId, MemberKind kind, String name, String inseeCode, String epciSiren,
        String departement, boolean schoolCompetence) {

    public static final String TYPE = "fr.ent.membership.member-registered.v1";

    public static MemberRegistered of(Member m) {
        return new MemberRegistered(m.id, m.kind, m.name, m.inseeCode, m.epciSiren, m.departement, m.schoolCompetence);
    }
}
