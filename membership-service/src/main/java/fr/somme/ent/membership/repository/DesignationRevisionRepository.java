package fr.somme.ent.membership.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.membership.domain.DesignatedSchool;
import fr.somme.ent.membership.domain.DesignationRevision;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Every revision of the members' designations per school year; the schools of a revision are stored as JSON. */
@ApplicationScoped
public class DesignationRevisionRepository implements PanacheRepositoryBase<DesignationRevision, UUID> {

    private static final TypeReference<List<DesignatedSchool>> SCHOOLS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public DesignationRevisionRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Records the next revision (1, 2, … per member and school year) of the member's schools. */
    public DesignationRevision recordNext(String memberId, UUID adhesionId, String schoolYear, List<DesignatedSchool> schools,
            String designatedBy, Instant designatedAt) {
        DesignationRevision r = new DesignationRevision();
        r.id = UUID.randomUUID();
        r.memberId = memberId;
        r.adhesionId = adhesionId;
        r.schoolYear = schoolYear;
        r.revision = (int) count("memberId = ?1 and schoolYear = ?2", memberId, schoolYear) + 1;
        r.schools = write(schools);
        r.designatedBy = designatedBy;
        r.designatedAt = designatedAt;
        persist(r);
        return r;
    }

    public Optional<DesignationRevision> latest(String memberId, String schoolYear) {
        return find("memberId = ?1 and schoolYear = ?2", Sort.descending("revision"), memberId, schoolYear).firstResultOptional();
    }

    public List<DesignationRevision> history(String memberId, String schoolYear) {
        return list("memberId = ?1 and schoolYear = ?2", Sort.by("revision"), memberId, schoolYear);
    }

    public List<DesignatedSchool> schoolsOf(DesignationRevision r) {
        try {
            return json.readValue(r.schools, SCHOOLS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable designation revision " + r.id, e);
        }
    }

    private String write(List<DesignatedSchool> schools) {
        try {
            return json.writeValueAsString(schools);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
