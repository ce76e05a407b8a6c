package fr.somme.ent.membership.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.membership.domain.CharterRules;
import fr.somme.ent.membership.domain.ComponentOptOut;
import fr.somme.ent.membership.domain.Member;

import io.quarkus.panache.common.Sort;

/** The Département's notices that it stops paying for components of the service (art. 4.3). */
@ApplicationScoped
public class ComponentOptOutService {

    public static final String ACCOUNTS = "ACCOUNTS";

    private final Clock clock;
    private final MembershipEvents events;

    public ComponentOptOutService(Clock clock, MembershipEvents events) {
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public ComponentOptOut notify(Member member, List<String> components, LocalDate notifiedOn, String actor) {
        CharterRules.onlyTheDepartementOptsOutOfComponents(member);
        CharterRules.legalDatesAreNotInTheFuture(notifiedOn, LocalDate.now(clock), "notification date");
        List<String> cleaned = components.stream().map(c -> c == null ? "" : c.trim().toUpperCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)).stream().toList();
        if (cleaned.isEmpty() || cleaned.stream().anyMatch(c -> c.isEmpty() || c.contains(","))) {
            throw ProblemException.unprocessable("invalid-component",
                    "components are ACCOUNTS or resource codes of the catalogue (non-blank, no comma)");
        }
        ComponentOptOut o = new ComponentOptOut();
        o.id = UUID.randomUUID();
        o.memberId = member.id;
        o.components = String.join(",", cleaned);
        o.notifiedOn = notifiedOn;
        o.effectiveFromSchoolYear = CharterRules.optOutAppliesFromTheSchoolYearAfterItsNotification(notifiedOn).name();
        o.recordedBy = actor;
        o.recordedAt = clock.instant();
        o.persist();
        events.componentOptOutNotified(o, cleaned);
        return o;
    }

    public List<ComponentOptOut> list(Member member) {
        return ComponentOptOut.list("memberId", Sort.by("recordedAt"), member.id);
    }

    public static List<String> components(ComponentOptOut o) {
        return Arrays.asList(o.components.split(","));
    }
}
