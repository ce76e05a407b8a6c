package fr.somme.ent.provisioning.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.provisioning.domain.Account;
import fr.somme.ent.provisioning.domain.Directory.Field;
import fr.somme.ent.provisioning.domain.Directory.Filter;
import fr.somme.ent.provisioning.domain.Directory.Group;
import fr.somme.ent.provisioning.domain.Directory.Member;
import fr.somme.ent.provisioning.domain.Directory.Page;
import fr.somme.ent.provisioning.domain.Directory.PageRequest;

/** What the ENT platform reads: accounts not purged (Users), deployed or closed classes with their accounts (Groups). */
@ApplicationScoped
public class DirectoryRepository {

    /** A filter as one SQL condition starting with AND (or nothing), and its parameters, bound in order. */
    private record Where(String sql, List<Object> params) {

        List<Object> with(Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(List.of(more));
            return all;
        }
    }

    private final Jdbc jdbc;

    public DirectoryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Account> users(Filter filter, PageRequest page) {
        Where w = where(filter, DirectoryRepository::userColumn);
        long total = jdbc.select("SELECT count(*) AS total FROM account WHERE purged_at IS NULL" + w.sql(), w.with(),
                rs -> rs.getLong("total")).get(0);
        List<Account> users = jdbc.select("SELECT * FROM account WHERE purged_at IS NULL" + w.sql()
                + " ORDER BY created_at, id LIMIT ? OFFSET ?", w.with(page.size(), page.offset()), AccountRepository::map);
        return new Page<>(total, users);
    }

    public Optional<Account> user(UUID id) {
        return jdbc.one("SELECT * FROM account WHERE id = ? AND purged_at IS NULL", AccountRepository::map, id);
    }

    public Page<Group> groups(Filter filter, PageRequest page) {
        Where w = where(filter, DirectoryRepository::groupColumn);
        String from = " FROM class_deployment WHERE status IN ('DEPLOYED', 'CLOSED')" + w.sql();
        long total = jdbc.select("SELECT count(*) AS total" + from, w.with(), rs -> rs.getLong("total")).get(0);
        List<UUID> ids = jdbc.select("SELECT project_id" + from + " ORDER BY project_id LIMIT ? OFFSET ?",
                w.with(page.size(), page.offset()), rs -> rs.getObject("project_id", UUID.class));
        return new Page<>(total, groups(ids));
    }

    public Optional<Group> group(UUID projectId) {
        List<UUID> ids = jdbc.list("SELECT project_id FROM class_deployment WHERE project_id = ? AND status IN ('DEPLOYED', 'CLOSED')",
                rs -> rs.getObject("project_id", UUID.class), projectId);
        return groups(ids).stream().findFirst();
    }

    private List<Group> groups(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String[] keys = Jdbc.uuids(ids);
        Map<UUID, List<Member>> members = new LinkedHashMap<>();
        jdbc.list("SELECT project_id, id, login FROM account WHERE project_id = ANY(?::uuid[]) AND purged_at IS NULL "
                + "ORDER BY role DESC, login", rs -> members.computeIfAbsent(rs.getObject("project_id", UUID.class),
                        k -> new ArrayList<>()).add(new Member(rs.getObject("id", UUID.class), rs.getString("login"))),
                (Object) keys);
        return jdbc.list("SELECT project_id, class_label, school_uai, school_year, updated_at FROM class_deployment "
                + "WHERE project_id = ANY(?::uuid[]) ORDER BY project_id", rs -> {
                    UUID id = rs.getObject("project_id", UUID.class);
                    return new Group(id, rs.getString("class_label"), rs.getString("school_uai"), rs.getString("school_year"),
                            Jdbc.instant(rs, "updated_at"), members.getOrDefault(id, List.of()));
                }, (Object) keys);
    }

    /** A column and whether it is compared without regard to case (then both sides are lower-cased). */
    private record Column(String sql, boolean ignoreCase) {
    }

    /** Users: the columns of {@code account}; a field that is not a User's → IllegalArgumentException. */
    private static Column userColumn(Field field) {
        return switch (field) {
            case USER_NAME -> new Column("login", true);
            case EXTERNAL_ID -> new Column("external_id", false);
            case FAMILY_NAME -> new Column("last_name", true);
            case GIVEN_NAME -> new Column("first_name", true);
            case LAST_MODIFIED -> new Column("last_modified", false);
            case CREATED -> new Column("created_at", false);
            case DISPLAY_NAME -> throw new IllegalArgumentException("Users have no " + field);
        };
    }

    /** Groups: the columns of {@code class_deployment}. */
    private static Column groupColumn(Field field) {
        return switch (field) {
            case DISPLAY_NAME -> new Column("(class_label || ' - ' || school_uai || ' - ' || school_year)", true);
            case LAST_MODIFIED -> new Column("updated_at", false);
            default -> throw new IllegalArgumentException("Groups have no " + field);
        };
    }

    /**
     * The filter as SQL. Only column names chosen here and fixed operators are written into the statement; every value
     * is a bind parameter (LIKE patterns escape their own {@code % _ \}).
     */
    private static Where where(Filter filter, Function<Field, Column> columns) {
        if (filter instanceof Filter.Everything) {
            return new Where("", List.of());
        }
        List<Object> params = new ArrayList<>();
        String sql = condition(filter, columns, params);
        return new Where(" AND " + sql, params);
    }

    private static String condition(Filter filter, Function<Field, Column> columns, List<Object> params) {
        if (filter instanceof Filter.Present p) {
            Column c = columns.apply(p.field());
            return p.field().isInstant() ? c.sql() + " IS NOT NULL" : "(" + c.sql() + " IS NOT NULL AND " + c.sql() + " <> '')";
        }
        if (filter instanceof Filter.Compare cmp) {
            return compare(cmp, columns.apply(cmp.field()), params);
        }
        if (filter instanceof Filter.And and) {
            return joined(and.filters(), " AND ", columns, params);
        }
        if (filter instanceof Filter.Or or) {
            return joined(or.filters(), " OR ", columns, params);
        }
        return "TRUE";
    }

    private static String joined(List<Filter> filters, String operator, Function<Field, Column> columns, List<Object> params) {
        List<String> parts = new ArrayList<>();
        for (Filter f : filters) {
            parts.add(condition(f, columns, params));
        }
        return "(" + String.join(operator, parts) + ")";
    }

    private static String compare(Filter.Compare cmp, Column column, List<Object> params) {
        String left = column.ignoreCase() ? "lower(" + column.sql() + ")" : column.sql();
        String right = column.ignoreCase() ? "lower(?)" : "?";
        switch (cmp.operator()) {
            case EQUAL -> params.add(cmp.value());
            case CONTAINS -> params.add("%" + likeEscaped((String) cmp.value()) + "%");
            case STARTS_WITH -> params.add(likeEscaped((String) cmp.value()) + "%");
            default -> params.add(cmp.value());
        }
        return switch (cmp.operator()) {
            case EQUAL -> left + " = " + right;
            case CONTAINS, STARTS_WITH -> left + " LIKE " + right + " ESCAPE '\\'";
            case AFTER -> left + " > ?";
            case FROM -> left + " >= ?";
            case BEFORE -> left + " < ?";
            case UNTIL -> left + " <= ?";
        };
    }

    /** A text matched literally by LIKE: its {@code \}, {@code %} and {@code _} escaped with {@code \}. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
