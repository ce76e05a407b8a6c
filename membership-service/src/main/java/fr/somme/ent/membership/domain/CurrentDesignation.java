package fr.somme.ent.membership.domain;

import java.util.List;
import java.util.UUID;

/** A member's designation in force for a school year: its latest revision and the schools it holds (rule 4). */
public record CurrentDesignation(String memberId, UUID adhesionId, String schoolYear, int revision,
        List<DesignatedSchool> schools) {
}
