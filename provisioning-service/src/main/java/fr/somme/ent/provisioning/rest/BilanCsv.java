package fr.somme.ent.provisioning.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import fr.somme.ent.commons.csv.CsvWriter;
import fr.somme.ent.provisioning.domain.Bilan;
import fr.somme.ent.provisioning.domain.BilanFigures;

/**
 * A bilan as a CSV file for a spreadsheet in French: ';' between cells, decimal comma, French column headers, one
 * line per member or per circonscription, then a total line, written by the shared {@link CsvWriter}: a text cell
 * starting with = + - @, a tab or a CR gets a leading apostrophe (no formula injection) unless it is a plain number;
 * a cell holding ';', '"' or a line break is quoted (RFC 4180).
 */
final class BilanCsv {

    /** The two ways to cut a bilan. */
    enum By {
        MEMBER("Membre (SIREN)"), CIRCONSCRIPTION("Circonscription");

        final String header;

        By(String header) {
            this.header = header;
        }
    }

    private BilanCsv() {
    }

    static String csv(Bilan bilan, By by) {
        SortedSet<String> resources = bilan.resources();
        List<String> header = new ArrayList<>(List.of("Année scolaire", by.header, "Classes déployées", "Classes fermées",
                "Comptes créés", "Comptes activés", "Taux d'activation (%)"));
        resources.forEach(r -> header.add("Licences " + r));
        if (by == By.MEMBER) {
            header.addAll(List.of("Contributions appelées (€)", "Contributions payées (€)"));
        }
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        Map<String, BilanFigures> lines = by == By.MEMBER ? bilan.byMember() : bilan.byCirconscription();
        lines.forEach((key, figures) -> line(csv, cells(bilan.schoolYear(), key == null ? "inconnue" : key, figures, resources, by)));
        line(csv, cells(bilan.schoolYear(), "Total", bilan.totals(), resources, by));
        return csv.toString();
    }

    private static List<String> cells(String year, String key, BilanFigures f, SortedSet<String> resources, By by) {
        List<String> cells = new ArrayList<>(List.of(year, key, Long.toString(f.classesDeployed()),
                Long.toString(f.classesClosed()), Long.toString(f.accountsCreated()), Long.toString(f.accountsActivated()),
                f.activationRate().map(BilanCsv::decimal).orElse("")));
        resources.forEach(r -> cells.add(Long.toString(f.licences().getOrDefault(r, 0L))));
        if (by == By.MEMBER) {
            cells.add(decimal(f.contributionsCalled()));
            cells.add(decimal(f.contributionsPaid()));
        }
        return cells;
    }

    private static String decimal(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }

    private static void line(StringBuilder csv, List<String> cells) {
        CsvWriter.to(csv, CsvWriter.SEMICOLON).row(cells);
    }

    /** One cell as the shared {@link CsvWriter} writes it with ';'. */
    static String cell(String value) {
        return CsvWriter.cell(value, CsvWriter.SEMICOLON);
    }
}
