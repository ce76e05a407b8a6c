package fr.somme.ent.membership.repository;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.MemberKind;
import fr.somme.ent.membership.domain.MemberSearch;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** The members, by SIREN. */
@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, String> {

    public Optional<Member> findByInseeCode(String inseeCode) {
        return find("inseeCode", inseeCode).firstResultOptional();
    }

    /** The INSEE codes of the communes registered as members of an EPCI (their epci_siren): the EPCI's territory (art. 3). */
    public Set<String> inseeCodesOfCommunesOf(String epciSiren) {
        return getEntityManager().createQuery("select m.inseeCode from Member m where m.kind = :kind and m.epciSiren = :epci",
                String.class).setParameter("kind", MemberKind.COMMUNE).setParameter("epci", epciSiren).getResultStream()
                .collect(Collectors.toSet());
    }

    /** The members matching every given criterion, by name then SIREN; the caller pages and counts. */
    public PanacheQuery<Member> search(MemberSearch search) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (search.onlyMember() != null) {
            q.append(" and id = :id");
            params.put("id", search.onlyMember());
        }
        if (search.kind() != null) {
            q.append(" and kind = :kind");
            params.put("kind", search.kind());
        }
        if (search.schoolCompetence() != null) {
            q.append(" and schoolCompetence = :sc");
            params.put("sc", search.schoolCompetence());
        }
        if (search.epciSiren() != null && !search.epciSiren().isBlank()) {
            q.append(" and epciSiren = :epci");
            params.put("epci", search.epciSiren());
        }
        if (search.nameContains() != null && !search.nameContains().isBlank()) {
            q.append(" and lower(name) like :name");
            params.put("name", "%" + search.nameContains().toLowerCase(Locale.ROOT) + "%");
        }
        return find(q.toString(), Sort.by("name").and("id"), params);
    }
}
