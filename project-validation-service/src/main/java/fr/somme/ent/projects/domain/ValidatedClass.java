package fr.somme.ent.projects.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Report line for the Comité Départemental du Numérique (art. 5): a validated class and its number of students. */
public record ValidatedClass(String schoolYear, String circonscriptionCode, String schoolUai, String schoolName, UUID projectId,
        String classLabel, String levels, int students, String validatedBy, LocalDate validatedOn) {
}
