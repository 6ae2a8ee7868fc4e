package com.peptalk.token;

import com.peptalk.testsupport.Schema;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ServiceTest
class MigrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createsTheDirectoryAndThePolymorphicTokenTable() {
        assertThat(Schema.appliedMigrations(jdbc)).allMatch(m -> m.endsWith(":true")).isNotEmpty();
        assertThat(Schema.tables(jdbc)).contains("companies", "projects", "project_groups",
                "project_group_members", "users", "api_tokens", "processed_events");
        assertThat(Schema.columns(jdbc, "api_tokens")).contains("resource_type", "resource_id", "api_token_type");
        assertThat(Schema.columns(jdbc, "project_groups")).noneMatch(column -> column.contains("token"));
        assertThat(Schema.columns(jdbc, "projects")).noneMatch(column -> column.contains("token"));
    }

    @Test
    void aProjectGroupCannotHaveTwoActiveTokens() {
        long company = jdbc.queryForObject("insert into companies (name) values ('Acme') returning id", Long.class);
        long group = jdbc.queryForObject("insert into project_groups (company_id, name) values (?, ?) returning id",
                Long.class, company, "Group " + UUID.randomUUID());

        insertToken(company, group);

        assertThatThrownBy(() -> insertToken(company, group)).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("api_tokens_one_active_per_project_or_group");
    }

    private void insertToken(long company, long group) {
        jdbc.update("""
                insert into api_tokens (id, resource_type, resource_id, api_token_type, company_id, display_prefix,
                                        token_hash, token_ciphertext, key_id)
                values (?, 'ProjectGroup', ?, 'project_group', ?, 'ppt_pg_', ?, ?, 'k1')
                """, UUID.randomUUID(), group, company, UUID.randomUUID().toString().getBytes(), new byte[] { 1 });
    }
}
