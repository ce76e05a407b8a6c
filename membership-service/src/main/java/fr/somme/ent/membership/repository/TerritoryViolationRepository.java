package fr.somme.ent.membership.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.membership.domain.TerritoryViolation;

/** The report of migration V4: the designations in force that break the territory rule (view designation_territory_violation). */
@ApplicationScoped
public class TerritoryViolationRepository {

    private final DataSource dataSource;

    public TerritoryViolationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The violations {@code [offset, offset + limit)} by member, school year and UAI (unique: a school is designated once a year). */
    public List<TerritoryViolation> list(int offset, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT member_id, school_year, uai, reason FROM designation_territory_violation "
                        + "ORDER BY member_id, school_year, uai LIMIT ? OFFSET ?")) {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            try (ResultSet rs = ps.executeQuery()) {
                List<TerritoryViolation> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new TerritoryViolation(rs.getString("member_id"), rs.getString("school_year"), rs.getString("uai"),
                            rs.getString("reason")));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("territory violations report failed", e);
        }
    }

    public long count() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) AS violations FROM designation_territory_violation");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong("violations");
        } catch (SQLException e) {
            throw new IllegalStateException("territory violations count failed", e);
        }
    }
}
