package fr.somme.ent.projects.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A circonscription of the DSDEN and its IEN: the only inspector who decides on its schools' projects (art. 2). */
@Entity
@Table(name = "circonscription")
public class Circonscription extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "ien_id", nullable = false)
    public String ienId;

    @Column(name = "ien_name")
    public String ienName;

    @Column(nullable = false)
    public int revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_event_id")
    public String lastEventId;
}
