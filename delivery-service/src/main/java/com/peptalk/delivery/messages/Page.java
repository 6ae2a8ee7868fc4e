package com.peptalk.delivery.messages;

import java.util.List;

/**
 * One page of a list, in a stable order, with what a client needs to page on.
 *
 * @param items this page's items
 * @param page the page number, from 0
 * @param size the page size used
 * @param totalItems how many items match the filters
 * @param totalPages how many pages of {@code size} that makes
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        return new Page<>(items, page, size, totalItems, (int) Math.ceilDiv(totalItems, (long) size));
    }
}
