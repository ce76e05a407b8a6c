package fr.somme.ent.console.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.somme.ent.console.api.ApiProblem;

/**
 * A service's problem+json in plain French: one sentence for the page (by the problem's {@code type}, else by its
 * status, else a generic sentence) and one per field concerned (validation problems), shown next to that field.
 * Never the service's English detail, never a stack trace.
 */
public final class FrenchMessages {

    static final String GENERIC = "L'opération n'a pas pu aboutir. Réessayez ; si le problème persiste, contactez le syndicat.";

    private static final Map<String, String> BY_TYPE = Map.ofEntries(
            Map.entry(ApiProblem.UNREACHABLE, "Le service est momentanément indisponible. Réessayez dans quelques instants."),
            Map.entry("validation", "Certains champs sont incorrects : corrigez-les puis envoyez à nouveau."),
            Map.entry("malformed-body", "La demande est mal formée : vérifiez les champs puis envoyez à nouveau."),
            Map.entry("unauthorized", "Votre session a expiré : reconnectez-vous."),
            Map.entry("forbidden", "Votre rôle ne permet pas cette opération."),
            Map.entry("not-found", "Cet élément n'existe pas ou ne relève pas de votre périmètre."),
            Map.entry("reason-required", "Un motif est obligatoire pour refuser un projet ou demander des modifications."),
            Map.entry("invalid-transition", "Cette opération n'est plus possible dans l'état actuel (il a peut-être déjà été traité)."),
            Map.entry("not-editable", "Ce projet ne peut plus être modifié dans son état actuel."),
            Map.entry("decision-contradicts-earlier", "Une décision différente a déjà été prise sur ce projet."),
            Map.entry("decision-predates-submission", "La date de décision précède le dépôt du projet."),
            Map.entry("decision-in-the-future", "La date de décision ne peut pas être dans le futur."),
            Map.entry("date-in-future", "La date ne peut pas être dans le futur."),
            Map.entry("project-already-deployed", "La classe de ce projet est déjà déployée : il ne peut plus être retiré."),
            Map.entry("project-already-renewed", "Ce projet a déjà été reconduit pour l'année suivante."),
            Map.entry("project-not-renewable", "Seul un projet validé peut être reconduit pour l'année suivante."),
            Map.entry("no-convention-for-school-year", "Aucune convention DSDEN ne couvre cette année scolaire."),
            Map.entry("invalid-school-year", "L'année scolaire doit s'écrire comme 2026-2027."),
            Map.entry("school-year", "L'année scolaire doit s'écrire comme 2026-2027."),
            Map.entry("invalid-uai", "Le code UAI doit comporter sept chiffres et une lettre de contrôle, par exemple 0800118U."),
            Map.entry("unknown-school", "Cette école n'est pas connue du référentiel."),
            Map.entry("school-closed", "Cette école est fermée."),
            Map.entry("school-outside-territory", "Cette école n'est pas sur le territoire du membre."),
            Map.entry("school-designated-by-another-member", "Cette école est déjà désignée par un autre membre."),
            Map.entry("duplicate-school", "La même école figure deux fois dans la désignation."),
            Map.entry("no-school-designated", "Désignez au moins une école."),
            Map.entry("school-year-closed", "Cette année scolaire est close."),
            Map.entry("school-year-not-open", "Cette année scolaire n'est pas encore ouverte."),
            Map.entry("school-year-ended", "Cette année scolaire est terminée."),
            Map.entry("school-year-not-ended", "L'année scolaire n'est pas terminée : le calcul n'est possible qu'après sa fin (art. 4.4)."),
            Map.entry("adhesion-already-open", "Une adhésion est déjà en cours pour ce membre."),
            Map.entry("adhesion-not-deliberated", "La délibération doit d'abord être enregistrée."),
            Map.entry("adhesion-not-effective", "L'adhésion n'est pas encore exécutoire."),
            Map.entry("adhesion-terminated", "Cette adhésion est résiliée."),
            Map.entry("already-transmitted", "Ce document a déjà été transmis au contrôle de légalité."),
            Map.entry("charter-already-signed", "La charte est déjà signée."),
            Map.entry("charter-not-signed", "La charte doit d'abord être signée."),
            Map.entry("charter-signed-before-deliberation", "La charte ne peut pas être signée avant la délibération."),
            Map.entry("charter-transmitted-before-signature", "La charte ne peut pas être transmise avant sa signature."),
            Map.entry("transmission-before-deliberation", "La transmission ne peut pas précéder la délibération."),
            Map.entry("deliberation-incomplete", "La délibération doit approuver la charte et autoriser l'exécutif à la signer."),
            Map.entry("users-not-designated", "Les écoles utilisatrices doivent d'abord être désignées."),
            Map.entry("member-without-school-competence", "Ce membre n'exerce pas la compétence scolaire."),
            Map.entry("period-closed", "La période est close : elle a déjà été appelée."),
            Map.entry("period-not-called", "La période n'a pas encore été appelée."),
            Map.entry("call-not-issued", "Cet appel n'est pas encore émis."),
            Map.entry("call-not-cancelled", "Cet appel n'est pas annulé."),
            Map.entry("credit-note-missing", "Cet appel n'a pas d'avoir."),
            Map.entry("billing-profile-missing", "Le profil de facturation du membre est incomplet."),
            Map.entry("paid-outside-period", "La date de paiement est hors de la période."),
            Map.entry("duplicate-expense", "Cette dépense (même fournisseur, même référence) est déjà enregistrée."),
            Map.entry("missing-price", "Un prix manque pour l'année : complétez la grille tarifaire."),
            Map.entry("invalid-amount", "Le montant est incorrect."),
            Map.entry("unknown-price-component", "Ce composant de prix n'existe pas."),
            Map.entry("roster-line", "Une ligne de la liste d'élèves est incorrecte."),
            Map.entry("roster-size", "La liste d'élèves dépasse l'effectif de la classe."),
            Map.entry("login-sheet-already-issued", "La fiche de connexion a déjà été éditée."),
            Map.entry("class-not-deployed", "La classe n'est pas encore déployée."),
            Map.entry("class-already-deployed", "La classe est déjà déployée."),
            Map.entry("class-discarded", "Cette classe a été abandonnée."),
            Map.entry("rate-limited", "Trop de demandes : patientez quelques secondes."),
            Map.entry("body-too-large", "Le fichier envoyé est trop volumineux."));

