package fr.somme.ent.membership.domain;

/**
 * A designation in force that breaks the territory rule (art. 3), as listed by the report of migration V4: the member, the
 * school year, the school and why ({@code unknown-school}, {@code school-closed}, {@code school-outside-territory}).
 */
public record TerritoryViolation(String memberId, String schoolYear, String uai, String reason) {
}
