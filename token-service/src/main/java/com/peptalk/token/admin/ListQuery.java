package com.peptalk.token.admin;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.Locale;

/**
 * What a list page shows: an optional company filter, a page (from 1, as people count) and an order. It also
 * builds the page's own links, so filters survive paging and the batch action's redirect.
 */
record ListQuery(Long companyId, int page, Sort sort) {

    enum Sort {
        NEWEST, NAME;

        String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reads the query parameters a person may have typed; anything off is a 400 page saying which one. */
    static ListQuery of(Long companyId, Integer page, String sort) {
        if (companyId != null && companyId <= 0) {
            throw new BadAdminRequest("The company filter must be a company id (a positive whole number).");
        }
        if (page != null && page < 1) {
            throw new BadAdminRequest("The page number must be 1 or more.");
        }
        return new ListQuery(companyId, page == null ? 1 : page, parseSort(sort));
    }

    /**
     * Reads the same values from the hidden fields of the batch form, where they only say where to go back to:
     * anything off falls back to the first page of everything rather than failing the action.
     */
    static ListQuery lenient(String companyId, String page, String sort) {
        try {
            return of(blank(companyId) ? null : Long.valueOf(companyId.strip()),
                    blank(page) ? null : Integer.valueOf(page.strip()), sort);
        }
        catch (RuntimeException ex) {
            return new ListQuery(null, 1, Sort.NEWEST);
        }
    }

    long offset(int pageSize) {
        return (long) (page - 1) * pageSize;
    }

    public String sortParam() {
        return sort.param();
    }

    /** A link to another page of the same list. */
    String url(String path, int otherPage) {
        return builder(path, otherPage).toUriString();
    }

    UriComponentsBuilder builder(String path, int otherPage) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        if (companyId != null) {
            url.queryParam("company_id", companyId);
        }
        if (sort != Sort.NEWEST) {
            url.queryParam("sort", sort.param());
        }
        if (otherPage != 1) {
            url.queryParam("page", otherPage);
        }
        return url;
    }

    private static Sort parseSort(String sort) {
        if (blank(sort)) {
            return Sort.NEWEST;
        }
        for (Sort candidate : Sort.values()) {
            if (candidate.param().equals(sort.strip())) {
                return candidate;
            }
        }
        throw new BadAdminRequest("The order must be “newest” or “name”.");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
