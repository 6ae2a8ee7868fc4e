package com.peptalk.token.directory;

/**
 * The filters of {@code GET /api/directory/project-groups}; each is optional and they combine with "and".
 *
 * @param q a case-insensitive part of the name
 * @param projectId only the groups this project belongs to
 */
public record ProjectGroupFilter(Long companyId, String q, Long projectId) {
}
