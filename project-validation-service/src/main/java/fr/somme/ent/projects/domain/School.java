package fr.somme.ent.projects.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.commons.rules.Rejection;

/** A school or collège as the DSDEN knows it, with the circonscription whose IEN validates its projects. */
@Entity
@Table(name = "school")
public class School {

    public enum Level { MATERNELLE, ELEMENTAIRE, PRIMAIRE, COLLEGE }

    public enum Sector { PUBLIC, PRIVATE }

    /** What the DSDEN says of a school, by event or by import. */
    public record Facts(String name, String communeInsee, Level level, Sector sector, String circonscriptionCode) {
    }

    @Id
    private String uai;

    @Column(nullable = false)
    private String name;

    @Column(name = "commune_insee", nullable = false)
    private String communeInsee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Level level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sector sector;

    @Column(name = "circonscription_code", nullable = false)
    private String circonscriptionCode;

    @Column(nullable = false)
    private int revision;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_event_id")
    private String lastEventId;

    protected School() {
        // for JPA
    }

    /** A school not known yet: its UAI must carry the right check letter. */
    public static School identifiedBy(String uai) {
        if (!Uai.isValid(uai)) {
            throw Rejection.ruleNotSatisfied("invalid-uai", "'" + uai + "' is not a valid UAI (check letter)");
        }
        School s = new School();
        s.uai = uai;
        return s;
    }

    /** The DSDEN's latest data; {@code revision} counts the changes applied ({@code eventId} null for an import). */
    public void update(Facts facts, Instant at, String eventId) {
        this.name = facts.name();
        this.communeInsee = facts.communeInsee();
        this.level = facts.level();
        this.sector = facts.sector();
        this.circonscriptionCode = facts.circonscriptionCode();
        this.revision++;
        this.updatedAt = at;
        this.lastEventId = eventId;
    }

    public String uai() {
        return uai;
    }

    public String circonscriptionCode() {
        return circonscriptionCode;
    }

    /** How many changes of the DSDEN were applied to this school. */
    public int revision() {
        return revision;
    }
}
