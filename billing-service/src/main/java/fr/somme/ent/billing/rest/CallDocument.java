package fr.somme.ent.billing.rest;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.billing.domain.CallKind;
import fr.somme.ent.billing.domain.CallStatus;
import fr.somme.ent.billing.rest.CallDtos.CallView;
import io.quarkus.qute.TemplateData;

/**
 * What the printable call or credit note shows (template {@code call-document.html}), in French: every figure of the
 * derivation, amounts as "1 275,00 €", dates as "01/09/2027".
 */
@TemplateData
public record CallDocument(boolean creditNote, String title, String seller, String heading, String number,
        String callNumber, String callIssuedOn, String memberName, String memberId, String schoolYear, String status,
        String date, String caption, List<Figure> figures, List<Line> lines, int totalSpan, String amountLabel,
        String amount, String reason, String cancellation) {

    @TemplateData
    public record Figure(String label, String value) {
    }

    @TemplateData
    public record Line(String label, String quantity, String unitPrice, String amount) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The printable call (or draft). */
    static CallDocument call(CallView c, String seller) {
        String number = c.number() == null ? "projet non émis" : c.number();
        String cancellation = c.creditNoteNumber() == null ? null : "Annulé par l'avoir " + c.creditNoteNumber() + " du "
                + date(c.cancelledOn()) + " : " + (c.cancelReason() == null ? "" : c.cancelReason());
        return of(c, seller, false, "Appel de contribution " + number, "Appel de contribution ENT", number,
                date(c.issuedOn()), "Montant appelé", null, cancellation);
    }

    /** The credit note that cancelled the call (the whole amount). */
    static CallDocument creditNote(CallView c, String seller) {
        return of(c, seller, true, "Avoir " + c.creditNoteNumber(), "Avoir sur appel de contribution ENT",
                c.creditNoteNumber(), date(c.cancelledOn()), "Montant de l'avoir (appel annulé)", c.cancelReason(), null);
    }

    private static CallDocument of(CallView c, String seller, boolean creditNote, String title, String heading,
            String number, String date, String amountLabel, String reason, String cancellation) {
        JsonNode d = c.derivation();
        List<Line> lines = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        String caption;
        if (c.kind() == CallKind.ECOLES_PRO_RATA) {
            caption = "Écoles : contribution au prorata des élèves bénéficiaires (charte, art. 4.1 à 4.4)";
            euros(figures, d, "paidExpenses", "Dépenses effectivement acquittées", "");
            euros(figures, d, "feder", "FEDER obtenu pour le compte des membres", "− ");
            euros(figures, d, "netCharges", "Charges nettes communes", "");
            euros(figures, d, "collegesInvoiced", "Refacturé au Département pour les collèges (prix du marché, art. 4.3)", "− ");
            euros(figures, d, "ecolesPool", "Charges réparties entre les écoles", "");
            plain(figures, d, "students", "Élèves bénéficiaires du membre");
            plain(figures, d, "totalStudents", "Élèves bénéficiaires de tous les membres redevables");
            euros(figures, d, "exactShare", "Part exacte (charges des écoles × élèves / total)", "");
            euros(figures, d, "floor", "Part arrondie au centime inférieur", "");
            euros(figures, d, "roundingAdjustment", "Arrondi au centime (plus forts restes)", "+ ");
        } else {
            caption = "Collèges : refacturation au prix du marché (charte, art. 4.3)";
            for (JsonNode l : d.path("lines")) {
                lines.add(new Line(l.path("label").asText(), l.path("quantity").asText(),
                        euros(l.path("unitPrice").asText()), euros(l.path("amount").asText())));
            }
        }
        return new CallDocument(creditNote, title, seller, heading, number, c.number(), date(c.issuedOn()),
                c.memberName() == null ? "" : c.memberName(), c.memberId(), c.schoolYear(), status(c.status()), date,
                caption, figures, lines, lines.isEmpty() ? 1 : 3, amountLabel, euros(c.amount()), reason, cancellation);
    }

    private static void euros(List<Figure> figures, JsonNode d, String field, String label, String sign) {
        if (d.hasNonNull(field)) {
            figures.add(new Figure(label, sign + euros(d.get(field).asText())));
        }
    }

    private static void plain(List<Figure> figures, JsonNode d, String field, String label) {
        if (d.hasNonNull(field)) {
            figures.add(new Figure(label, d.get(field).asText()));
        }
    }

    /** "1275.5" → "1 275,50 €" (no-break space between thousands, the scale of the value, at least two decimals). */
    static String euros(String amount) {
        BigDecimal v = new BigDecimal(amount);
        int scale = Math.max(2, v.scale());
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.FRANCE);
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('−');
        DecimalFormat format = new DecimalFormat("#,##0." + "0".repeat(scale), symbols);
        return format.format(v) + " €";
    }

    static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    static String status(CallStatus s) {
        return switch (s) {
            case DRAFT -> "projet (non émis)";
            case ISSUED -> "émis";
            case PAID -> "payé";
            case CANCELLED -> "annulé";
        };
    }
}
