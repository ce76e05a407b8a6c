package fr.somme.ent.projects.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A circonscription of the DSDEN and its IEN: the only inspector who decides on its schools' projects (art. 2). */
@Entity
@Table(name = "circonscription")
public class Circonscription {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "ien_id", nullable = false)
    private String ienId;

    @Column(name = "ien_name")
    private String ienName;

    @Column(nullable = false)
    private int revision;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_event_id")
    private String lastEventId;

    protected Circonscription() {
        // for JPA
    }

    /** A circonscription the DSDEN has not announced yet; {@link #update} gives it its data. */
    public static Circonscription named(String code) {
        Circonscription c = new Circonscription();
        c.code = code;
        return c;
    }

    /** The DSDEN's latest data; {@code revision} counts the changes applied ({@code eventId} null for an import). */
    public void update(String name, String ienId, String ienName, Instant at, String eventId) {
        this.name = name;
        this.ienId = ienId;
        this.ienName = ienName;
        this.revision++;
        this.updatedAt = at;
        this.lastEventId = eventId;
    }

    /** Art. 2 (rule 8): the IEN named in a decision must be this circonscription's. */
    public boolean hasIen(String candidate) {
        return ienId.equals(candidate);
    }

    /** How many changes of the DSDEN were applied to this circonscription. */
    public int revision() {
        return revision;
    }
}
