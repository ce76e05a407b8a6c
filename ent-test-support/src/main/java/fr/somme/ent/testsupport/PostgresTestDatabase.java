package fr.somme.ent.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at its own database on the real PostgreSQL server
 * ({@code 127.0.0.1:5432} unless {@code ENT_TEST_DB_HOST}/{@code ENT_TEST_DB_PORT} say otherwise),
 * creating it when missing. {@code scripts/postgres.sh ensure} starts the server (or installs it)
 * and creates the role {@code ent}. Each application start cleans and migrates the schema
 * ({@code %test.quarkus.flyway.clean-at-start}), so every test run starts from the migrations.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null || !database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("PostgresTestDatabase needs a 'database' init arg (lower-case identifier)");
        }
    }

    @Override
    public Map<String, String> start() {
        String host = env("ENT_TEST_DB_HOST", "127.0.0.1");
        String port = env("ENT_TEST_DB_PORT", "5432");
        String user = env("ENT_TEST_DB_USER", "ent");
        String password = env("ENT_TEST_DB_PASSWORD", "ent");
        String base = "jdbc:postgresql://" + host + ":" + port + "/";
        try (Connection c = DriverManager.getConnection(base + "postgres", user, password)) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        try (Statement create = c.createStatement()) {
                            create.execute("CREATE DATABASE " + database);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " is not usable as '" + user
                    + "' (" + e.getMessage() + "); run scripts/postgres.sh ensure", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", base + database,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        // The database stays: the next start cleans and migrates it.
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
