package fr.somme.ent.provisioning.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.provisioning.rest.ClassDtos.RosterLine;

/**
 * A roster uploaded as CSV ({@code text/csv; charset=UTF-8}): {@code last name,first name} per line, optional header
 * ({@code nom;prénom}, {@code lastName,firstName}), {@code ,} or {@code ;}, quotes as RFC 4180.
 */
final class RosterCsv {

    private RosterCsv() {
    }

    static List<RosterLine> parse(String csv) {
        List<RosterLine> out = new ArrayList<>();
        if (csv == null) {
            return out;
        }
        try (BufferedReader reader = new BufferedReader(new StringReader(csv.replace("\uFEFF", "")))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                char sep = line.indexOf(';') >= 0 ? ';' : ',';
                List<String> cells = split(line, sep);
                if (n == 1 && cells.get(0).strip().toLowerCase(Locale.ROOT).replace(" ", "").matches("lastname|nom")) {
                    continue;
                }
                if (cells.size() != 2) {
                    throw ProblemException.badRequest("roster-line", "line " + n + ": expected last name, first name");
                }
                out.add(new RosterLine(cells.get(0).strip(), cells.get(1).strip()));
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("roster-line", "unreadable CSV");
        }
        return out;
    }

    private static List<String> split(String line, char sep) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == sep && !quoted) {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        cells.add(cur.toString());
        return cells;
    }
}
