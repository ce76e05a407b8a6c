package fr.somme.ent.projects.domain;

import java.util.List;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/** What a teacher writes: one class of one school, for one school year. */
public record ProjectContent(String schoolUai, String classLabel, List<String> levels, String schoolYear, int students,
        String objectives, List<String> requestedResources) {

    public ProjectContent {
        levels = levels == null ? List.of() : List.copyOf(levels);
        requestedResources = requestedResources == null ? List.of() : List.copyOf(requestedResources);
    }

    public SchoolYear year() {
        try {
            return SchoolYear.parse(schoolYear);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalidInput("invalid-school-year", e.getMessage());
        }
    }
}
