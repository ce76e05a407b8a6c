package fr.somme.ent.membership.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.membership.domain.School;
import fr.somme.ent.membership.domain.SchoolLevel;
import fr.somme.ent.membership.repository.SchoolRepository;

import io.quarkus.runtime.StartupEvent;

/**
 * The school reference (art. 3): the Somme's open data, loaded at startup when the reference is empty and by the
 * operator's import, and the DSDEN's facts, which win over the open data for the same UAI.
 */
@ApplicationScoped
public class SchoolReferenceService {

    private static final Logger LOG = Logger.getLogger(SchoolReferenceService.class);

    private final Clock clock;
    private final SchoolRepository schools;

    public SchoolReferenceService(Clock clock, SchoolRepository schools) {
        this.clock = clock;
        this.schools = schools;
    }

    /**
     * At startup, loads the open data if the reference is empty. Safe with two replicas starting together: the upsert
     * ignores what the other one wrote (same facts, nothing rewritten).
     */
    @Transactional
    void loadWhenEmpty(@Observes StartupEvent start) {
        if (schools.count() == 0) {
            int n = loadOpenData();
            LOG.infof("school reference was empty: %d schools loaded from the Somme open data", n);
        }
    }

    /** Upserts the open data (never over a DSDEN fact); returns the number of schools in the files. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int loadOpenData() {
        List<School> openData = SommeOpenDataSchools.read();
        schools.upsert(openData, clock.instant());
        return openData.size();
    }

    /** A DSDEN fact: always applied, it wins over the open data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyFromDsden(School school) {
        school.source = School.Source.DSDEN;
        schools.upsert(List.of(school), clock.instant());
    }

    public Optional<School> find(String uai) {
        return schools.findByIdOptional(uai);
    }

    /** A page of the schools matching every given criterion, by UAI. */
    public PageOf<School> search(String communeInsee, SchoolLevel level, String q, int page, int size) {
        return Pages.of(schools.search(communeInsee, level, q), page, size);
    }
}
