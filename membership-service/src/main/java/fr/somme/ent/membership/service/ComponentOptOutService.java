package fr.somme.ent.membership.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.membership.domain.AdhesionRules;
import fr.somme.ent.membership.domain.ComponentOptOut;
import fr.somme.ent.membership.domain.ComponentOptOutRules;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.messaging.MembershipEvents;
import fr.somme.ent.membership.repository.ComponentOptOutRepository;

/** The Département's notices that it stops paying for components of the service (art. 4.3). */
@ApplicationScoped
public class ComponentOptOutService {

    private final Clock clock;
    private final MembershipEvents events;
    private final ComponentOptOutRepository optOuts;

    public ComponentOptOutService(Clock clock, MembershipEvents events, ComponentOptOutRepository optOuts) {
        this.clock = clock;
        this.events = events;
        this.optOuts = optOuts;
    }

    @Transactional
    public ComponentOptOut notify(Member member, List<String> components, LocalDate notifiedOn, String actor) {
        ComponentOptOutRules.onlyTheDepartementOptsOutOfComponents(member);
        AdhesionRules.legalDatesAreNotInTheFuture(notifiedOn, LocalDate.now(clock), "notification date");
        List<String> cleaned = ComponentOptOutRules.componentsAreAccountsOrResourceCodes(components);
        ComponentOptOut o = ComponentOptOut.notified(member.id, cleaned, notifiedOn, actor, clock.instant());
        optOuts.persist(o);
        events.componentOptOutNotified(o);
        return o;
    }

    /** A page of the member's opt-outs, in the order they were recorded. */
    public PageOf<ComponentOptOut> list(Member member, int page, int size) {
        return Pages.of(optOuts.ofMember(member.id), page, size);
    }
}
