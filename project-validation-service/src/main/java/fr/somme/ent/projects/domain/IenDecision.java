package fr.somme.ent.projects.domain;

import java.time.LocalDate;

/** What an IEN decided on a submitted project, on which day, and through which channel it reached us. */
public record IenDecision(Decision decision, String ienId, String reason, LocalDate decidedOn, Channel channel) {
}
