package fr.somme.ent.membership.domain;

/**
 * Which members to list: every criterion is optional; {@code onlyMember} narrows the list to one member (a member
 * agent sees only its own).
 */
public record MemberSearch(MemberKind kind, Boolean schoolCompetence, String epciSiren, String nameContains,
        String onlyMember) {
}
