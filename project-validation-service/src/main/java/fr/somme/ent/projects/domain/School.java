package fr.somme.ent.projects.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A school or collège as the DSDEN knows it, with the circonscription whose IEN validates its projects. */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    public enum Level { MATERNELLE, ELEMENTAIRE, PRIMAIRE, COLLEGE }

    public enum Sector { PUBLIC, PRIVATE }

    @Id
    public String uai;

    @Column(nullable = false)
    public String name;

    @Column(name = "commune_insee", nullable = false)
    public String communeInsee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sector sector;

    @Column(name = "circonscription_code", nullable = false)
    public String circonscriptionCode;

    @Column(nullable = false)
    public int revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_event_id")
    public String lastEventId;
}
