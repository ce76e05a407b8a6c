package fr.somme.ent.projects.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.projects.domain.Circonscription;
import fr.somme.ent.projects.domain.School;
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.CirconscriptionUpserted;
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.SchoolUpserted;

/** Keeps the DSDEN's circonscriptions and schools, whether they come by event or by import. */
@ApplicationScoped
public class ReferenceDataService {

    private final Clock clock;

    public ReferenceDataService(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Circonscription upsert(CirconscriptionUpserted data, String eventId) {
        Circonscription c = Circonscription.findById(data.code());
        if (c == null) {
            c = new Circonscription();
            c.code = data.code();
            c.revision = 0;
        }
        c.name = data.name();
        c.ienId = data.ien().id();
        c.ienName = data.ien().displayName();
        c.revision++;
        c.updatedAt = clock.instant();
        c.lastEventId = eventId;
        c.persist();
        return c;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public School upsert(SchoolUpserted data, String eventId) {
        if (!Uai.isValid(data.uai())) {
            throw ProblemException.unprocessable("invalid-uai", "'" + data.uai() + "' is not a valid UAI (check letter)");
        }
        School s = School.findById(data.uai());
        if (s == null) {
            s = new School();
            s.uai = data.uai();
            s.revision = 0;
        }
        s.name = data.name();
        s.communeInsee = data.communeInsee();
        s.level = data.level();
        s.sector = data.sector();
        s.circonscriptionCode = data.circonscriptionCode();
        s.revision++;
        s.updatedAt = clock.instant();
        s.lastEventId = eventId;
        s.persist();
        return s;
    }
}
