package fr.somme.ent.membership.messaging;

import java.util.List;
import java.util.UUID;

import fr.somme.ent.membership.domain.DesignatedSchool;

/** {@code fr.ent.membership.designations-changed.v1}: a new revision of the member's schools for a school year. */
public record DesignationsChanged(String memberId, UUID adhesionId, String schoolYear, int revision,
        List<DesignatedSchool> schools) {

    public static final String TYPE = "fr.ent.membership.designations-changed.v1";
}
