package fr.somme.ent.membership.domain;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A school currently designated by a member for a school year; one member per school and year. */
@Entity
@Table(name = "school_designation")
@IdClass(SchoolDesignation.Key.class)
public class SchoolDesignation {

    public record Key(String schoolYear, String uai) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "school_year")
    public String schoolYear;

    @Id
    public String uai;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "adhesion_id", nullable = false)
    public UUID adhesionId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int classes;

    @Column(nullable = false)
    public int students;

    public static SchoolDesignation of(String schoolYear, String memberId, UUID adhesionId, DesignatedSchool school) {
        SchoolDesignation d = new SchoolDesignation();
        d.schoolYear = schoolYear;
        d.uai = school.uai();
        d.memberId = memberId;
        d.adhesionId = adhesionId;
        d.name = school.name();
        d.classes = school.classes();
        d.students = school.students();
        return d;
    }

    public DesignatedSchool school() {
        return new DesignatedSchool(uai, name, classes, students);
    }
}
