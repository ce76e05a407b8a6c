package fr.somme.ent.membership.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.somme.ent.membership.domain.ComponentOptOut;

/** {@code fr.ent.membership.component-opt-out-notified.v1}: the Département's notice was recorded (art. 4.3). */
public record ComponentOptOutNotified(String memberId, UUID optOutId, List<String> components, LocalDate notifiedOn,
        String effectiveFromSchoolYear) {

    public static final String TYPE = "fr.ent.membership.component-opt-out-notified.v1";

    public static ComponentOptOutNotified of(ComponentOptOut o) {
        return new ComponentOptOutNotified(o.memberId, o.id, o.componentList(), o.notifiedOn, o.effectiveFromSchoolYear);
    }
}
