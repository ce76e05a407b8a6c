package fr.somme.ent.billing.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.billing.domain.CallKind;
import fr.somme.ent.billing.rest.CallDtos.CallView;

/** The documents finance officers and councils read: CSV per period, printable call (HTML). */
@ApplicationScoped
public class Exports {

    static final List<String> CSV_COLUMNS = List.of("number", "status", "member_id", "member_name", "school_year", "kind",
            "amount", "paid_expenses", "feder", "net_charges", "colleges_invoiced", "ecoles_pool", "students", "total_students", "exact_share", "floor",
            "rounding_adjustment", "college_lines", "credit_note_number", "issued_on", "paid_on", "cancelled_on");

    /** One line per call of the period (all statuses), ';'-separated, amounts with a '.' and two decimals. */
    public String csv(List<CallView> calls) {
        StringBuilder out = new StringBuilder(String.join(";", CSV_COLUMNS)).append("\r\n");
        for (CallView c : calls) {
            JsonNode d = c.derivation();
            List<String> collegeLines = new ArrayList<>();
            for (JsonNode l : d.path("lines")) {
                collegeLines.add(l.path("component").asText() + " " + l.path("quantity").asText() + " x "
                        + l.path("unitPrice").asText() + " = " + l.path("amount").asText());
            }
            List<Object> row = List.of(n(c.number()), c.status(), c.memberId(), n(c.memberName()), c.schoolYear(), c.kind(),
                    c.amount(), text(d, "paidExpenses"), text(d, "feder"), text(d, "netCharges"), text(d, "collegesInvoiced"), text(d, "ecolesPool"),
                    text(d, "students"),
                    text(d, "totalStudents"), text(d, "exactShare"), text(d, "floor"), text(d, "roundingAdjustment"),
                    String.join(" | ", collegeLines), n(c.creditNoteNumber()), n(c.issuedOn()), n(c.paidOn()),
                    n(c.cancelledOn()));
            out.append(String.join(";", row.stream().map(v -> csvField(String.valueOf(v))).toList())).append("\r\n");
        }
        return out.toString();
    }

    private static String text(JsonNode d, String field) {
        return d.has(field) ? d.get(field).asText() : "";
    }

    private static String n(Object o) {
        return o == null ? "" : o.toString();
    }

    static String csvField(String v) {
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    /** A printable call (or draft) with every figure of its derivation. */
    public String html(CallView c) {
        JsonNode d = c.derivation();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Appel de contribution ")
                .append(esc(c.number() == null ? "(projet)" : c.number())).append("</title>")
                .append("<style>body{font-family:sans-serif;max-width:48em;margin:2em auto}td,th{border:1px solid #999;padding:.3em}"
                        + "table{border-collapse:collapse}td.n{text-align:right}@media print{body{margin:0}}</style></head><body>");
        h.append("<h1>Syndicat mixte Somme Numérique — Appel de contribution ENT</h1>");
        h.append("<p>Numéro : <b>").append(esc(c.number() == null ? "projet non émis" : c.number())).append("</b><br>")
                .append("Membre : ").append(esc(n(c.memberName()))).append(" (SIREN ").append(esc(c.memberId())).append(")<br>")
                .append("Année scolaire : ").append(esc(c.schoolYear())).append("<br>")
                .append("Statut : ").append(esc(c.status().name())).append("<br>")
                .append("Date d'émission : ").append(esc(n(c.issuedOn()))).append("</p>");
        h.append("<table>");
        if (c.kind() == CallKind.ECOLES_PRO_RATA) {
            h.append("<caption>Écoles : contribution au prorata des élèves bénéficiaires (charte, art. 4.1 à 4.4)</caption>");
            row(h, "Dépenses effectivement acquittées", text(d, "paidExpenses") + " €");
            row(h, "FEDER obtenu pour le compte des membres", "− " + text(d, "feder") + " €");
            row(h, "Charges nettes communes", text(d, "netCharges") + " €");
            row(h, "Refacturé au Département pour les collèges (prix du marché, art. 4.3)",
                    "− " + text(d, "collegesInvoiced") + " €");
            row(h, "Charges réparties entre les écoles", text(d, "ecolesPool") + " €");
            row(h, "Élèves bénéficiaires du membre", text(d, "students"));
            row(h, "Élèves bénéficiaires de tous les membres redevables", text(d, "totalStudents"));
            row(h, "Part exacte (charges des écoles × élèves / total)", text(d, "exactShare") + " €");
            row(h, "Arrondi au centime (plus forts restes)", "+ " + text(d, "roundingAdjustment") + " €");
        } else {
            h.append("<caption>Collèges : refacturation au prix du marché (charte, art. 4.3)</caption>");
            h.append("<tr><th>Composante</th><th>Quantité</th><th>Prix unitaire</th><th>Montant</th></tr>");
            for (JsonNode l : d.path("lines")) {
                h.append("<tr><td>").append(esc(l.path("label").asText())).append("</td><td class=\"n\">")
                        .append(esc(l.path("quantity").asText())).append("</td><td class=\"n\">")
                        .append(esc(l.path("unitPrice").asText())).append(" €</td><td class=\"n\">")
                        .append(esc(l.path("amount").asText())).append(" €</td></tr>");
            }
        }
        row(h, "Montant appelé", c.amount() + " €");
        h.append("</table>");
        h.append("<p>Contribution de service public, hors champ de la TVA.</p>");
        if (c.creditNoteNumber() != null) {
            h.append("<p>Annulé par l'avoir ").append(esc(c.creditNoteNumber())).append(" du ").append(esc(n(c.cancelledOn())))
                    .append(" : ").append(esc(n(c.cancelReason()))).append("</p>");
        }
        return h.append("</body></html>").toString();
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th scope=\"row\">").append(esc(label)).append("</th><td class=\"n\">").append(esc(value)).append("</td></tr>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
