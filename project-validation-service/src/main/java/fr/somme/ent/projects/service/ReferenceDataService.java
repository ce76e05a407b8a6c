package fr.somme.ent.projects.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.projects.domain.Circonscription;
import fr.somme.ent.projects.domain.School;
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.CirconscriptionUpserted;
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.SchoolUpserted;
import fr.somme.ent.projects.repository.CirconscriptionRepository;
import fr.somme.ent.projects.repository.SchoolRepository;

/** Keeps the DSDEN's circonscriptions and schools, whether they come by event or by import. */
@ApplicationScoped
public class ReferenceDataService {

    private final Clock clock;
    private final CirconscriptionRepository circonscriptions;
    private final SchoolRepository schools;

    public ReferenceDataService(Clock clock, CirconscriptionRepository circonscriptions, SchoolRepository schools) {
        this.clock = clock;
        this.circonscriptions = circonscriptions;
        this.schools = schools;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Circonscription upsert(CirconscriptionUpserted data, String eventId) {
        Circonscription c = circonscriptions.findByIdOptional(data.code()).orElseGet(() -> Circonscription.named(data.code()));
        c.update(data.name(), data.ien().id(), data.ien().displayName(), clock.instant(), eventId);
        circonscriptions.persist(c);
        return c;
    }

    /** A school may arrive before its circonscription; a UAI with a wrong check letter is refused. */
    @Transactional(Transactional.TxType.MANDATORY)
    public School upsert(SchoolUpserted data, String eventId) {
        School s = schools.findByIdOptional(data.uai()).orElseGet(() -> School.identifiedBy(data.uai()));
        s.update(new School.Facts(data.name(), data.communeInsee(), data.level(), data.sector(), data.circonscriptionCode()),
                clock.instant(), eventId);
        schools.persist(s);
        return s;
    }
}
