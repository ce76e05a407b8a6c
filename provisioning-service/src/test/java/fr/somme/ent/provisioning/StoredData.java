package fr.somme.ent.provisioning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.somme.ent.testsupport.ServiceDatabase;

/** What the service's database holds, read directly (rule 12: where personal data could remain). */
public final class StoredData {

    private StoredData() {
    }

    /** Every {@code table.column} of the service's schema (every text column of every table) holding that text. */
    public static List<String> tablesHolding(String text) {
        List<String> columns = new ArrayList<>();
        List<String> found = new ArrayList<>();
        try (Connection c = ServiceDatabase.connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb', 'json') "
                    + "ORDER BY table_name, column_name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add("\"" + rs.getString("table_name") + "\".\"" + rs.getString("column_name") + "\"");
                }
            }
            for (String column : columns) {
                String table = column.substring(0, column.indexOf('.'));
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) AS n FROM " + table
                        + " WHERE position(lower(?) in lower(" + column + "::text)) > 0")) {
                    ps.setString(1, text);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong("n") > 0) {
                            found.add(column);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("could not read the database", e);
        }
        return found;
    }

    /** The id of one student account of the class. */
    public static String studentAccount(UUID projectId) {
        return Scenario.text("SELECT id::text FROM account WHERE project_id = ? AND role = 'STUDENT' ORDER BY login LIMIT 1",
                projectId);
    }
}
