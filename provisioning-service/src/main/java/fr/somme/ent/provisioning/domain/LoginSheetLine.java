package fr.somme.ent.provisioning.domain;

/** A line of a class's login sheet: the only place an activation code exists in clear (rule 12). */
public record LoginSheetLine(String login, AccountRole role, String lastName, String firstName, String activationCode) {
}
