package fr.somme.ent.provisioning.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which licences a deployed class gets (rule 10, art. 2; art. 4.3 for collèges). */
public final class LicenceRule {

    public record CatalogueEntry(String code, BigDecimal unitPrice, boolean validatedByDepartement) {
    }

    public record Order(String resourceCode, int quantity, BigDecimal unitPrice) {
    }

    public record Skipped(String resourceCode, String reason) {
    }

    public record Outcome(List<Order> orders, List<Skipped> skipped) {
    }

    private LicenceRule() {
    }

    /**
     * Rule 10 (art. 2) and rule 17 (art. 4.3): one licence per student for each requested resource that is in the
     * catalogue with a price for the school year; for a collège only resources validated by the Département; never a
     * component the member opted out of for that school year.
     */
    public static Outcome licencePerStudentForEachRequestedCatalogueResourceNotOptedOut(List<String> requested,
            Map<String, CatalogueEntry> catalogueForYear, SchoolLevel level, Set<String> optedOutComponents, int students) {
        List<Order> orders = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (String code : new LinkedHashSet<>(requested)) {
            CatalogueEntry entry = catalogueForYear.get(code);
            if (entry == null) {
                skipped.add(new Skipped(code, "not-in-catalogue"));
            } else if (level == SchoolLevel.COLLEGE && !entry.validatedByDepartement()) {
                skipped.add(new Skipped(code, "not-validated-by-departement"));
            } else if (optedOutComponents.contains(code)) {
                skipped.add(new Skipped(code, "component-opted-out"));
            } else if (students < 1) {
                skipped.add(new Skipped(code, "no-students"));
            } else {
                orders.add(new Order(code, students, entry.unitPrice()));
            }
        }
        return new Outcome(List.copyOf(orders), List.copyOf(skipped));
    }
}
