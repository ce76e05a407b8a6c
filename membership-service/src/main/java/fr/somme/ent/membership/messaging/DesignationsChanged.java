package fr.somme.ent.membership.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.somme.ent.membership.domain.DesignatedSchool;
import fr.somme.ent.membership.domain.School;
import fr.somme.ent.membership.domain.SchoolLevel;

/**
 * {@code fr.ent.membership.designations-changed.v1}: a new revision of the member's schools for a school year, each with
 * its level and commune from the school reference; an empty list releases the member's schools of that year (art. 6).
 */
public record DesignationsChanged(String memberId, UUID adhesionId, String schoolYear, int revision, List<Item> schools) {

    public static final String TYPE = "fr.ent.membership.designations-changed.v1";

    public record Item(String uai, String name, int classes, int students, SchoolLevel level, String communeInsee) {
    }

    /** The designated schools with the level and commune of their reference entry. */
    public static List<Item> items(List<DesignatedSchool> designated, Map<String, School> reference) {
        return designated.stream().map(d -> {
            School s = reference.get(d.uai());
            return new Item(d.uai(), d.name(), d.classes(), d.students(), s.level(), s.communeInsee);
        }).toList();
    }
}
