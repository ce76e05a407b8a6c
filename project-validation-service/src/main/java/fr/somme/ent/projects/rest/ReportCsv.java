package fr.somme.ent.projects.rest;

import java.util.List;

import fr.somme.ent.commons.csv.CsvWriter;
import fr.somme.ent.projects.domain.ProjectCount;
import fr.somme.ent.projects.domain.ValidatedClass;

/**
 * The reports as CSV: RFC 4180, comma separator, CRLF, a header line. A text cell that a spreadsheet would read as a
 * formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, e.g. a teacher's class
 * label {@code =HYPERLINK(...)}) is written with a leading {@code '} (OWASP CSV injection); numbers and dates are untouched.
 * Written by the shared {@link CsvWriter}.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String counts(List<ProjectCount> rows) {
        StringBuilder csv = new StringBuilder("school_year,circonscription_code,state,projects\r\n");
        rows.forEach(r -> csv.append(cells(r.schoolYear(), r.circonscriptionCode(), r.state(), r.projects())));
        return csv.toString();
    }

    static String validatedClasses(List<ValidatedClass> rows) {
        StringBuilder csv = new StringBuilder(
                "school_year,circonscription_code,school_uai,school_name,project_id,class_label,levels,students,validated_by,validated_on\r\n");
        rows.forEach(r -> csv.append(cells(r.schoolYear(), r.circonscriptionCode(), r.schoolUai(), r.schoolName(), r.projectId(),
                r.classLabel(), r.levels(), r.students(), r.validatedBy(), r.validatedOn())));
        return csv.toString();
    }

    /** One record by the shared {@link CsvWriter}: RFC 4180 quoting, formulas neutralised, numbers kept. */
    private static String cells(Object... values) {
        StringBuilder line = new StringBuilder();
        CsvWriter.to(line, CsvWriter.COMMA).row(values);
        return line.toString();
    }

    /** A text starting with a character that makes a spreadsheet evaluate it gets a leading quote. */
    static String neutralised(String text) {
        return CsvWriter.neutralised(text);
    }
}
