package fr.somme.ent.console.web;

/** The sentence a page shows when it is not one of the user's entries (the console adds no permission). */
final class Roles {

    static final String NOT_YOURS = "Cette rubrique ne fait pas partie de celles de votre rôle. Revenez à l'accueil pour retrouver les vôtres.";

    private Roles() {
    }
}