    private static final Map<Integer, String> BY_STATUS = Map.of(
            0, BY_TYPE.get(ApiProblem.UNREACHABLE),
            401, BY_TYPE.get("unauthorized"),
            403, BY_TYPE.get("forbidden"),
            404, BY_TYPE.get("not-found"),
            409, "Cette opération entre en conflit avec l'état actuel : rechargez la page.",
            413, BY_TYPE.get("body-too-large"),
            422, "Cette opération n'est pas permise par les règles de la charte.",
            429, BY_TYPE.get("rate-limited"),
            503, BY_TYPE.get(ApiProblem.UNREACHABLE));

    /** Rules that concern one field of the console's forms: their sentence is also shown next to that field. */
    private static final Map<String, String> FIELD_OF_RULE = Map.ofEntries(
            Map.entry("paid-outside-period", "paidOn"),
            Map.entry("duplicate-expense", "reference"),
            Map.entry("invalid-amount", "amount"),
            Map.entry("invalid-school-year", "schoolYear"),
            Map.entry("school-year", "schoolYear"),
            Map.entry("no-convention-for-school-year", "schoolYear"),
            Map.entry("date-in-future", "date"),
            Map.entry("charter-signed-before-deliberation", "signedOn"),
            Map.entry("transmission-before-deliberation", "transmittedOn"),
            Map.entry("charter-transmitted-before-signature", "document"),
            Map.entry("already-transmitted", "document"),
            Map.entry("deliberation-incomplete", "charterApproved"));

    private FrenchMessages() {
    }

    /** The sentence for the page. */
    public static String message(ApiProblem problem) {
        if (problem.slug() != null && BY_TYPE.containsKey(problem.slug())) {
            return BY_TYPE.get(problem.slug());
        }
        String byStatus = BY_STATUS.get(problem.status());
        if (byStatus != null) {
            return byStatus;
        }
        return problem.status() >= 400 && problem.status() < 500 ? "La demande a été refusée : vérifiez les champs puis envoyez à nouveau."
                : GENERIC;
    }

    /**
     * One French sentence per field concerned, keyed by the form's field name: the service's field path's last segment
     * ({@code schools[0].uai} → uai); a problem whose type names a field (reason-required) gives that field.
     */
    public static Map<String, String> fieldErrors(ApiProblem problem) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ApiProblem.FieldError e : problem.errors()) {
            String field = lastSegment(e.field());
            out.putIfAbsent(field, fieldSentence(field, e.message()));
        }
        if ("reason-required".equals(problem.slug())) {
            out.putIfAbsent("reason", "Indiquez le motif.");
        }
        String field = problem.slug() == null ? null : FIELD_OF_RULE.get(problem.slug());
        if (field != null) {
            out.putIfAbsent(field, BY_TYPE.get(problem.slug()));
        }
        return out;
    }

    static String fieldSentence(String field, String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("must not be blank") || m.contains("must not be null") || m.contains("must not be empty")) {
            return "Ce champ est obligatoire.";
        }
        if (m.contains("size must be between") || m.contains("at most")) {
            return "Ce champ est trop long.";
        }
        if (m.contains("must be greater") || m.contains("must be less") || m.contains("must be between")) {
            return "Cette valeur est hors des limites permises.";
        }
        if (m.contains("must match")) {
            return "Ce champ n'a pas le format attendu.";
        }
        return "Ce champ est incorrect.";
    }

    static String lastSegment(String path) {
        if (path == null || path.isBlank()) {
            return "";
        }
        String p = path.replaceAll("\\[\\d+]", "");
        return p.substring(p.lastIndexOf('.') + 1);
    }
}
