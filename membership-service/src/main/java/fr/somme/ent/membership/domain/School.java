package fr.somme.ent.membership.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A school of the reference (art. 3): the Somme's open data, overridden by the DSDEN's {@code school-upserted} events.
 * Its level and its commune decide which member may designate it, never the member's kind.
 */
@Entity
@Table(name = "school")
public class School {

    /** The DSDEN's detailed level; {@link #level()} is what the territory rule needs. */
    public enum DetailedLevel {
        MATERNELLE, ELEMENTAIRE, PRIMAIRE, COLLEGE;

        public SchoolLevel level() {
            return this == COLLEGE ? SchoolLevel.COLLEGE : SchoolLevel.ECOLE;
        }
    }

    public enum Sector { PUBLIC, PRIVATE }

    /** Where the facts come from: a DSDEN event wins over the open data for the same UAI. */
    public enum Source { OPEN_DATA, DSDEN }

    @Id
    public String uai;

    @Column(nullable = false)
    public String name;

    @Column(name = "commune_insee", nullable = false)
    public String communeInsee;

    @Enumerated(EnumType.STRING)
    @Column(name = "detailed_level", nullable = false)
    public DetailedLevel detailedLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sector sector;

    @Column(nullable = false)
    public boolean open;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public SchoolLevel level() {
        return detailedLevel.level();
    }
}
