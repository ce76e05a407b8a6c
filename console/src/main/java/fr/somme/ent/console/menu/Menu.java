package fr.somme.ent.console.menu;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The entries a user sees, from its roles only (the console adds no permission: each entry is a page whose API the
 * role may call; what is inside is what the API answers for this user). Order: the role's main task first.
 */
public final class Menu {

    public static final String OPERATOR = "operator";
    public static final String FINANCE = "finance";
    public static final String MEMBER_AGENT = "member-agent";
    public static final String DSDEN = "dsden";
    public static final String IEN = "ien";
    public static final String TEACHER = "teacher";

    /** One entry: the link text (stable: browser tests find it by that text), where it goes and what it is for. */
    public record Entry(String label, String path, String description) {
    }

    private Menu() {
    }

    public static List<Entry> entries(Set<String> roles) {
        Set<Entry> out = new LinkedHashSet<>();
        if (roles.contains(IEN)) {
            out.add(new Entry("Projets à valider", "/projets-a-valider",
                    "Les projets pédagogiques de votre circonscription en attente de décision."));
        }
        if (roles.contains(TEACHER)) {
            out.add(new Entry("Mes projets", "/mes-projets", "Rédiger, déposer, réviser et reconduire vos projets pédagogiques."));
            out.add(new Entry("Ma classe", "/ma-classe", "La liste des élèves de vos classes déployées et leur fiche de connexion."));
        }
        if (roles.contains(MEMBER_AGENT)) {
            out.add(new Entry("Notre adhésion", "/adhesion",
                    "L'adhésion à la charte et ses dates légales : délibération, désignations, signature, transmissions."));
            out.add(new Entry("Écoles désignées", "/designations", "Les écoles utilisatrices désignées pour chaque année scolaire."));
            out.add(new Entry("Nos classes", "/nos-classes", "Les classes déployées dans vos écoles et leurs comptes."));
        }
        if (roles.contains(FINANCE)) {
            out.add(new Entry("Budget", "/budget", "Le budget d'une année : dépenses par catégorie, FEDER, prix."));
            out.add(new Entry("Calcul des contributions", "/calcul", "Simuler, calculer et émettre les appels de contribution."));
        }
        if (roles.contains(FINANCE) || roles.contains(MEMBER_AGENT) || roles.contains(OPERATOR)) {
            out.add(new Entry("Appels de contribution", "/appels",
                    roles.contains(MEMBER_AGENT) && !roles.contains(FINANCE) && !roles.contains(OPERATOR)
                            ? "Vos appels de contribution, leur calcul détaillé et leur PDF."
                            : "Les appels : paiements, annulations par avoir, exports (CSV, PDF, UBL)."));
        }
        if (roles.contains(OPERATOR) || roles.contains(DSDEN)) {
            out.add(new Entry("Membres et adhésions", "/membres", "Les membres du syndicat et l'état de leur adhésion."));
        }
        if (roles.contains(OPERATOR)) {
            out.add(new Entry("Classes", "/classes", "Toutes les classes, leur état et ce qui les retient."));
            out.add(new Entry("Chaîne d'événements", "/chaine",
                    "La file d'envoi (outbox), les messages écartés et les files d'erreurs (DLQ) de chaque service."));
        }
        if (roles.contains(OPERATOR) || roles.contains(DSDEN) || roles.contains(MEMBER_AGENT)) {
            out.add(new Entry("Bilans", "/bilans", "Les bilans d'usage de l'année (art. 5)."));
        }
        return new ArrayList<>(out);
    }

    /** Whether a page (by its path) is one of the user's entries: pages refuse, in French, what is not. */
    public static boolean allows(Set<String> roles, String path) {
        return entries(roles).stream().anyMatch(e -> e.path().equals(path));
    }

    /** The role names a person reads (French). */
    public static String roleLabel(String role) {
        return switch (role) {
            case OPERATOR -> "opérateur";
            case FINANCE -> "finances";
            case MEMBER_AGENT -> "agent d'un membre";
            case DSDEN -> "DSDEN";
            case IEN -> "IEN";
            case TEACHER -> "enseignant";
            default -> role;
        };
    }
}
