package fr.somme.ent.membership.messaging;

import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.MemberKind;

/** {@code fr.ent.membership.member-updated.v1}: a member's facts changed; carries all of them, as registered. */
public record MemberUpdated(String memberId, MemberKind kind, String name, String inseeCode, String epciSiren,
        String departement, boolean schoolCompetence) {

    public static final String TYPE = "fr.ent.membership.member-updated.v1";

    public static MemberUpdated of(Member m) {
        return new MemberUpdated(m.id, m.kind, m.name, m.inseeCode, m.epciSiren, m.departement, m.schoolCompetence);
    }
}
