package fr.somme.ent.projects.messaging;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import fr.somme.ent.projects.domain.Decision;

/** Payload of the DSDEN's {@code dsden.decisions.v1} topic (schema contracts/schemas/fr.ent.dsden.ien-decision-taken.v1.json). */
public final class DsdenDecisionEvents {

    public static final String TOPIC = "dsden.decisions.v1";
    public static final String IEN_DECISION_TAKEN = "fr.ent.dsden.ien-decision-taken.v1";

    private DsdenDecisionEvents() {
    }

    public record IenDecisionTaken(@NotNull UUID projectId, @NotNull Decision decision, @NotBlank String ienId,
            @NotBlank String circonscriptionCode, String reason, @NotNull LocalDate decidedOn) {
    }
}
