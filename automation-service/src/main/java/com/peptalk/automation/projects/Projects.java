package com.peptalk.automation.projects;

import com.peptalk.automation.AutomationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads the projection of projects and project groups: which ids exist (deleted ones do not), a group's live
 * members, a project's time zone ({@code peptalk.automation.default-time-zone} when the directory gave none, or one
 * this JVM does not know).
 */
@Component
public class Projects {

    private final JdbcClient jdbc;
    private final ZoneId defaultZone;

    Projects(JdbcClient jdbc, AutomationProperties settings) {
        this.jdbc = jdbc;
        this.defaultZone = settings.defaultTimeZone();
    }

    /** The live projects among {@code ids}, in id order; ids of unknown or deleted projects are left out. */
    public List<Project> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select project_id, company_id, name, time_zone from projects
                where project_id = any(?) and not deleted order by project_id
                """).param(ids.toArray(Long[]::new))
                .query((rs, i) -> new Project(rs.getLong(1), rs.getLong(2), rs.getString(3), zone(rs.getString(4))))
                .list();
    }

    public Optional<Project> find(long id) {
        return find(List.of(id)).stream().findFirst();
    }

    /** The ids among {@code ids} that name no live project. */
    public List<Long> unknown(Collection<Long> ids) {
        List<Long> known = find(ids).stream().map(Project::id).toList();
        return ids.stream().filter(id -> !known.contains(id)).distinct().sorted().toList();
    }

    /** Whether the group exists and is not deleted. */
    public boolean groupExists(long groupId) {
        return jdbc.sql("select count(*) from project_groups where project_group_id = ? and not deleted")
                .param(groupId).query(Long.class).single() > 0;
    }

    /** The live projects of a live group (none for an unknown or deleted group). */
    public List<Project> membersOf(long groupId) {
        List<Long> ids = jdbc.sql("select project_ids from project_groups where project_group_id = ? and not deleted")
                .param(groupId).query((rs, i) -> longs(rs.getArray(1))).optional().orElse(List.of());
        return find(ids);
    }

    private static List<Long> longs(Array array) throws SQLException {
        return Arrays.stream((Long[]) array.getArray()).toList();
    }

    private ZoneId zone(String id) {
        if (id == null) {
            return defaultZone;
        }
        try {
            return ZoneId.of(id);
        }
        catch (DateTimeException ex) {
            return defaultZone;
        }
    }
}
