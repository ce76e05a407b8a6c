package fr.somme.ent.billing.domain;

/**
 * The numbered documents of billing, each with its own gapless sequence per school year (rule 18): calls
 * {@code AC-<year>-NNNN} and credit notes {@code AV-<year>-NNNN}. The name is the series stored in {@code document_counter}.
 */
public enum DocumentSeries {
    CALL("AC"),
    CREDIT_NOTE("AV");

    private final String prefix;

    DocumentSeries(String prefix) {
        this.prefix = prefix;
    }

    /** The document number for the n-th document of the series in {@code schoolYear}, e.g. {@code AC-2014-2015-0001}. */
    public String number(String schoolYear, int n) {
        return prefix + "-" + schoolYear + "-" + String.format("%04d", n);
    }
}
