package com.peptalk.token.admin;

/**
 * Where a list page stands: "page 2 of 5, 118 groups", with links to the neighbours ({@code null} at the ends).
 */
record Pagination(int page, int totalPages, long totalItems, String previousUrl, String nextUrl) {

    static Pagination of(ListQuery query, String path, long totalItems, int pageSize) {
        int totalPages = (int) Math.max(1, Math.ceilDiv(totalItems, (long) pageSize));
        return new Pagination(query.page(), totalPages, totalItems,
                query.page() > 1 ? query.url(path, Math.min(query.page() - 1, totalPages)) : null,
                query.page() < totalPages ? query.url(path, query.page() + 1) : null);
    }

    /** A page number past the end (a stale link): the page says so instead of showing an empty table silently. */
    public boolean pastTheEnd() {
        return page > totalPages;
    }
}
