package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import fr.somme.ent.billing.domain.BeneficiaryStudents.ClassAccess;
import fr.somme.ent.billing.domain.MarketPriceInvoice.PriceList;
import fr.somme.ent.billing.domain.MarketPriceInvoice.Usage;
import fr.somme.ent.billing.domain.PeriodFigures.CollegeUsage;
import fr.somme.ent.commons.ids.SchoolYear;

/**
 * The derivation stored with a call is compared as text at each recomputation and read by documents and exports: the
 * typed derivation must write exactly the JSON the former map wrote (same names, same order, same value formats).
 */
class DerivationJsonTest {

    /** Like the application's mapper: java.time registered, dates as ISO strings. */
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final SchoolYear Y = SchoolYear.parse("2016-2017");

    @Test
    void ecolesDerivationWritesTheSameJsonAsBefore() throws Exception {
        UUID project = UUID.fromString("5f1c2d3e-0000-4000-8000-000000000045");
        List<ClassAccess> classes = List.of(new ClassAccess(project, "0800094T", "CE1-A", 45, LocalDate.of(2016, 9, 5),
                LocalDate.of(2017, 1, 15)));
        MemberYear m = new MemberYear("218000123", null, LocalDate.of(2016, 9, 5), Membership.of(List.of(
                new Membership.Event(Membership.Change.ADHESION, LocalDate.of(2016, 6, 30)),
                new Membership.Event(Membership.Change.TERMINATION, LocalDate.of(2017, 1, 15)))), 45, classes);
        MemberYear other = new MemberYear("218000115", null, LocalDate.of(2016, 9, 1), Membership.AS_FAR_AS_KNOWN, 127,
                List.of(new ClassAccess(UUID.randomUUID(), "0800091P", "CM1-A", 127, LocalDate.of(2016, 9, 1), null)));
        PeriodFigures figures = new PeriodFigures(Y, 1_000_000, 250_000, List.of(other, m), List.of(), null);
        ComputedCall call = ContributionComputation.callsOf(figures).get(1);

        Map<String, Object> before = new LinkedHashMap<>();
        before.put("rule", "art. 4.1/4.2/4.3/4.4: écoles' pool = paid expenses - FEDER - collèges invoiced to the Département"
                + " at market prices (never below 0); share = pool x students / total students, largest remainder to the cent,"
                + " ties to the smaller SIREN");
        before.put("paidExpenses", "10000.00");
        before.put("feder", "2500.00");
        before.put("netCharges", "7500.00");
        before.put("collegesInvoiced", "0.00");
        before.put("ecolesPool", "7500.00");
        before.put("students", 45L);
        before.put("totalStudents", 172L);
        before.put("exactShare", "1962.209302");
        before.put("floor", "1962.20");
        before.put("roundingAdjustment", "0.01");
        before.put("share", "1962.21");
        before.put("firstAccessStart", "2016-09-05");
        before.put("terminatedOn", "2017-01-15");
        before.put("classes", classes);
        assertEquals(JSON.writeValueAsString(before), JSON.writeValueAsString(call.derivation()));
        assertEquals(196_221, call.amountCents());
    }

    @Test
    void collegesDerivationWritesTheSameJsonAsBefore() throws Exception {
        PriceList prices = new PriceList(150L, 425L, Map.of("MANUEL-MATHS", 890L, "ATLAS", 120L));
        CollegeUsage usage = new CollegeUsage("228000014", new Usage(300, 300, Map.of("MANUEL-MATHS", 100L, "ATLAS", 60L)),
                Set.of("ATLAS"));
        ComputedCall call = ContributionComputation.callsOf(new PeriodFigures(Y, 0, 0, List.of(), List.of(usage), prices))
                .get(0);

        Map<String, Object> before = new LinkedHashMap<>();
        before.put("rule", "art. 4.3: quantity x unit price of the year's market price list, opted-out components excluded");
        before.put("optedOut", List.of("ATLAS"));
        before.put("lines", List.of(
                line("ACCOUNT_CREATION", "Création de comptes", 300, "1.50", "450.00", "accounts-provisioned (teacher + student accounts)"),
                line("ACCOUNT_OPERATION", "Fonctionnement de comptes", 300, "4.25", "1275.00", "accounts provisioned for the school year"),
                line("LICENCE:MANUEL-MATHS", "Licences MANUEL-MATHS", 100, "8.90", "890.00", "licences-assigned")));
        before.put("total", "2615.00");
        assertEquals(JSON.writeValueAsString(before), JSON.writeValueAsString(call.derivation()));
        assertEquals(CallKind.COLLEGES_MARKET_PRICE, call.kind());
    }

    static Map<String, Object> line(String component, String label, long quantity, String unitPrice, String amount,
            String source) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("component", component);
        line.put("label", label);
        line.put("quantity", quantity);
        line.put("unitPrice", unitPrice);
        line.put("amount", amount);
        line.put("source", source);
        return line;
    }
}
