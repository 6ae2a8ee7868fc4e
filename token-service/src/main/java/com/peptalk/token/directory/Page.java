package com.peptalk.token.directory;

import java.util.List;

/**
 * One page of a list, in a stable order (by id), with what a client needs to page on.
 *
 * @param items this page's items
 * @param page the page number, from 0
 * @param size the page size actually used (a requested size above the limit is capped)
 * @param totalItems how many items match the filters
 * @param totalPages how many pages of {@code size} that makes
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public Page {
        items = List.copyOf(items);
    }

    static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        return new Page<>(items, request.page(), request.size(), totalItems,
                (int) Math.ceilDiv(totalItems, (long) request.size()));
    }
}
