package com.peptalk.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** What a migrated database looks like, for migration tests. */
public final class Schema {

    public static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                order by table_name
                """, String.class);
    }

    public static List<String> columns(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = current_schema() and table_name = ?
                order by ordinal_position
                """, String.class, table);
    }

    /** The versions Flyway applied, oldest first, with their success flag. */
    public static List<String> appliedMigrations(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                select version || ':' || success from flyway_schema_history
                where version is not null order by installed_rank
                """, String.class);
    }

    private Schema() {
    }
}
