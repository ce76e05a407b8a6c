package fr.somme.ent.membership.domain;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/**
 * The charter's rules on the Département's component opt-outs (art. 4.3), one method per rule, each named after it.
 * A broken rule is a {@link Rejection} with a stable slug; nothing is changed.
 */
public final class ComponentOptOutRules {

    private ComponentOptOutRules() {
    }

    /** Art. 4.3: only the Département (for its collèges) opts out of components it pays for. */
    public static void onlyTheDepartementOptsOutOfComponents(Member member) {
        if (member.kind != MemberKind.DEPARTEMENT) {
            throw Rejection.ruleNotSatisfied("opt-out-reserved-to-departement",
                    "only the Département notifies component opt-outs (art. 4.3); member " + member.id + " is a " + member.kind);
        }
    }

    /**
     * Art. 4.3: a component is ACCOUNTS or a resource code of the catalogue. Returns them trimmed, upper case, each
     * once, in the order given (a comma would break their storage as a list).
     */
    public static List<String> componentsAreAccountsOrResourceCodes(List<String> components) {
        List<String> cleaned = components.stream().map(c -> c == null ? "" : c.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
        if (cleaned.isEmpty() || cleaned.stream().anyMatch(c -> c.isEmpty() || c.contains(","))) {
            throw Rejection.ruleNotSatisfied("invalid-component",
                    "components are ACCOUNTS or resource codes of the catalogue (non-blank, no comma)");
        }
        return cleaned;
    }

    /**
     * Art. 4.3: notified before the end of school year N (on or before 31 August) it counts for the orders of N+1;
     * a notice after 31 August belongs to the next school year, so it applies from N+2. Both come to: the school year
     * after the one containing the notification.
     */
    public static SchoolYear optOutAppliesFromTheSchoolYearAfterItsNotification(LocalDate notifiedOn) {
        return SchoolYear.containing(notifiedOn).next();
    }
}
