package fr.somme.ent.provisioning.domain;

/** ECOLE or COLLEGE. The membership events do not say; collèges are the Département's (art. 4.3). */
public enum SchoolLevel {
    ECOLE, COLLEGE;

    /** A school designated by the Département is a collège; by any other member, an école. */
    public static SchoolLevel ofDesignatingMemberKind(String memberKind) {
        return "DEPARTEMENT".equals(memberKind) ? COLLEGE : ECOLE;
    }
}
