package fr.somme.ent.projects.repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;

import fr.somme.ent.commons.rest.PageOf;

import fr.somme.ent.projects.domain.ProjectCount;
import fr.somme.ent.projects.domain.ProjectState;
import fr.somme.ent.projects.domain.ValidatedClass;

/** Aggregates for the Comité Départemental du Numérique (art. 5; rule 19), each row mapped by column name at once. */
@ApplicationScoped
public class ReportRepository {

    private final EntityManager em;

    public ReportRepository(EntityManager em) {
        this.em = em;
    }

    private static final String COUNTS = "SELECT school_year, circonscription_code, state, count(*) AS projects FROM project "
            + "WHERE (CAST(:year AS TEXT) IS NULL OR school_year = CAST(:year AS TEXT)) "
            + "GROUP BY school_year, circonscription_code, state";
    /** The group's key, unique per row: a stable order. */
    private static final String COUNTS_ORDER = " ORDER BY school_year, circonscription_code, state";
    private static final String VALIDATED_CLASSES = "SELECT p.school_year, p.circonscription_code, p.school_uai, "
            + "s.name AS school_name, CAST(p.id AS TEXT) AS project_id, p.class_label, p.levels, p.students, p.decided_by, "
            + "p.decided_on FROM project p LEFT JOIN school s ON s.uai = p.school_uai WHERE p.state = 'VALIDATED' "
            + "AND (CAST(:year AS TEXT) IS NULL OR p.school_year = CAST(:year AS TEXT))";
    /** The project id last: a stable order. */
    private static final String VALIDATED_CLASSES_ORDER = " ORDER BY p.school_year, p.circonscription_code, p.school_uai, "
            + "p.class_label, p.id";

    /** Projects by school year, circonscription and state; {@code schoolYear} null for every year. */
    public List<ProjectCount> counts(String schoolYear) {
        return rows(COUNTS + COUNTS_ORDER, schoolYear).getResultList().stream().map(ReportRepository::projectCount).toList();
    }

    /** A page of {@link #counts(String)}: LIMIT/OFFSET and a COUNT of the rows in SQL. */
    public PageOf<ProjectCount> counts(String schoolYear, int page, int size) {
        return page(COUNTS, COUNTS_ORDER, schoolYear, page, size).map(ReportRepository::projectCount);
    }

    /** The validated classes with their students; {@code schoolYear} null for every year. */
    public List<ValidatedClass> validatedClasses(String schoolYear) {
        return rows(VALIDATED_CLASSES + VALIDATED_CLASSES_ORDER, schoolYear).getResultList().stream()
                .map(ReportRepository::validatedClass).toList();
    }

    /** A page of {@link #validatedClasses(String)}: LIMIT/OFFSET and a COUNT in SQL. */
    public PageOf<ValidatedClass> validatedClasses(String schoolYear, int page, int size) {
        return page(VALIDATED_CLASSES, VALIDATED_CLASSES_ORDER, schoolYear, page, size).map(ReportRepository::validatedClass);
    }

    private TypedQuery<Tuple> rows(String sql, String schoolYear) {
        @SuppressWarnings("unchecked")
        TypedQuery<Tuple> query = (TypedQuery<Tuple>) em.createNativeQuery(sql, Tuple.class);
        return query.setParameter("year", schoolYear);
    }

    private PageOf<Tuple> page(String select, String order, String schoolYear, int page, int size) {
        List<Tuple> items = rows(select + order + " LIMIT :limit OFFSET :offset", schoolYear).setParameter("limit", size)
                .setParameter("offset", PageOf.offset(page, size)).getResultList();
        Number total = (Number) em.createNativeQuery("SELECT count(*) FROM (" + select + ") AS report")
                .setParameter("year", schoolYear).getSingleResult();
        return new PageOf<>(items, page, size, total.longValue());
    }

    private static ProjectCount projectCount(Tuple row) {
        return new ProjectCount(fixedWidth(row, "school_year"), text(row, "circonscription_code"),
                ProjectState.valueOf(text(row, "state")), ((Number) row.get("projects")).longValue());
    }

    private static ValidatedClass validatedClass(Tuple row) {
        return new ValidatedClass(fixedWidth(row, "school_year"), text(row, "circonscription_code"), fixedWidth(row, "school_uai"),
                text(row, "school_name"), UUID.fromString(text(row, "project_id")), text(row, "class_label"), text(row, "levels"),
                ((Number) row.get("students")).intValue(), text(row, "decided_by"), date(row, "decided_on"));
    }

    private static String text(Tuple row, String column) {
        Object value = row.get(column);
        return value == null ? null : value.toString();
    }

    /** A CHAR column (school_year, school_uai) without its padding. */
    private static String fixedWidth(Tuple row, String column) {
        String value = text(row, column);
        return value == null ? null : value.trim();
    }

    private static LocalDate date(Tuple row, String column) {
        Object value = row.get(column);
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
    }
}
