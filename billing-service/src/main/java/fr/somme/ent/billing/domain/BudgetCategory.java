package fr.somme.ent.billing.domain;

/** The categories of the dedicated budget of the ENT service (art. 4.2, rule 14). */
public enum BudgetCategory {
    PROJECT_PILOTING_ADMINISTRATION("Pilotage et suivi administratif des projets"),
    SHARED_PLATFORM("Plateforme mutualisée"),
    PAID_PEDAGOGICAL_CONTENT("Contenus pédagogiques payants"),
    CANOPE_SUPPORT_CONVENTION("Convention d'accompagnement par CANOPE"),
    EVALUATION("Evaluation du dispositif"),
    ANIMATION_COMMUNICATION("Animation et communication autour des projets"),
    OTHER_OPERATING_EXPENSES("Toutes dépenses afférentes au fonctionnement du service");

    private final String charterLabel;

    BudgetCategory(String charterLabel) {
        this.charterLabel = charterLabel;
    }

    public String charterLabel() {
        return charterLabel;
    }
}
