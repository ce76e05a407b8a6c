package fr.somme.ent.provisioning.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.provisioning.domain.Resource;
import fr.somme.ent.provisioning.domain.Resource.Price;

/** Tables {@code resource} and {@code resource_price}: the catalogue, one price per resource and school year. */
@ApplicationScoped
public class CatalogueRepository {

    /** A resource's columns while its prices are gathered. */
    private record Row(String code, String title, String supplier, String ssoProtocol, boolean validatedByDepartement,
            List<Price> prices) {
    }

    private final Jdbc jdbc;

    public CatalogueRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates or replaces the resource and all its prices. */
    public void save(Resource r, String by, Instant now) {
        jdbc.update("INSERT INTO resource (code, title, supplier, sso_protocol, validated_by_departement, updated_by, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title, supplier = EXCLUDED.supplier, "
                + "sso_protocol = EXCLUDED.sso_protocol, validated_by_departement = EXCLUDED.validated_by_departement, "
                + "updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at", r.code(), r.title(), r.supplier(),
                r.ssoProtocol(), r.validatedByDepartement(), by, now);
        jdbc.update("DELETE FROM resource_price WHERE code = ?", r.code());
        jdbc.batch("INSERT INTO resource_price (code, school_year, unit_price) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                r.prices(), p -> List.of(r.code(), p.schoolYear(), p.unitPrice()));
    }

    /** One resource (code) or the whole catalogue (null), by code, prices by school year. */
    public List<Resource> find(String code) {
        return withPrices("(SELECT * FROM resource WHERE (CAST(? AS TEXT) IS NULL OR code = ?))", code, code);
    }

    /** A page of the catalogue in code order (the primary key): its resources only are read, with their prices. */
    public List<Resource> page(int limit, long offset) {
        return withPrices("(SELECT * FROM resource ORDER BY code LIMIT ? OFFSET ?)", limit, offset);
    }

    /** How many resources {@link #page} pages through. */
    public long count() {
        return jdbc.list("SELECT count(*) AS n FROM resource", rs -> rs.getLong("n")).get(0);
    }

    /** The resources the sub-query selects (its columns those of {@code resource}), by code, prices by school year. */
    private List<Resource> withPrices(String resources, Object... params) {
        Map<String, Row> rows = new LinkedHashMap<>();
        jdbc.list("SELECT r.code, r.title, r.supplier, r.sso_protocol, r.validated_by_departement, p.school_year, p.unit_price "
                + "FROM " + resources + " r LEFT JOIN resource_price p ON p.code = r.code "
                + "ORDER BY r.code, p.school_year", rs -> {
                    String c = rs.getString("code");
                    Row row = rows.get(c);
                    if (row == null) {
                        row = new Row(c, rs.getString("title"), rs.getString("supplier"), rs.getString("sso_protocol"),
                                rs.getBoolean("validated_by_departement"), new ArrayList<>());
                        rows.put(c, row);
                    }
                    if (rs.getString("school_year") != null) {
                        row.prices().add(new Price(rs.getString("school_year"), rs.getBigDecimal("unit_price")));
                    }
                    return row;
                }, params);
        return rows.values().stream().map(r -> new Resource(r.code(), r.title(), r.supplier(), r.ssoProtocol(),
                r.validatedByDepartement(), r.prices())).toList();
    }
}
