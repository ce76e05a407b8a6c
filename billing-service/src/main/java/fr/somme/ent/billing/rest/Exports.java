package fr.somme.ent.billing.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.billing.rest.CallDtos.CallView;
import fr.somme.ent.commons.csv.CsvWriter;

/** The period export finance officers read: CSV, one line per call (the printable call is {@link CallDocuments}). */
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

    /**
     * A cell a spreadsheet would read as a formula (issue #14 point 7: it starts with {@code =}, {@code +}, {@code -},
     * {@code @}, a tab or a carriage return) is prefixed with {@code '}, so it is shown as text and never run; a plain
     * decimal number ({@code -12.50}) stays a number: the shared {@link CsvWriter}'s rule.
     */
    static String neutralised(String v) {
        return CsvWriter.neutralised(v);
    }

    static String csvField(String raw) {
        return CsvWriter.cell(raw, CsvWriter.SEMICOLON);
    }
}
