package fr.somme.ent.console.web;

import java.util.Map;

/**
 * What a page says after a form succeeded (POST → 303 → GET ?fait=code): a fixed French sentence per code, so nothing
 * a user typed is ever reflected from the URL.
 */
public final class Flash {

    private static final Map<String, String> SENTENCES = Map.ofEntries(
            Map.entry("valide", "Décision enregistrée : le projet est validé. La classe sera déployée automatiquement."),
            Map.entry("modifications", "Décision enregistrée : des modifications ont été demandées à l'enseignant."),
            Map.entry("refuse", "Décision enregistrée : le projet est refusé."),
            Map.entry("projet-enregistre", "Le projet est enregistré (brouillon)."),
            Map.entry("projet-depose", "Le projet est déposé : il attend la décision de l'IEN."),
            Map.entry("projet-reconduit", "Le projet est reconduit pour l'année suivante : relisez-le puis déposez-le."),
            Map.entry("projet-retire", "Le projet est retiré."),
            Map.entry("liste-envoyee", "La liste des élèves est enregistrée."),
            Map.entry("deliberation", "La délibération est enregistrée."),
            Map.entry("signature", "La signature de la charte est enregistrée."),
            Map.entry("transmission", "La transmission au contrôle de légalité est enregistrée."),
            Map.entry("designation", "La désignation des écoles est enregistrée."),
            Map.entry("depense", "La dépense est enregistrée."),
            Map.entry("feder", "Le financement FEDER est enregistré."),
            Map.entry("calcul", "Le calcul est fait : les appels sont en brouillon."),
            Map.entry("emission", "Les appels sont émis."),
            Map.entry("appel-emis", "L'appel est émis."),
            Map.entry("paiement", "Le paiement est enregistré."),
            Map.entry("annulation", "L'appel est annulé ; l'avoir est émis."));

    private Flash() {
    }

    public static String sentence(String code) {
        return code == null ? null : SENTENCES.get(code);
    }
}
