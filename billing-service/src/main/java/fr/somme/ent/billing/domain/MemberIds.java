package fr.somme.ent.billing.domain;

import fr.somme.ent.commons.ids.Siren;
import fr.somme.ent.commons.rules.Rejection;

/** A member is identified by its SIREN (9 digits, Luhn), wherever a member id enters billing's API. */
public final class MemberIds {

    private MemberIds() {
    }

    /** The member id when it is a SIREN; otherwise 400 {@code invalid-member-id}. */
    public static String requireSiren(String memberId) {
        if (!Siren.isValid(memberId)) {
            throw Rejection.invalidInput("invalid-member-id", "a member is identified by its SIREN (9 digits, Luhn): '"
                    + memberId + "'");
        }
        return memberId;
    }
}
