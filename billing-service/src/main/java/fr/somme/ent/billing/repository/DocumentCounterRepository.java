package fr.somme.ent.billing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.DocumentSeries;

/** The gapless sequences of document numbers, one per series and school year (rule 18). */
@ApplicationScoped
public class DocumentCounterRepository {

    private final EntityManager em;

    public DocumentCounterRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The next number of the series in the year. The counter row is upserted with {@code last_number + 1 … RETURNING},
     * which locks it until the transaction ends: concurrent issues wait for each other, and a rolled-back transaction
     * gives its number back, so the sequence has no gap.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String next(DocumentSeries series, String schoolYear) {
        int n = ((Number) em.createNativeQuery("""
                INSERT INTO document_counter (series, school_year, last_number) VALUES (?1, ?2, 1)
                ON CONFLICT (series, school_year) DO UPDATE SET last_number = document_counter.last_number + 1
                RETURNING last_number""").setParameter(1, series.name()).setParameter(2, schoolYear).getSingleResult())
                .intValue();
        return series.number(schoolYear, n);
    }
}
