package fr.somme.ent.membership.domain;

/** A school as designated by a member: UAI, name, number of classes and of students (art. 3). */
public record DesignatedSchool(String uai, String name, int classes, int students) {
}
