package com.peptalk.token.tokens;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

/** Test fixtures written straight into the directory tables, so token tests do not depend on the directory API. */
record Directory(JdbcTemplate jdbc) {

    long company() {
        return jdbc.queryForObject("insert into companies (name) values (?) returning id", Long.class,
                "Company " + UUID.randomUUID());
    }

    long project(long company) {
        return jdbc.queryForObject("insert into projects (company_id, name) values (?, ?) returning id", Long.class,
                company, "Project " + UUID.randomUUID());
    }

    long group(long company, List<Long> projects) {
        long group = jdbc.queryForObject("insert into project_groups (company_id, name) values (?, ?) returning id",
                Long.class, company, "Group " + UUID.randomUUID());
        projects.forEach(project -> jdbc.update(
                "insert into project_group_members (project_group_id, project_id) values (?, ?)", group, project));
        return group;
    }

    int activeTokens(String resourceType, long resourceId) {
        return jdbc.queryForObject("""
                select count(*) from api_tokens where resource_type = ? and resource_id = ? and status = 'active'
                """, Integer.class, resourceType, resourceId);
    }
}
