package fr.somme.ent.projects.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Figures for the Comité Départemental du Numérique (art. 5; rule 19): projects by school year, circonscription
 * and state, and the validated classes with their number of students. Read-only, straight from the tables.
 */
@ApplicationScoped
public class ReportService {

    public record StateCount(String schoolYear, String circonscriptionCode, String state, long projects) {
    }

    public record ValidatedClass(String schoolYear, String circonscriptionCode, String schoolUai, String schoolName,
            UUID projectId, String classLabel, String levels, int students, String validatedBy, LocalDate validatedOn) {
    }

    private final EntityManager em;

    public ReportService(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public List<StateCount> counts(String schoolYear) {
        List<Object[]> rows = em.createNativeQuery("SELECT school_year, circonscription_code, state, count(*) FROM project "
                + "WHERE (CAST(?1 AS TEXT) IS NULL OR school_year = CAST(?1 AS TEXT)) "
                + "GROUP BY school_year, circonscription_code, state ORDER BY school_year, circonscription_code, state")
                .setParameter(1, schoolYear).getResultList();
        return rows.stream().map(r -> new StateCount(r[0].toString().trim(), (String) r[1], (String) r[2],
                ((Number) r[3]).longValue())).toList();
    }

    @SuppressWarnings("unchecked")
    public List<ValidatedClass> validatedClasses(String schoolYear) {
        List<Object[]> rows = em.createNativeQuery("SELECT p.school_year, p.circonscription_code, p.school_uai, s.name, p.id, "
                + "p.class_label, p.levels, p.students, p.decided_by, p.decided_on FROM project p "
                + "LEFT JOIN school s ON s.uai = p.school_uai WHERE p.state = 'VALIDATED' "
                + "AND (CAST(?1 AS TEXT) IS NULL OR p.school_year = CAST(?1 AS TEXT)) "
                + "ORDER BY p.school_year, p.circonscription_code, p.school_uai, p.class_label, p.id")
                .setParameter(1, schoolYear).getResultList();
        return rows.stream().map(r -> new ValidatedClass(r[0].toString().trim(), (String) r[1], r[2].toString().trim(),
                (String) r[3], UUID.fromString(r[4].toString()), (String) r[5], (String) r[6], ((Number) r[7]).intValue(), (String) r[8],
                localDate(r[9]))).toList();
    }

    private static LocalDate localDate(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
    }

    public static String countsCsv(List<StateCount> rows) {
        StringBuilder csv = new StringBuilder("school_year,circonscription_code,state,projects\r\n");
        rows.forEach(r -> csv.append(cells(r.schoolYear(), r.circonscriptionCode(), r.state(), r.projects())));
        return csv.toString();
    }

    public static String validatedClassesCsv(List<ValidatedClass> rows) {
        StringBuilder csv = new StringBuilder(
                "school_year,circonscription_code,school_uai,school_name,project_id,class_label,levels,students,validated_by,validated_on\r\n");
        rows.forEach(r -> csv.append(cells(r.schoolYear(), r.circonscriptionCode(), r.schoolUai(), r.schoolName(), r.projectId(),
                r.classLabel(), r.levels(), r.students(), r.validatedBy(), r.validatedOn())));
        return csv.toString();
    }

    /** RFC 4180: a cell with a comma, a quote or a line break is quoted, quotes doubled. */
    private static String cells(Object... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String v = values[i] == null ? "" : values[i].toString();
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                v = "\"" + v.replace("\"", "\"\"") + "\"";
            }
            line.append(i == 0 ? "" : ",").append(v);
        }
        return line.append("\r\n").toString();
    }
}
