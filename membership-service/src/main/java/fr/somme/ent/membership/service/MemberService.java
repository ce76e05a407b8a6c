package fr.somme.ent.membership.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.membership.config.MembershipConfig;
import fr.somme.ent.membership.domain.CharterRules;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.MemberKind;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Registers, updates and finds members; every change is announced on ent.membership.v1. */
@ApplicationScoped
public class MemberService {

    /** What a member is, as given by an operator or the reference import. */
    public record MemberFacts(String siren, MemberKind kind, String name, String inseeCode, String epciSiren,
            String departement, boolean schoolCompetence) {
    }

    public record Filter(MemberKind kind, Boolean schoolCompetence, String epciSiren, String nameContains) {
    }

    public record PageOf<T>(List<T> items, int page, int size, long total) {
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final Clock clock;
    private final MembershipEvents events;
    private final MembershipConfig config;

    public MemberService(Clock clock, MembershipEvents events, MembershipConfig config) {
        this.clock = clock;
        this.events = events;
        this.config = config;
    }

    @Transactional
    public Member register(MemberFacts facts, String actor) {
        validate(facts);
        if (Member.findById(facts.siren()) != null) {
            throw ProblemException.conflict("member-already-registered", "member " + facts.siren() + " is already registered");
        }
        Member m = new Member();
        m.id = facts.siren();
        m.createdAt = clock.instant();
        m.createdBy = actor;
        apply(m, facts, actor);
        m.persist();
        Races.flushOr(ProblemException.conflict("member-already-registered", "member " + facts.siren() + " is already registered"));
        events.memberRegistered(m);
        return m;
    }

    @Transactional
    public Member update(String siren, MemberFacts facts, String actor) {
        Member m = Member.findById(siren);
        if (m == null) {
            throw ProblemException.notFound("member", siren);
        }
        MemberFacts withId = new MemberFacts(siren, facts.kind(), facts.name(), facts.inseeCode(), facts.epciSiren(),
                facts.departement(), facts.schoolCompetence());
        validate(withId);
        if (!sameFacts(m, withId)) {
            apply(m, withId, actor);
            events.memberUpdated(m);
        }
        return m;
    }

    /** Create or update to the given facts; no event when nothing changes (idempotent import). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome upsert(MemberFacts facts, String actor) {
        Member m = Member.findById(facts.siren());
        if (m == null) {
            register(facts, actor);
            return Outcome.CREATED;
        }
        if (sameFacts(m, facts)) {
            return Outcome.UNCHANGED;
        }
        validate(facts);
        apply(m, facts, actor);
        events.memberUpdated(m);
        return Outcome.UPDATED;
    }

    public PageOf<Member> list(Filter filter, String onlyMember, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (onlyMember != null) {
            q.append(" and id = :id");
            params.put("id", onlyMember);
        }
        if (filter.kind() != null) {
            q.append(" and kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.schoolCompetence() != null) {
            q.append(" and schoolCompetence = :sc");
            params.put("sc", filter.schoolCompetence());
        }
        if (filter.epciSiren() != null && !filter.epciSiren().isBlank()) {
            q.append(" and epciSiren = :epci");
            params.put("epci", filter.epciSiren());
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            q.append(" and lower(name) like :name");
            params.put("name", "%" + filter.nameContains().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        var query = Member.find(q.toString(), Sort.by("name").and("id"), params);
        long total = query.count();
        List<Member> items = query.page(Page.of(page, size)).list();
        return new PageOf<>(items, page, size, total);
    }

    private void validate(MemberFacts f) {
        CharterRules.aMemberIsIdentifiedByAValidSiren(f.siren());
        CharterRules.aCommuneHasAnInseeCode(f.kind(), f.inseeCode());
        CharterRules.aCommuneLiesInTheDepartementOfItsInseeCode(f.inseeCode(), f.departement());
        CharterRules.onlyMembersInsideThePerimeterCanAdhere(f.departement(), config.perimeter());
        if (f.epciSiren() != null) {
            CharterRules.aMemberIsIdentifiedByAValidSiren(f.epciSiren());
        }
        if (f.inseeCode() != null) {
            Member other = Member.find("inseeCode", f.inseeCode()).firstResult();
            if (other != null && !other.id.equals(f.siren())) {
                throw ProblemException.conflict("insee-code-already-registered", "INSEE code " + f.inseeCode()
                        + " belongs to member " + other.id);
            }
        }
    }

    private static boolean sameFacts(Member m, MemberFacts f) {
        return m.kind == f.kind() && m.name.equals(f.name()) && Objects.equals(m.inseeCode, f.inseeCode())
                && Objects.equals(m.epciSiren, f.epciSiren()) && m.departement.equals(f.departement())
                && m.schoolCompetence == f.schoolCompetence();
    }

    private void apply(Member m, MemberFacts f, String actor) {
        m.kind = f.kind();
        m.name = f.name();
        m.inseeCode = f.inseeCode();
        m.epciSiren = f.epciSiren();
        m.departement = f.departement();
        m.schoolCompetence = f.schoolCompetence();
        m.updatedAt = clock.instant();
        m.updatedBy = actor;
    }
}
