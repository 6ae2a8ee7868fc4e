package com.peptalk.automation.recipients;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The contacts of given projects who hold one of given roles. Plain SQL (JdbcClient): one query that joins and
 * groups thousands of contacts with their projects, which a fan-out needs at once and JPA would load row by row.
 */
@Component
public class Audiences {

    private final JdbcClient jdbc;

    Audiences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each contact once, with the projects (of {@code projectIds}) they belong to; in contact id order. */
    public List<AudienceMember> of(Collection<Long> projectIds, Collection<String> roles) {
        if (projectIds.isEmpty() || roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select c.id, c.name, c.email, c.phone, c.email_opt_in, c.sms_opt_in, c.time_zone, c.locale,
                       array_agg(cp.project_id order by cp.project_id)
                from contacts c join contact_projects cp on cp.contact_id = c.id
                where cp.project_id = any(?)
                  and exists (select 1 from contact_roles r where r.contact_id = c.id and r.role = any(?))
                group by c.id order by c.id
                """).params(projectIds.toArray(Long[]::new), roles.toArray(String[]::new))
                .query((rs, i) -> new AudienceMember(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getString(8),
                        longs(rs.getArray(9))))
                .list();
    }

    private static List<Long> longs(Array array) throws SQLException {
        return Arrays.stream((Long[]) array.getArray()).toList();
    }
}
