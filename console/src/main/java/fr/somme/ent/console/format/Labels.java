package fr.somme.ent.console.format;

import java.util.Map;

import fr.somme.ent.console.menu.Menu;
import io.quarkus.qute.TemplateExtension;

/**
 * The French words for the APIs' codes (states, decisions, categories, kinds), as the charter names them. In templates:
 * {@code {lib:etat(x)}}, {@code {lib:role(x)}}. An unknown code is shown as it is.
 */
@TemplateExtension(namespace = "lib")
public final class Labels {

    private static final Map<String, String> STATES = Map.ofEntries(
            // projects (art. 2)
            Map.entry("DRAFT", "brouillon"),
            Map.entry("SUBMITTED", "déposé, en attente de décision"),
            Map.entry("VALIDATED", "validé"),
            Map.entry("REJECTED", "refusé"),
            Map.entry("CHANGES_REQUESTED", "modifications demandées"),
            Map.entry("WITHDRAWN", "retiré"),
            // adhesions (art. 3, 6)
            Map.entry("DELIBERATED", "délibération enregistrée"),
            Map.entry("USERS_DESIGNATED", "écoles désignées"),
            Map.entry("CHARTER_SIGNED", "charte signée"),
            Map.entry("EFFECTIVE", "exécutoire"),
            Map.entry("TERMINATED", "résiliée"),
            // contribution calls (art. 4)
            Map.entry("ISSUED", "émis"),
            Map.entry("PAID", "payé"),
            Map.entry("CANCELLED", "annulé (avoir émis)"),
            // classes
            Map.entry("PENDING", "en attente"),
            Map.entry("DEPLOYED", "déployée"),
            Map.entry("DISCARDED", "abandonnée"),
            Map.entry("ACCESS_ENDED", "accès terminé"),
            // outbox
            Map.entry("PARKED", "écarté (en attente d'un opérateur)"),
            Map.entry("PUBLISHED", "publié"),
            Map.entry("DISCARDED_BY_OPERATOR", "abandonné par un opérateur"));

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("COMMUNE", "commune"),
            Map.entry("EPCI", "EPCI"),
            Map.entry("DEPARTEMENT", "Département"),
            Map.entry("ECOLES", "écoles"),
            Map.entry("COLLEGES", "collèges"),
            Map.entry("ECOLE", "école"),
            Map.entry("COLLEGE", "collège"),
            Map.entry("DELIBERATION", "délibération"),
            Map.entry("CHARTER", "charte signée"),
            Map.entry("CONTRIBUTION", "contribution"),
            Map.entry("MEMBER", "le membre"),
            Map.entry("SYNDICAT", "le syndicat"),
            Map.entry("ACCOUNT_CREATION", "création de compte"),
            Map.entry("ACCOUNT_OPERATION", "fonctionnement de compte"));

    private Labels() {
    }

    /** A state (project, adhesion, call, class, outbox row) in French; "—" when absent. */
    public static String etat(Object code) {
        if (code == null) {
            return "—";
        }
        return STATES.getOrDefault(code.toString(), code.toString());
    }

    /** A code that is not a state (kind, document, category) in French. */
    public static String mot(Object code) {
        if (code == null) {
            return "—";
        }
        String c = code.toString();
        if (c.startsWith("LICENCE:")) {
            return "licence " + c.substring("LICENCE:".length());
        }
        return WORDS.getOrDefault(c, STATES.getOrDefault(c, c.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
    }

    public static String role(Object role) {
        return role == null ? "—" : Menu.roleLabel(role.toString());
    }

    /** true/false in French. */
    public static String ouiNon(Object value) {
        return Boolean.parseBoolean(String.valueOf(value)) ? "oui" : "non";
    }
}
