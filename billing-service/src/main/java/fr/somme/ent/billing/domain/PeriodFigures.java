package fr.somme.ent.billing.domain;

import java.util.List;
import java.util.Set;

import fr.somme.ent.billing.domain.MarketPriceInvoice.PriceList;
import fr.somme.ent.billing.domain.MarketPriceInvoice.Usage;
import fr.somme.ent.commons.ids.SchoolYear;

/**
 * Everything the calls of a school year are computed from (art. 4.1 to 4.4), read at one moment: the dedicated budget,
 * the members with école classes, the collèges' usage with the Département's opt-outs, and the year's price list.
 */
public record PeriodFigures(SchoolYear year, long paidExpensesCents, long federCents, List<MemberYear> ecoleMembers,
        List<CollegeUsage> colleges, PriceList prices) {

    /** A member with collège usage in the year (the Département) and the components it opted out of for that year. */
    public record CollegeUsage(String memberId, Usage usage, Set<String> optedOut) {
    }

    /** Art. 4.2, 4.4: paid expenses − FEDER, never below 0. */
    public long netChargesCents() {
        return ProRataAllocation.netChargesArePaidExpensesMinusFeder(paidExpensesCents, federCents);
    }

    /** Rule 13: the members that pay for the year, in SIREN order. */
    public List<MemberYear> liableMembers() {
        return ecoleMembers.stream().filter(m -> m.isLiableFor(year)).toList();
    }
}
