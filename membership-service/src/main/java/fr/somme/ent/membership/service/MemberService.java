package fr.somme.ent.membership.service;

import fr.somme.ent.commons.rest.PageOf;
import java.time.Clock;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.membership.config.MembershipConfig;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.MemberKind;
import fr.somme.ent.membership.domain.MemberRules;
import fr.somme.ent.membership.domain.MemberSearch;
import fr.somme.ent.membership.messaging.MembershipEvents;
import fr.somme.ent.membership.repository.MemberRepository;


/** Registers, updates and finds members; every change is announced on ent.membership.v1. */
@ApplicationScoped
@RefusesConcurrentUpdates
public class MemberService {

    /** What a member is, as given by an operator or the reference import. */
    public record MemberFacts(String siren, MemberKind kind, String name, String inseeCode, String epciSiren,
            String departement, boolean schoolCompetence) {
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final Clock clock;
    private final MembershipEvents events;
    private final MembershipConfig config;
    private final MemberRepository members;

    public MemberService(Clock clock, MembershipEvents events, MembershipConfig config, MemberRepository members) {
        this.clock = clock;
        this.events = events;
        this.config = config;
        this.members = members;
    }

    @Transactional
    public Member register(MemberFacts facts, String actor) {
        validate(facts);
        MemberRules.aMemberIsRegisteredOnce(facts.siren(), members.findByIdOptional(facts.siren()));
        Member m = new Member();
        m.id = facts.siren();
        m.createdAt = clock.instant();
        m.createdBy = actor;
        apply(m, facts, actor);
        members.persist(m);
        Races.flushOr(members, MemberRules.alreadyRegistered(facts.siren()));
        events.memberRegistered(m);
        return m;
    }

    @Transactional
    public Member update(String siren, MemberFacts facts, String actor) {
        Member m = members.findByIdOptional(siren).orElseThrow(() -> ProblemException.notFound("member", siren));
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
        Member m = members.findById(facts.siren());
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

    public PageOf<Member> list(MemberSearch search, int page, int size) {
        return Pages.of(members.search(search), page, size);
    }

    private void validate(MemberFacts f) {
        MemberRules.aMemberIsIdentifiedByAValidSiren(f.siren());
        MemberRules.aCommuneHasAnInseeCode(f.kind(), f.inseeCode());
        MemberRules.aCommuneLiesInTheDepartementOfItsInseeCode(f.inseeCode(), f.departement());
        MemberRules.onlyMembersInsideThePerimeterCanAdhere(f.departement(), config.perimeter());
        if (f.epciSiren() != null) {
            MemberRules.aMemberIsIdentifiedByAValidSiren(f.epciSiren());
        }
        if (f.inseeCode() != null) {
            MemberRules.anInseeCodeBelongsToOneMember(f.inseeCode(), f.siren(), members.findByInseeCode(f.inseeCode()));
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
