package com.peptalk.token.admin;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * The read-only queries behind the admin pages, straight on the directory tables: the pages need joins
 * (company names, member counts) and orders (newest, by name) that the directory's JSON API does not offer.
 * Plain SQL (JdbcClient), not the directory's repositories: each page is one projection query, where loading
 * entities would read every column and then each group's membership only to count it.
 */
@Component
class AdminQueries {

    /** The most companies the filter offers; beyond that an admin types {@code ?company_id=} by hand. */
    static final int MAX_COMPANY_OPTIONS = 1000;

    record CompanyOption(long id, String name, boolean archived) {
    }

    record GroupRow(long id, String name, long companyId, String companyName, int projectCount) {
    }

    record ProjectRow(long id, String name, String status, long companyId, String companyName) {
    }

    record GroupDetails(long id, String name, long companyId, String companyName, List<ProjectRow> projects) {
    }

    record Slice<T>(List<T> items, long totalItems) {
    }

    private static final RowMapper<GroupRow> GROUP_ROWS = (rs, i) -> new GroupRow(rs.getLong("id"),
            rs.getString("name"), rs.getLong("company_id"), rs.getString("company_name"), rs.getInt("project_count"));

    private static final RowMapper<ProjectRow> PROJECT_ROWS = (rs, i) -> new ProjectRow(rs.getLong("id"),
            rs.getString("name"), rs.getString("status"), rs.getLong("company_id"), rs.getString("company_name"));

    private final JdbcClient jdbc;

    AdminQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<CompanyOption> companies() {
        return jdbc.sql("select id, name, status from companies order by lower(name), id limit :limit")
                .param("limit", MAX_COMPANY_OPTIONS)
                .query((rs, i) -> new CompanyOption(rs.getLong("id"), rs.getString("name"),
                        "archived".equals(rs.getString("status"))))
                .list();
    }

    @Transactional(readOnly = true)
    public boolean companyExists(long id) {
        return jdbc.sql("select exists (select 1 from companies where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public Slice<GroupRow> groups(ListQuery query, int pageSize) {
        String where = query.companyId() == null ? "" : " where g.company_id = :companyId";
        String order = query.sort() == ListQuery.Sort.NAME ? "lower(g.name), g.id" : "g.created_at desc, g.id desc";
        long total = withCompany(jdbc.sql("select count(*) from project_groups g" + where), query)
                .query(Long.class).single();
        List<GroupRow> items = withCompany(jdbc.sql("""
                select g.id, g.name, g.company_id, c.name as company_name,
                       (select count(*) from project_group_members m where m.project_group_id = g.id) as project_count
                from project_groups g join companies c on c.id = g.company_id""" + where
                + " order by " + order + " limit :limit offset :offset"), query)
                .param("limit", pageSize).param("offset", query.offset(pageSize))
                .query(GROUP_ROWS).list();
        return new Slice<>(items, total);
    }

    /** The group with its member projects (archived ones too: they stay members), by name. */
    @Transactional(readOnly = true)
    public Optional<GroupDetails> group(long id) {
        record Header(long id, String name, long companyId, String companyName) {
        }
        return jdbc.sql("""
                select g.id, g.name, g.company_id, c.name as company_name
                from project_groups g join companies c on c.id = g.company_id where g.id = :id
                """).param("id", id)
                .query((rs, i) -> new Header(rs.getLong("id"), rs.getString("name"), rs.getLong("company_id"),
                        rs.getString("company_name")))
                .optional()
                .map(group -> new GroupDetails(group.id(), group.name(), group.companyId(), group.companyName(),
                        jdbc.sql("""
                                select p.id, p.name, p.status, p.company_id, c.name as company_name
                                from project_group_members m
                                join projects p on p.id = m.project_id
                                join companies c on c.id = p.company_id
                                where m.project_group_id = :id
                                order by lower(p.name), p.id
                                """).param("id", id).query(PROJECT_ROWS).list()));
    }

    @Transactional(readOnly = true)
    public Slice<ProjectRow> projects(ListQuery query, int pageSize) {
        String where = query.companyId() == null ? "" : " where p.company_id = :companyId";
        String order = query.sort() == ListQuery.Sort.NAME ? "lower(p.name), p.id" : "p.created_at desc, p.id desc";
        long total = withCompany(jdbc.sql("select count(*) from projects p" + where), query)
                .query(Long.class).single();
        List<ProjectRow> items = withCompany(jdbc.sql("""
                select p.id, p.name, p.status, p.company_id, c.name as company_name
                from projects p join companies c on c.id = p.company_id""" + where
                + " order by " + order + " limit :limit offset :offset"), query)
                .param("limit", pageSize).param("offset", query.offset(pageSize))
                .query(PROJECT_ROWS).list();
        return new Slice<>(items, total);
    }

    @Transactional(readOnly = true)
    public Optional<ProjectRow> project(long id) {
        return jdbc.sql("""
                select p.id, p.name, p.status, p.company_id, c.name as company_name
                from projects p join companies c on c.id = p.company_id where p.id = :id
                """).param("id", id).query(PROJECT_ROWS).optional();
    }

    private static JdbcClient.StatementSpec withCompany(JdbcClient.StatementSpec statement, ListQuery query) {
        return query.companyId() == null ? statement : statement.param("companyId", query.companyId());
    }
}
