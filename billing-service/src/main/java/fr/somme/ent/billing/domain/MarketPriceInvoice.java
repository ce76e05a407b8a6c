package fr.somme.ent.billing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The collèges' re-invoicing to the Département at the syndicat's market prices (art. 4.3, rule 17). */
public final class MarketPriceInvoice {

    /** Opt-out component covering account creation and operation (membership's component-opt-out-notified). */
    public static final String ACCOUNTS = "ACCOUNTS";

    /** The price list of a school year, maintained by finance: account creation, account operation, licence per resource. */
    public record PriceList(Long accountCreationCents, Long accountOperationCents, Map<String, Long> licenceCents) {
    }

    /** What was deployed for the Département's collèges in the year (counts from provisioning). */
    public record Usage(long accountsCreated, long accountsOperated, Map<String, Long> licencesByResource) {
    }

    /** One line: quantity × unit price = amount, with the source of the quantity. */
    public record Line(String component, String label, long quantity, long unitPriceCents, long amountCents, String source) {
    }

    public static class MissingPriceException extends RuntimeException {
        public MissingPriceException(String message) {
            super(message);
        }
    }

    private MarketPriceInvoice() {
    }

    /**
     * Art. 4.3: accounts created, accounts operated and the licences of the content the Département validated, each at the
     * unit price of the year's price list (quantity × unit price, exact in cents); components the Département opted out
     * of for this year (ACCOUNTS or a resource code) are not billed. A billed component without a price is refused.
     */
    public static List<Line> linesAtMarketPricesWithoutOptedOutComponents(Usage usage, PriceList prices, Set<String> optedOut) {
        List<Line> lines = new ArrayList<>();
        if (!optedOut.contains(ACCOUNTS)) {
            if (usage.accountsCreated() > 0) {
                lines.add(line("ACCOUNT_CREATION", "Création de comptes", usage.accountsCreated(),
                        require(prices.accountCreationCents(), "account creation"), "accounts-provisioned (teacher + student accounts)"));
            }
            if (usage.accountsOperated() > 0) {
                lines.add(line("ACCOUNT_OPERATION", "Fonctionnement de comptes", usage.accountsOperated(),
                        require(prices.accountOperationCents(), "account operation"), "accounts provisioned for the school year"));
            }
        }
        for (Map.Entry<String, Long> licence : new TreeMap<>(usage.licencesByResource()).entrySet()) {
            if (optedOut.contains(licence.getKey()) || licence.getValue() <= 0) {
                continue;
            }
            lines.add(line("LICENCE:" + licence.getKey(), "Licences " + licence.getKey(), licence.getValue(),
                    require(prices.licenceCents().get(licence.getKey()), "licence " + licence.getKey()), "licences-assigned"));
        }
        return lines;
    }

    private static Line line(String component, String label, long quantity, long unitCents, String source) {
        return new Line(component, label, quantity, unitCents, Math.multiplyExact(quantity, unitCents), source);
    }

    private static long require(Long price, String what) {
        if (price == null) {
            throw new MissingPriceException("the price list of the school year has no price for " + what);
        }
        return price;
    }
}
