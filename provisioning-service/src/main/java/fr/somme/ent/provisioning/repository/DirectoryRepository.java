package fr.somme.ent.provisioning.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.provisioning.domain.Account;
import fr.somme.ent.provisioning.domain.Directory.Filter;
import fr.somme.ent.provisioning.domain.Directory.Group;
import fr.somme.ent.provisioning.domain.Directory.Member;
import fr.somme.ent.provisioning.domain.Directory.Page;
import fr.somme.ent.provisioning.domain.Directory.PageRequest;

/** What the ENT platform reads: accounts not purged (Users), deployed or closed classes with their accounts (Groups). */
@ApplicationScoped
public class DirectoryRepository {

    /** A filter as SQL conditions, each starting with AND, and their parameters. */
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
        Where w = where(filter, " AND lower(login) = lower(?)", " AND last_modified > ?");
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
        Where w = where(filter, " AND (class_label || ' - ' || school_uai || ' - ' || school_year) = ?", " AND updated_at > ?");
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

    private static Where where(Filter filter, String nameCondition, String modifiedCondition) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (String name : filter.names()) {
            sql.append(nameCondition);
            params.add(name);
        }
        for (Instant after : filter.modifiedAfter()) {
            sql.append(modifiedCondition);
            params.add(after);
        }
        return new Where(sql.toString(), params);
    }
}
