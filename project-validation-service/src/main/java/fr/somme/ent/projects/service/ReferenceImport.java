package fr.somme.ent.projects.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.projects.messaging.DsdenReferenceEvents.CirconscriptionUpserted;
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.SchoolUpserted;

/** Bulk import of the DSDEN's reference data through REST: all or nothing, applied like the events. */
@ApplicationScoped
public class ReferenceImport {

    public record Imported(int circonscriptions, int schools) {
    }

    private final ReferenceDataService referenceData;

    public ReferenceImport(ReferenceDataService referenceData) {
        this.referenceData = referenceData;
    }

    /** One transaction: a single invalid school (e.g. a wrong UAI check letter) refuses the whole import. */
    @Transactional
    public Imported importAll(List<CirconscriptionUpserted> circonscriptions, List<SchoolUpserted> schools) {
        List<CirconscriptionUpserted> cs = circonscriptions == null ? List.of() : circonscriptions;
        List<SchoolUpserted> ss = schools == null ? List.of() : schools;
        cs.forEach(c -> referenceData.upsert(c, null));
        ss.forEach(s -> referenceData.upsert(s, null));
        return new Imported(cs.size(), ss.size());
    }
}
