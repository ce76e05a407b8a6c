package fr.somme.ent.membership.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.membership.domain.School;
import fr.somme.ent.membership.domain.SchoolLevel;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/**
 * The school reference (art. 3). Reads through Panache; the loads are set-based upserts in which a DSDEN fact wins over
 * the open data: an open-data row never replaces a DSDEN one, and rewrites nothing when its facts are unchanged.
 */
@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, String> {

    private static final String UPSERT = "INSERT INTO school (uai, name, commune_insee, detailed_level, sector, open, source, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uai) DO UPDATE SET name = EXCLUDED.name, "
            + "commune_insee = EXCLUDED.commune_insee, detailed_level = EXCLUDED.detailed_level, sector = EXCLUDED.sector, "
            + "open = EXCLUDED.open, source = EXCLUDED.source, updated_at = EXCLUDED.updated_at "
            + "WHERE (EXCLUDED.source = 'DSDEN' OR school.source = 'OPEN_DATA') AND (school.name, school.commune_insee, "
            + "school.detailed_level, school.sector, school.open, school.source) IS DISTINCT FROM (EXCLUDED.name, "
            + "EXCLUDED.commune_insee, EXCLUDED.detailed_level, EXCLUDED.sector, EXCLUDED.open, EXCLUDED.source)";

    private final DataSource dataSource;

    public SchoolRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts or updates the schools (each carries its source) in the caller's transaction; returns how many rows were
     * written (an unchanged school, or open data over a DSDEN fact, writes nothing).
     */
    public int upsert(Collection<School> schools, Instant at) {
        // Pending entity changes first, so that the statement and the session see the same rows.
        flush();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (School s : schools) {
                ps.setString(1, s.uai);
                ps.setString(2, s.name);
                ps.setString(3, s.communeInsee);
                ps.setString(4, s.detailedLevel.name());
                ps.setString(5, s.sector.name());
                ps.setBoolean(6, s.open);
                ps.setString(7, s.source.name());
                ps.setTimestamp(8, Timestamp.from(at));
                ps.addBatch();
            }
            int written = 0;
            for (int n : ps.executeBatch()) {
                written += Math.max(n, 0);
            }
            return written;
        } catch (SQLException e) {
            throw new IllegalStateException("school reference upsert failed", e);
        }
    }

    /** The schools matching every given criterion (commune, level, name or UAI containing q), by UAI; the caller pages and counts. */
    public PanacheQuery<School> search(String communeInsee, SchoolLevel level, String q) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (communeInsee != null && !communeInsee.isBlank()) {
            where.append(" and communeInsee = :insee");
            params.put("insee", communeInsee.trim());
        }
        if (level != null) {
            where.append(level == SchoolLevel.COLLEGE ? " and detailedLevel = :college" : " and detailedLevel <> :college");
            params.put("college", School.DetailedLevel.COLLEGE);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(name) like :q or lower(uai) like :q)");
            params.put("q", "%" + q.trim().toLowerCase(Locale.ROOT) + "%");
        }
        return find(where.toString(), Sort.by("uai"), params);
    }
}
