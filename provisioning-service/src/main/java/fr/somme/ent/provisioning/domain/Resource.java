package fr.somme.ent.provisioning.domain;

import java.math.BigDecimal;
import java.util.List;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/**
 * A paid pedagogical resource reached by SSO (art. 2), with the market unit price per school year. ACCOUNTS is the
 * accounts component, never a resource.
 */
public record Resource(String code, String title, String supplier, String ssoProtocol,
        boolean validatedByDepartement, List<Price> prices) {

    public record Price(String schoolYear, BigDecimal unitPrice) {
    }

    /** Refuses a malformed code ({@code resource-code}) or school year ({@code school-year}). */
    public Resource {
        if (!code.matches("^[A-Z0-9][A-Z0-9_-]{1,39}$") || "ACCOUNTS".equals(code)) {
            throw Rejection.invalidInput("resource-code", "a resource code is 2 to 40 characters A-Z, 0-9, '-', '_' "
                    + "(ACCOUNTS is reserved for the accounts component)");
        }
        for (Price p : prices) {
            if (!SchoolYear.isValid(p.schoolYear())) {
                throw Rejection.invalidInput("school-year", p.schoolYear() + " is not a school year like 2026-2027");
            }
        }
        prices = List.copyOf(prices);
    }
}
