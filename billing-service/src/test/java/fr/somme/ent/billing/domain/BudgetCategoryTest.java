package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Art. 4.2, rule 14: the dedicated budget has the charter's categories, with the charter's words. */
class BudgetCategoryTest {

    @Test
    void theCategoriesAreTheChartersInItsOrder() {
        assertEquals(List.of("Pilotage et suivi administratif des projets", "Plateforme mutualisée",
                "Contenus pédagogiques payants", "Convention d'accompagnement par CANOPE", "Evaluation du dispositif",
                "Animation et communication autour des projets", "Toutes dépenses afférentes au fonctionnement du service"),
                Arrays.stream(BudgetCategory.values()).map(BudgetCategory::charterLabel).toList());
    }
}
