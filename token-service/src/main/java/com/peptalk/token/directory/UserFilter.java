package com.peptalk.token.directory;

/**
 * The filters of {@code GET /api/directory/users}; each is optional and they combine with "and".
 *
 * @param q a case-insensitive part of the name or the email
 */
public record UserFilter(Long companyId, String status, String role, String q) {
}
