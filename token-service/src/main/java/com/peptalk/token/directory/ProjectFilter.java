package com.peptalk.token.directory;

/**
 * The filters of {@code GET /api/directory/projects}; each is optional and they combine with "and".
 *
 * @param q a case-insensitive part of the name
 * @param projectGroupId only the members of this group
 */
public record ProjectFilter(Long companyId, String status, String q, Long projectGroupId) {
}
