package fr.somme.ent.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The Département's notice that it stops paying for components of the service (art. 4.3). */
@Entity
@Table(name = "component_opt_out")
public class ComponentOptOut {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    /** Comma-separated: ACCOUNTS or resource codes of the catalogue. */
    @Column(nullable = false)
    public String components;

    @Column(name = "notified_on", nullable = false)
    public LocalDate notifiedOn;

    @Column(name = "effective_from_school_year", nullable = false)
    public String effectiveFromSchoolYear;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Art. 4.3: the notice applies from the school year after the one it was notified in. */
    public static ComponentOptOut notified(String memberId, List<String> components, LocalDate notifiedOn, String recordedBy,
            Instant recordedAt) {
        ComponentOptOut o = new ComponentOptOut();
        o.id = UUID.randomUUID();
        o.memberId = memberId;
        o.components = String.join(",", components);
        o.notifiedOn = notifiedOn;
        o.effectiveFromSchoolYear = ComponentOptOutRules.optOutAppliesFromTheSchoolYearAfterItsNotification(notifiedOn).name();
        o.recordedBy = recordedBy;
        o.recordedAt = recordedAt;
        return o;
    }

    public List<String> componentList() {
        return Arrays.asList(components.split(","));
    }
}
