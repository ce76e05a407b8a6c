package fr.somme.ent.provisioning.domain;

/** ECOLE or COLLEGE, as membership's school reference says (art. 3). */
public enum SchoolLevel {
    ECOLE, COLLEGE;

    /**
     * The level a designation carries (from membership's school reference); for a designation published before it
     * carried one, inferred from the member: a school designated by the Département is a collège (art. 4.3), by any
     * other member an école.
     */
    public static SchoolLevel ofDesignation(String level, String memberKind) {
        return level != null ? valueOf(level) : ofDesignatingMemberKind(memberKind);
    }

    /** A school designated by the Département is a collège; by any other member, an école. */
    public static SchoolLevel ofDesignatingMemberKind(String memberKind) {
        return "DEPARTEMENT".equals(memberKind) ? COLLEGE : ECOLE;
    }
}
