package fr.somme.ent.billing.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.MarketPriceInvoice.PriceList;
import fr.somme.ent.billing.domain.Money;

/** The market's price list per school year ({@code price_list_item}, art. 4.3). */
@ApplicationScoped
public class PriceListRepository {

    static final String LICENCE = "LICENCE:";

    private final EntityManager em;

    public PriceListRepository(EntityManager em) {
        this.em = em;
    }

    /** Sets (or replaces) the unit price of one component for the year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void set(String schoolYear, String component, long unitPriceCents, String setBy, Instant at) {
        em.createNativeQuery("""
                INSERT INTO price_list_item (school_year, component, unit_price, set_by, set_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (school_year, component) DO UPDATE SET unit_price = EXCLUDED.unit_price,
                  set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at""")
                .setParameter(1, schoolYear).setParameter(2, component).setParameter(3, Money.euros(unitPriceCents))
                .setParameter(4, setBy).setParameter(5, Timestamp.from(at)).executeUpdate();
    }

    /** Unit prices in cents by component ({@code ACCOUNT_CREATION}, {@code ACCOUNT_OPERATION}, {@code LICENCE:<code>}). */
    @SuppressWarnings("unchecked")
    public Map<String, Long> unitPrices(String schoolYear) {
        Map<String, Long> prices = new TreeMap<>();
        for (Tuple r : (List<Tuple>) em.createNativeQuery(
                "SELECT component, unit_price FROM price_list_item WHERE school_year = ?1", Tuple.class)
                .setParameter(1, schoolYear).getResultList()) {
            prices.put(Rows.text(r, "component"), Rows.cents(r, "unit_price"));
        }
        return prices;
    }

    /** The year's price list as the collèges' invoice reads it (a component without a price is null / absent). */
    public PriceList priceList(String schoolYear) {
        Map<String, Long> prices = unitPrices(schoolYear);
        Map<String, Long> licences = new TreeMap<>();
        prices.forEach((component, cents) -> {
            if (component.startsWith(LICENCE)) {
                licences.put(component.substring(LICENCE.length()), cents);
            }
        });
        return new PriceList(prices.get("ACCOUNT_CREATION"), prices.get("ACCOUNT_OPERATION"), licences);
    }
}
