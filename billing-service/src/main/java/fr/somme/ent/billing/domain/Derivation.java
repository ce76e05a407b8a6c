package fr.somme.ent.billing.domain;

import java.util.List;

import fr.somme.ent.billing.domain.BeneficiaryStudents.ClassAccess;

/**
 * How the amount of a call was obtained: its inputs and every step of the figure (rule 18: every figure can be
 * explained). Stored as JSON with the call and shown in views, documents and exports: the component names and their
 * order are the document's format and must not change (a recomputation compares the stored text).
 */
public sealed interface Derivation permits Derivation.EcolesProRata, Derivation.CollegesMarketPrice {

    /**
     * Art. 4.1 to 4.4: one member's pro-rata share of the écoles' pool (net charges = paid expenses − FEDER, minus what
     * the Département is invoiced for the collèges at market prices); amounts in euros with two decimals.
     */
    record EcolesProRata(String rule, String paidExpenses, String feder, String netCharges, String collegesInvoiced,
            String ecolesPool, long students, long totalStudents, String exactShare, String floor,
            String roundingAdjustment, String share, String firstAccessStart, String terminatedOn,
            List<ClassAccess> classes) implements Derivation {

        public static final String RULE = "art. 4.1/4.2/4.3/4.4: écoles' pool = paid expenses - FEDER - collèges invoiced to "
                + "the Département at market prices (never below 0); share = pool x students / total students, "
                + "largest remainder to the cent, ties to the smaller SIREN";
    }

    /** Art. 4.3: the collèges' lines at the year's market prices. */
    record CollegesMarketPrice(String rule, List<String> optedOut, List<Line> lines, String total) implements Derivation {

        public static final String RULE = "art. 4.3: quantity x unit price of the year's market price list, opted-out components excluded";
    }

    /** One line of a collèges' call: quantity × unit price = amount, and where the quantity comes from. */
    record Line(String component, String label, long quantity, String unitPrice, String amount, String source) {
    }
}
