package fr.somme.ent.membership.messaging;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import fr.somme.ent.membership.domain.School;

/**
 * {@code fr.ent.dsden.school-upserted.v1} (topic {@code dsden.reference.v1}, key: UAI), as far as membership needs it:
 * the circonscription is project-validation's business. {@code status} absent means OPEN.
 */
public record SchoolUpserted(@NotBlank String uai, @NotBlank String name,
        @NotBlank @Pattern(regexp = "[0-9][0-9AB][0-9]{3}") String communeInsee, @NotNull School.DetailedLevel level,
        @NotNull School.Sector sector, String circonscriptionCode, Status status) {

    public static final String TYPE = "fr.ent.dsden.school-upserted.v1";

    public enum Status { OPEN, CLOSED }

    public School toSchool() {
        School s = new School();
        s.uai = uai;
        s.name = name.trim();
        s.communeInsee = communeInsee;
        s.detailedLevel = level;
        s.sector = sector;
        s.open = status != Status.CLOSED;
        s.source = School.Source.DSDEN;
        return s;
    }
}
