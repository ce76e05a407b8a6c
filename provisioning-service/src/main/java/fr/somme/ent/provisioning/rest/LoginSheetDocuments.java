package fr.somme.ent.provisioning.rest;

import java.util.List;

import fr.somme.ent.provisioning.domain.AccountRole;
import fr.somme.ent.provisioning.domain.LoginSheetLine;

/** A login sheet as a CSV file or as a printable HTML page (one card per account). */
final class LoginSheetDocuments {

    private LoginSheetDocuments() {
    }

    static String csv(List<LoginSheetLine> lines) {
        StringBuilder csv = new StringBuilder("login,role,lastName,firstName,activationCode\r\n");
        for (LoginSheetLine l : lines) {
            csv.append(cell(l.login())).append(',').append(cell(l.role().name())).append(',').append(cell(l.lastName()))
                    .append(',').append(cell(l.firstName())).append(',').append(cell(l.activationCode())).append("\r\n");
        }
        return csv.toString();
    }

    static String html(List<LoginSheetLine> lines) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Identifiants ENT</title>"
                + "<style>body{font-family:sans-serif}.card{display:inline-block;width:45%;border:1px dashed #555;margin:6px;"
                + "padding:10px;page-break-inside:avoid}.code{font-family:monospace;font-size:1.4em;letter-spacing:.15em}"
                + "</style></head><body><h1>Identifiants ENT</h1>");
        for (LoginSheetLine l : lines) {
            String who = (l.firstName() == null ? "" : l.firstName()) + " " + (l.lastName() == null ? "" : l.lastName());
            h.append("<div class=\"card\"><p>").append(escape(who.isBlank() ? (l.role() == AccountRole.TEACHER ? "Enseignant" : "Élève")
                    : who.strip())).append("</p><p>Identifiant : <b>").append(escape(l.login()))
                    .append("</b></p><p>Code d'activation : <span class=\"code\">").append(escape(l.activationCode()))
                    .append("</span></p></div>");
        }
        return h.append("</body></html>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v; // no formula injection in a spreadsheet
        }
        return v.matches(".*[,\"\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
