package fr.somme.ent.billing.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import fr.somme.ent.billing.domain.BeneficiaryStudents.ClassAccess;

/**
 * The écoles' figures of a period at national scale (issue #13 point 8: 35,000 members, 260,000 classes), read set-based
 * with two statements streamed straight from JDBC: every école class of the year in member order (served by the
 * covering index {@code class_access_ecole_year}, no sort), and every member with an école access with its first one.
 */
@ApplicationScoped
public class EcoleFiguresRepository {

    /** A member with école classes: its name and first école access (any school year). */
    public record EcoleMember(String memberId, String name, LocalDate firstAccessStart) {
    }

    private static final int FETCH = 10_000;

    private final EntityManager em;

    public EcoleFiguresRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The école classes (projects) of the year by member (SIREN order), by school, class label and project. 260,000 rows
     * at national scale, all kept until the period is computed: the values many classes share (a school's UAI, a label,
     * a date) are one object each (issue #15: less to allocate and to keep).
     */
    public Map<String, List<ClassAccess>> ecoleClasses(String schoolYear) {
        Map<String, List<ClassAccess>> byMember = new LinkedHashMap<>();
        Map<String, String> texts = new HashMap<>();
        Map<String, LocalDate> dates = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = streamed(connection, """
                    SELECT member_id, project_id, school_uai, class_label, students, access_start::text AS access_start,
                           access_end::text AS access_end
                    FROM class_access WHERE school_year = ? AND school_level = 'ECOLE'
                    ORDER BY member_id, school_uai, class_label, project_id""")) {
                statement.setString(1, schoolYear);
                try (ResultSet rows = statement.executeQuery()) {
                    List<ClassAccess> current = null;
                    String currentMember = null;
                    while (rows.next()) {
                        String member = rows.getString("member_id");
                        if (!member.equals(currentMember)) {
                            currentMember = member;
                            current = byMember.computeIfAbsent(member, k -> new ArrayList<>());
                        }
                        current.add(new ClassAccess(rows.getObject("project_id", UUID.class),
                                shared(texts, rows.getString("school_uai")), shared(texts, rows.getString("class_label")),
                                rows.getLong("students"), date(dates, rows.getString("access_start")),
                                date(dates, rows.getString("access_end"))));
                    }
                }
            }
        });
        return byMember;
    }

    /**
     * The école classes of the year by member (SIREN order) for the amounts only: the classes of a member that share
     * their access dates as one row, their students summed, without project, school or label. The counting rule and the
     * liability (art. 4.1, rule 13) depend on nothing else, so they give the same figures as {@link #ecoleClasses} with
     * one row per member and pair of dates instead of one per class (at national scale ~35,000 instead of 260,000).
     */
    public Map<String, List<ClassAccess>> ecoleClassesByAccessDates(String schoolYear) {
        Map<String, List<ClassAccess>> byMember = new LinkedHashMap<>();
        Map<String, LocalDate> dates = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = streamed(connection, """
                    SELECT member_id, access_start::text AS access_start, access_end::text AS access_end,
                           sum(students) AS students FROM class_access
                    WHERE school_year = ? AND school_level = 'ECOLE'
                    GROUP BY member_id, access_start, access_end ORDER BY member_id, access_start, access_end""")) {
                statement.setString(1, schoolYear);
                try (ResultSet rows = statement.executeQuery()) {
                    List<ClassAccess> current = null;
                    String currentMember = null;
                    while (rows.next()) {
                        String member = rows.getString("member_id");
                        if (!member.equals(currentMember)) {
                            currentMember = member;
                            current = byMember.computeIfAbsent(member, k -> new ArrayList<>());
                        }
                        current.add(new ClassAccess(null, null, null, rows.getLong("students"),
                                date(dates, rows.getString("access_start")), date(dates, rows.getString("access_end"))));
                    }
                }
            }
        });
        return byMember;
    }

    private static String shared(Map<String, String> texts, String text) {
        return text == null ? null : texts.computeIfAbsent(text, t -> t);
    }

    /** An ISO date ({@code date::text}, PostgreSQL's default DateStyle ISO) as one LocalDate per distinct value. */
    private static LocalDate date(Map<String, LocalDate> dates, String iso) {
        return iso == null ? null : dates.computeIfAbsent(iso, LocalDate::parse);
    }

    /** Every member with an école access recorded (any year), with its name and first école access, in SIREN order. */
    public List<EcoleMember> ecoleMembers() {
        List<EcoleMember> members = new ArrayList<>();
        Map<String, LocalDate> dates = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = streamed(connection, """
                    SELECT m.member_id, m.name, f.first_access_start::text AS first_access_start
                    FROM billing_member m
                    JOIN (SELECT member_id, min(access_start) AS first_access_start FROM class_access
                          WHERE school_level = 'ECOLE' GROUP BY member_id) f ON f.member_id = m.member_id
                    ORDER BY m.member_id""");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    members.add(new EcoleMember(rows.getString("member_id"), rows.getString("name"),
                            date(dates, rows.getString("first_access_start"))));
                }
            }
        });
        return members;
    }

    private static PreparedStatement streamed(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH);
        return statement;
    }
}
