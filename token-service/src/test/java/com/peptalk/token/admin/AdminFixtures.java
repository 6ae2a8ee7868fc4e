package com.peptalk.token.admin;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

/**
 * Directory rows written straight into the tables, so the admin pages' tests do not depend on the directory
 * API. Names carry a random suffix because every test class of the service shares one database.
 */
record AdminFixtures(JdbcTemplate jdbc) {

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    long company(String name) {
        return jdbc.queryForObject("insert into companies (name) values (?) returning id", Long.class, name);
    }

    long project(long company, String name) {
        return jdbc.queryForObject("insert into projects (company_id, name) values (?, ?) returning id", Long.class,
                company, name);
    }

    long group(long company, String name, List<Long> projects) {
        long group = jdbc.queryForObject("insert into project_groups (company_id, name) values (?, ?) returning id",
                Long.class, company, name);
        projects.forEach(project -> jdbc.update(
                "insert into project_group_members (project_group_id, project_id) values (?, ?)", group, project));
        return group;
    }

    int activeTokens(String resourceType, long resourceId) {
        return jdbc.queryForObject("""
                select count(*) from api_tokens where resource_type = ? and resource_id = ? and status = 'active'
                """, Integer.class, resourceType, resourceId);
    }

    long allTokens() {
        return jdbc.queryForObject("select count(*) from api_tokens", Long.class);
    }
}
