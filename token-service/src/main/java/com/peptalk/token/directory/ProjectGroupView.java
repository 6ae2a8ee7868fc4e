package com.peptalk.token.directory;

import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A project group as the API shows it, with its members' ids in ascending order. */
public record ProjectGroupView(long id, long companyId, String name, List<Long> projectIds, Instant createdAt,
        Instant updatedAt) {

    public ProjectGroupView {
        projectIds = List.copyOf(projectIds);
    }

    static final String COLUMNS = """
            id, company_id, name, created_at, updated_at,
            array(select m.project_id from project_group_members m
                  where m.project_group_id = project_groups.id order by m.project_id) as project_ids""";

    static final RowMapper<ProjectGroupView> ROWS = (rs, i) -> new ProjectGroupView(rs.getLong("id"),
            rs.getLong("company_id"), rs.getString("name"),
            Arrays.asList((Long[]) rs.getArray("project_ids").getArray()),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant());
}
