package fr.somme.ent.provisioning.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.provisioning.domain.Licence;
import fr.somme.ent.provisioning.domain.LicenceRule;
import fr.somme.ent.provisioning.domain.LicenceState;

/** Table {@code licence}, and the catalogue as the licence rule reads it (prices of one school year). */
@ApplicationScoped
public class LicenceRepository {

    private final Jdbc jdbc;

    public LicenceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The resources with a price for the school year, by code. */
    public Map<String, LicenceRule.CatalogueEntry> catalogueFor(String schoolYear) {
        Map<String, LicenceRule.CatalogueEntry> catalogue = new HashMap<>();
        jdbc.list("SELECT r.code, p.unit_price, r.validated_by_departement FROM resource r JOIN resource_price p "
                + "ON p.code = r.code AND p.school_year = ?", rs -> catalogue.put(rs.getString("code"),
                        new LicenceRule.CatalogueEntry(rs.getString("code"), rs.getBigDecimal("unit_price"),
                                rs.getBoolean("validated_by_departement"))), schoolYear);
        return catalogue;
    }

    /** The licence lines the rule ordered for one class. */
    public record ClassOrder(UUID projectId, List<LicenceRule.Order> orders) {
    }

    /** The licence lines of these classes, assigned on that date, in one statement. */
    public void assignAll(List<ClassOrder> classes, LocalDate on) {
        List<String> projects = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<String> prices = new ArrayList<>();
        for (ClassOrder c : classes) {
            for (LicenceRule.Order o : c.orders()) {
                projects.add(c.projectId().toString());
                codes.add(o.resourceCode());
                quantities.add(o.quantity());
                prices.add(o.unitPrice().toPlainString());
            }
        }
        if (projects.isEmpty()) {
            return;
        }
        jdbc.update("INSERT INTO licence (project_id, resource_code, quantity, unit_price, state, assigned_on) "
                + "SELECT p, r, q, u, 'ASSIGNED', ? FROM unnest(?::uuid[], ?::text[], ?::int[], ?::numeric[]) AS x(p, r, q, u) "
                + "ON CONFLICT DO NOTHING", on, projects.toArray(String[]::new), codes.toArray(String[]::new),
                quantities.toArray(Integer[]::new), prices.toArray(String[]::new));
    }

    /** Revokes the class's assigned licences on that date; returns them. */
    public List<Licence> revokeAll(UUID projectId, LocalDate on) {
        return jdbc.list("UPDATE licence SET state = 'REVOKED', revoked_on = ? WHERE project_id = ? "
                + "AND state = 'ASSIGNED' RETURNING resource_code, quantity, unit_price, state", LicenceRepository::map,
                on, projectId);
    }

    static Licence map(ResultSet rs) throws SQLException {
        return new Licence(rs.getString("resource_code"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"),
                LicenceState.valueOf(rs.getString("state")));
    }
}
